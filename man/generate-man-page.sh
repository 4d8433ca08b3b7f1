#!/usr/bin/env bash
# Build-time: one man page from a program's own --help and --version (help2man), plus the
# sections help cannot hold (NAME, FILES, EXAMPLES, SEE ALSO) from INCLUDE (man/*.h2m). For
# keywardctl (--commands) it also runs every command's --help, so the page lists each command's
# options exactly as the program reads them. Writes OUTPUT and OUTPUT.gz (gzip -9n: Debian's
# compressed form, without a timestamp).
#   generate-man-page.sh [--commands] PROGRAM SECTION INCLUDE OUTPUT
set -euo pipefail
commands=false
if [ "$1" = --commands ]; then commands=true; shift; fi
program=$1 section=$2 include=$3 output=$4

# A neutral environment, so the page reads the same wherever it is built: English, and "~" for
# the home folder in defaults such as the vault's path.
unset LANGUAGE XDG_DATA_HOME KEYWARD_TEST_MODE KEYWARD_DB
export LC_ALL=C.UTF-8 HOME='~' QT_QPA_PLATFORM=offscreen

# Roff-safe text: backslashes escaped, no line taken for a request (".", "'") or by help2man
# for an include file's section ("[").
roff_text() {
    local text=${1//\\/\\e}
    case $text in [.\'[]*) text="\\&$text" ;; esac
    printf '%s' "$text"
}

# "-h, --help" / "--grant GRANT": bold option names (with "\-" minus signs), italic values.
roff_option() {
    local -
    set -f # "[--all]" is text, not a pattern
    local word result=""
    for word in $1; do
        word=$(roff_text "$word")
        case $word in
        -*,) word="\\fB${word%,}\\fR," ;;
        -*) word="\\fB$word\\fR" ;;
        *) word="\\fI$word\\fR" ;;
        esac
        result+=" ${word//-/\\-}"
    done
    printf '%s' "${result# }"
}

# The entries of the block titled $2 ("Options:") in help text $1, as .TP paragraphs.
roff_options() {
    local line inside=false
    while IFS= read -r line; do
        if [ "$line" = "$2" ]; then
            inside=true
        elif $inside && [ -z "$line" ]; then
            break
        elif $inside && [[ $line =~ ^\ \ ([^ ].*[^ ])\ \ +([^ ].*)$ ]]; then
            printf '.TP\n%s\n%s\n' "$(roff_option "${BASH_REMATCH[1]}")" \
                "$(roff_text "${BASH_REMATCH[2]}")"
        fi
    done <<<"$1"
}

includes=(--include "$include")
if $commands; then
    extra="$output.commands.h2m"
    global=""
    sections=""
    inside=false
    while IFS= read -r line; do
        if [ "$line" = "Commands:" ]; then inside=true; continue; fi
        $inside || continue
        [ -n "$line" ] || break
        [[ $line =~ ^\ \ ([a-z-]+( [a-z-]+)?)\ \  ]] || {
            echo "Unexpected line in keywardctl --help: $line" >&2
            exit 1
        }
        command=${BASH_REMATCH[1]}
        # shellcheck disable=SC2086 # the command's words
        help=$("$program" $command --help)
        usage=$(head -n 1 <<<"$help")
        synopsis=${usage#"Usage: keywardctl $command"}
        synopsis=${synopsis# }
        [ "$synopsis" != "$usage" ] || { echo "Unexpected help for $command" >&2; exit 1; }
        synopsis=$(roff_text "$synopsis")
        sections+=".SS \"keywardctl $command\""$'\n'
        sections+="\\fBkeywardctl $command\\fR ${synopsis//-/\\-}"$'\n'
        # The description: every paragraph up to the option blocks.
        while IFS= read -r text; do
            case $text in
            "") sections+=".PP"$'\n' ;;
            *) sections+="$(roff_text "$text")"$'\n' ;;
            esac
        done < <(sed -n '2,/^\(Options:\|Global options:\)$/p' <<<"$help" | sed '$d')
        sections+=$(roff_options "$help" "Options:")$'\n'
        [ -n "$global" ] || global=$(roff_options "$help" "Global options:")
    done < <("$program" --help)
    {
        printf '[OPTIONS]\nGlobal options come before the command; every command accepts them too.\n'
        printf '%s\n' "$global"
        printf '.TP\n\\fB\\-\\-version\\fR\nPrint the version and exit.\n'
        printf '%s' "$sections"
    } | grep -v '^$' >"$extra"
    includes+=(--include "$extra")
fi

help2man --no-info --section="$section" "${includes[@]}" --output="$output.tmp" "$program"
# keywardctl's "Exit codes:" block is a section of its own, not a part of ENVIRONMENT.
sed -e 's/^\.SS "Exit codes:"$/.SH "EXIT STATUS"/' "$output.tmp" >"$output"
rm -f "$output.tmp"
gzip -9n -c "$output" >"$output.gz"
