# bash completion for keywardctl                                    -*- shell-script -*-
# Installed as share/bash-completion/completions/keywardctl (resources/completion/).
#
# Commands are listed below (add a new one to _keywardctl_groups or _keywardctl_subcommands);
# each command's options come from its own --help, so they are never out of date; key ids come
# from "keywardctl key list --all --json", run without a terminal so it can never stop to ask
# for a passphrase (it answers only when one is in KEYWARD_PASSPHRASE, or the server needs none).

_keywardctl_groups="init key verify member audit report vault db migrate check-format help"
_keywardctl_roles="owner admin developer viewer"
_keywardctl_envs="live stg dev"
_keywardctl_global_options="--vault --db --member --pin --json --help --version"

_keywardctl_subcommands()
{
    case $1 in
    key) echo "create list show calendar export rename edit deactivate activate revoke delete bulk regenerate end-grace reset-usage usage" ;;
    member) echo "add list remove certify role passphrase" ;;
    audit) echo "list verify" ;;
    report) echo "hygiene" ;;
    vault) echo "check backup restore" ;;
    db) echo "setup add-login add-verifier" ;;
    esac
}

# The options one command's help lists, one per line: "--name 1" takes a value, "--all 0" not.
_keywardctl_options()
{
    local line names word value
    while IFS= read -r line; do
        [[ $line =~ ^\ \ (-[^ ]+(,\ -[^ ]+)*)(\ [^ -][^ ]*)?\ \  ]] || continue
        names=${BASH_REMATCH[1]} value=0
        [ -z "${BASH_REMATCH[3]}" ] || value=1
        for word in ${names//,/ }; do
            [[ $word == --* ]] && echo "$word $value"
        done
    done < <("$@" --help 2>/dev/null)
}

# The ids of every key in the vault the global options name.
_keywardctl_key_ids()
{
    local line
    while IFS= read -r line; do
        [[ $line =~ \"id\":([0-9]+) ]] && echo "${BASH_REMATCH[1]}"
    done < <(timeout 5 setsid -w "$@" --json key list --all </dev/null 2>/dev/null)
}

_keywardctl()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=""
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    local program=${COMP_WORDS[0]}
    # shellcheck disable=SC2088 # a literal "~/" as typed, which the shell has not expanded
    [[ $program == "~/"* ]] && program=$HOME/${program#"~/"}
    COMPREPLY=()

    # Global options before the command are passed on to the look-ups (which vault, who).
    local -a globals=()
    local i=1 word
    while ((i < COMP_CWORD)); do
        word=${COMP_WORDS[i]}
        case $word in
        --vault | --db | --member | --pin)
            ((i + 1 < COMP_CWORD)) && globals+=("$word" "${COMP_WORDS[i + 1]}")
            ((i += 2))
            ;;
        --vault=* | --db=* | --member=* | --pin=*) globals+=("$word") && ((i += 1)) ;;
        -*) ((i += 1)) ;;
        *) break ;;
        esac
    done
    local -a command=()
    if ((i < COMP_CWORD)); then
        command=("${COMP_WORDS[i]}")
        if [ -n "$(_keywardctl_subcommands "${COMP_WORDS[i]}")" ] && ((i + 1 < COMP_CWORD)); then
            command+=("${COMP_WORDS[i + 1]}")
        fi
    fi

    # The value of an option.
    case $prev in
    --vault | --from | --to | --out)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        return
        ;;
    --env) mapfile -t COMPREPLY < <(compgen -W "$_keywardctl_envs" -- "$cur") && return ;;
    --role) mapfile -t COMPREPLY < <(compgen -W "$_keywardctl_roles" -- "$cur") && return ;;
    --grace) mapfile -t COMPREPLY < <(compgen -W "0 1h 24h 3d 7d" -- "$cur") && return ;;
    --expires) mapfile -t COMPREPLY < <(compgen -W "7d 30d 90d never" -- "$cur") && return ;;
    --key)
        mapfile -t COMPREPLY < <(compgen -W "$(_keywardctl_key_ids "$program" "${globals[@]}")" \
            -- "$cur")
        return
        ;;
    --db | --member | --pin) return ;;
    esac

    # The command itself.
    if ((${#command[@]} == 0)); then
        if [[ $cur == -* ]]; then
            mapfile -t COMPREPLY < <(compgen -W "$_keywardctl_global_options" -- "$cur")
        else
            mapfile -t COMPREPLY < <(compgen -W "$_keywardctl_groups" -- "$cur")
        fi
        return
    fi
    local subcommands
    subcommands=$(_keywardctl_subcommands "${command[0]}")
    if [ "${command[0]}" = help ]; then
        if ((COMP_CWORD == i + 1)); then
            mapfile -t COMPREPLY < <(compgen -W "${_keywardctl_groups% help}" -- "$cur")
        elif ((COMP_CWORD == i + 2)); then
            mapfile -t COMPREPLY < <(compgen -W "$(_keywardctl_subcommands "${COMP_WORDS[i + 1]}")" \
                -- "$cur")
        fi
        return
    fi
    if [ -n "$subcommands" ] && ((${#command[@]} == 1)); then
        mapfile -t COMPREPLY < <(compgen -W "$subcommands --help" -- "$cur")
        return
    fi

    # Options and arguments of the command.
    local options
    options=$(_keywardctl_options "$program" "${command[@]}")
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(cut -d ' ' -f 1 <<<"$options")" -- "$cur")
        return
    fi
    # Which argument this is: words that are neither options nor their values.
    local position=0 j
    for ((j = i + ${#command[@]}; j < COMP_CWORD; j++)); do
        word=${COMP_WORDS[j]}
        if [[ $word == -?* ]]; then
            [[ $word != *=* ]] && grep -qx -- "$word 1" <<<"$options" && ((j += 1))
        else
            ((position += 1))
        fi
    done
    case "${command[*]}:$position" in
    "key show:0" | "key rename:0" | "key edit:0" | "key deactivate:0" | "key activate:0" | \
        "key revoke:0" | "key delete:0" | "key regenerate:0" | "key end-grace:0" | "key reset-usage:0" | "key usage:0")
        mapfile -t COMPREPLY < <(compgen -W "$(_keywardctl_key_ids "$program" "${globals[@]}")" \
            -- "$cur")
        ;;
    "key bulk:0")
        mapfile -t COMPREPLY < <(compgen -W "deactivate activate revoke delete shorten-expiry" \
            -- "$cur")
        ;;
    "key bulk:"* | "key export:"*)
        mapfile -t COMPREPLY < <(compgen -W "$(_keywardctl_key_ids "$program" "${globals[@]}")" \
            -- "$cur")
        ;;
    "member role:1")
        mapfile -t COMPREPLY < <(compgen -W "$_keywardctl_roles" -- "$cur")
        ;;
    "verify:"*) mapfile -t COMPREPLY < <(compgen -W "- --stdin" -- "$cur") ;;
    esac
}

complete -F _keywardctl keywardctl
