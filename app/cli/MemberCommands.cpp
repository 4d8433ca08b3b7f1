#include "MemberCommands.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "Terminal.h"
#include "TextFormat.h"
#include "core/DisplayNames.h"
#include "core/Permissions.h"
#include "crypto/SigningKey.h"
#include "store/SqlKeyStore.h"

#include <QJsonObject>

namespace Keyward::Cli {

namespace {

const QString kRoleOption = QStringLiteral("role");

QJsonObject memberJson(const Member &member)
{
    return {{QStringLiteral("id"), double(member.id)},
            {QStringLiteral("name"), member.name},
            {QStringLiteral("role"), roleCode(member.role)},
            {QStringLiteral("created_at"), TextFormat::isoTime(member.createdAtMs)}};
}

// What a command on one member works with: the signed-in store and the member.
struct FoundMember
{
    SqlKeyStore &store;
    Member member;
};

// Signs in, then finds the member by name; reports either failure. Names are unique regardless
// of case, so "Alice" finds "alice".
std::optional<FoundMember> signInAndFind(CommandContext &context, const QString &name,
                                         SecretString *signedInWith = nullptr)
{
    SqlKeyStore *store = context.signIn(signedInWith);
    if (!store)
        return std::nullopt;
    auto members = store->listMembers();
    if (!members) {
        context.fail(members.error());
        return std::nullopt;
    }
    for (const Member &member : *members) {
        if (member.name.compare(name, Qt::CaseInsensitive) == 0)
            return FoundMember {*store, member};
    }
    context.fail(makeError(ErrorCode::NotFound,
                           MemberCommands::tr("There is no member called \"%1\".").arg(name)));
    return std::nullopt;
}

std::optional<Role> parseRole(CommandParser &parser, const QString &text)
{
    const std::optional<Role> role = roleFromCode(text);
    if (!role)
        parser.usageError(
            MemberCommands::tr("Unknown role \"%1\"; use owner, admin, developer or viewer.")
                .arg(text));
    return role;
}

// The member as JSON for scripts, or the sentence for people.
ExitCode reportMember(CommandContext &context, const Member &member, const QString &message)
{
    if (context.output().isJson())
        context.output().printJson(memberJson(member));
    else
        context.output().message(message);
    return ExitCode::Success;
}

} // namespace

ExitCode MemberCommands::add(CommandContext &context)
{
    CommandParser parser(context, QStringLiteral("NAME --role owner|admin|developer|viewer"),
                         tr("Adds a member. Their passphrase comes from KEYWARD_NEW_PASSPHRASE or "
                            "is asked for twice. Only Owners can add members."));
    parser.addValueOption(kRoleOption, tr("ROLE"), tr("The new member's role."));
    if (auto done = parser.parse(1, 1))
        return *done;
    if (!parser.isSet(kRoleOption))
        return parser.usageError(tr("Give the new member a role with --role."));
    const std::optional<Role> role = parseRole(parser, parser.value(kRoleOption));
    if (!role)
        return context.failure();
    const QString name = parser.positional().constFirst();

    SqlKeyStore *store = context.signIn();
    if (!store)
        return context.failure();
    auto typed =
        Terminal::newSecret("KEYWARD_NEW_PASSPHRASE", tr("New passphrase for %1: ").arg(name),
                            tr("Repeat the passphrase: "));
    if (!typed)
        return context.fail(ExitCode::Usage, typed.errorMessage());
    SecretString passphrase = std::move(typed).value();
    auto added = store->addMember(name, *role, passphrase);
    passphrase.clear();
    if (!added)
        return context.fail(added.error());
    return reportMember(context, *added,
                        tr("Added %1 as %2.").arg(added->name, DisplayNames::role(added->role)));
}

ExitCode MemberCommands::list(CommandContext &context)
{
    CommandParser parser(context, QString(), tr("Lists the vault's members and their roles."));
    if (auto done = parser.parse(0, 0))
        return *done;
    SqlKeyStore *store = context.signIn();
    if (!store)
        return context.failure();
    auto members = store->listMembers();
    if (!members)
        return context.fail(members.error());
    Output &output = context.output();
    if (output.isJson()) {
        for (const Member &member : *members)
            output.printJson(memberJson(member));
        return ExitCode::Success;
    }
    QVector<QStringList> rows;
    const bool signedVault = store->isSignedVault();
    for (const Member &member : *members) {
        QStringList row {member.name, DisplayNames::role(member.role),
                         TextFormat::humanTime(member.createdAtMs)};
        if (signedVault) {
            auto key = store->memberKeyFingerprint(member.id);
            row.append(!key              ? tr("none yet")
                           : key->second ? key->first
                                         : tr("%1 (not certified)").arg(key->first));
        }
        rows.append(row);
    }
    QStringList headers {tr("NAME"), tr("ROLE"), tr("ADDED")};
    if (signedVault)
        headers.append(tr("SIGNING KEY"));
    for (const QString &line : TextFormat::table(headers, rows))
        output.print(line);
    return ExitCode::Success;
}

ExitCode MemberCommands::remove(CommandContext &context)
{
    CommandParser parser(context, QStringLiteral("NAME"),
                         tr("Removes a member. Their active keys are deactivated and flagged. "
                            "Only Owners can remove members."));
    if (auto done = parser.parse(1, 1))
        return *done;
    const std::optional<FoundMember> found =
        signInAndFind(context, parser.positional().constFirst());
    if (!found)
        return context.failure();
    SqlKeyStore &store = found->store;
    const Member &member = found->member;
    if (auto removed = store.removeMember(member.id); !removed)
        return context.fail(removed.error());
    return reportMember(context, member,
                        tr("Removed %1; their active keys were deactivated.").arg(member.name));
}

ExitCode MemberCommands::certify(CommandContext &context)
{
    CommandParser parser(
        context, QStringLiteral("NAME FINGERPRINT"),
        tr("Certifies the signing key a member made at their first sign-in on a signed vault, so "
           "that their changes are trusted. FINGERPRINT is the key's, as \"keywardctl member "
           "list\" shows it: compare it with the member first. Only Owners can certify."));
    if (auto done = parser.parse(2, 2))
        return *done;
    const std::optional<FoundMember> found =
        signInAndFind(context, parser.positional().constFirst());
    if (!found)
        return context.failure();
    SqlKeyStore &store = found->store;
    const Member &member = found->member;
    auto key = store.memberKeyFingerprint(member.id);
    if (!key)
        return context.fail(key.error());
    // Someone with access to the file could have put a key of their own there: the Owner names
    // the one the member has.
    if (SigningKey::normalisedFingerprint(parser.positional().at(1)) != key->first)
        return context.fail(ExitCode::Refused,
                            tr("The key of %1 has the fingerprint %2, not %3. Nothing was "
                               "certified.")
                                .arg(member.name, key->first, parser.positional().at(1)));
    if (auto certified = store.certifyMember(member.id); !certified)
        return context.fail(certified.error());
    return reportMember(context, member,
                        tr("Certified the key %1 of %2.").arg(key->first, member.name));
}

ExitCode MemberCommands::role(CommandContext &context)
{
    CommandParser parser(context, QStringLiteral("NAME owner|admin|developer|viewer"),
                         tr("Changes a member's role. Keys they created above the new role are "
                            "deactivated and flagged. Only Owners can change roles."));
    if (auto done = parser.parse(2, 2))
        return *done;
    const std::optional<Role> role = parseRole(parser, parser.positional().at(1));
    if (!role)
        return context.failure();
    const std::optional<FoundMember> found =
        signInAndFind(context, parser.positional().constFirst());
    if (!found)
        return context.failure();
    SqlKeyStore &store = found->store;
    const Member &member = found->member;
    auto changed = store.setMemberRole(member.id, member.version, *role);
    if (!changed)
        return context.fail(changed.error());
    return reportMember(context, *changed,
                        tr("%1 is now %2.").arg(changed->name, DisplayNames::role(changed->role)));
}

ExitCode MemberCommands::passphrase(CommandContext &context)
{
    CommandParser parser(context, QStringLiteral("NAME"),
                         tr("Sets a member's passphrase in a vault file. The new passphrase comes "
                            "from KEYWARD_NEW_PASSPHRASE or is asked for twice. Members change "
                            "their own, proven by the passphrase they sign in with; Owners set "
                            "anyone's, for instance for members copied from a server by "
                            "\"migrate\", which have none yet."));
    if (auto done = parser.parse(1, 1))
        return *done;
    // Kept for one's own change: the store wants the current passphrase again, so a session
    // (or a script) that merely holds a signed-in store cannot change it.
    SecretString signedInWith;
    const std::optional<FoundMember> found =
        signInAndFind(context, parser.positional().constFirst(), &signedInWith);
    if (!found)
        return context.failure();
    SqlKeyStore &store = found->store;
    const Member &member = found->member;
    // Refuse before asking for a passphrase that could not be used: a server keeps none (the
    // store says so whatever it is given), and only an Owner sets someone else's.
    if (!store.keepsPassphrases())
        return context.fail(store.setMemberPassphrase(member.id, SecretString()).error());
    const std::optional<Member> self = store.currentMember();
    if (self) {
        if (auto allowed = Permissions::mayChangePassphrase(*self, member); !allowed)
            return context.fail(allowed.error());
    }
    const bool own = self && self->id == member.id;
    auto typed = Terminal::newSecret("KEYWARD_NEW_PASSPHRASE",
                                     tr("New passphrase for %1: ").arg(member.name),
                                     tr("Repeat the passphrase: "));
    if (!typed)
        return context.fail(ExitCode::Usage, typed.errorMessage());
    SecretString passphrase = std::move(typed).value();
    auto changed = own ? store.changeOwnPassphrase(signedInWith, passphrase)
                       : store.setMemberPassphrase(member.id, passphrase);
    passphrase.clear();
    signedInWith.clear();
    if (!changed)
        return context.fail(changed.error());
    return reportMember(context, member, tr("The passphrase of %1 was changed.").arg(member.name));
}

} // namespace Keyward::Cli
