// Who may do what to an existing key: every member role against every key action.
#include "CoreTestSupport.h"

#include <QTest>

#include <array>

using namespace Keyward;
using CoreTestSupport::Outcome;

namespace {

constexpr std::array<KeyAction, 6> kKeyActions = {KeyAction::Edit,     KeyAction::Deactivate,
                                                  KeyAction::Activate, KeyAction::Regenerate,
                                                  KeyAction::Revoke,   KeyAction::Delete};
constexpr qint64 kSomeoneElse = 99;

const char *actionName(KeyAction action)
{
    switch (action) {
    case KeyAction::Create:
        return "Create";
    case KeyAction::Edit:
        return "Edit";
    case KeyAction::Deactivate:
        return "Deactivate";
    case KeyAction::Activate:
        return "Activate";
    case KeyAction::Regenerate:
        return "Regenerate";
    case KeyAction::Revoke:
        return "Revoke";
    case KeyAction::Delete:
        return "Delete";
    }
    return "?";
}

// A key in the state each action needs, so that only the permission is being judged.
KeyState stateFor(KeyAction action)
{
    return action == KeyAction::Activate ? KeyState::Inactive : KeyState::Active;
}

Outcome fromLetter(char letter)
{
    return letter == 'A' ? Outcome::Allowed : letter == 'I' ? Outcome::Invalid : Outcome::Denied;
}

// One row per action of `expected` (letters in kKeyActions order: A allowed, D denied,
// I invalid), for an actor acting on a key with keyRole.
void addRows(const char *label, Role actorRole, bool ownKey, Role keyRole, const char *expected)
{
    for (std::size_t i = 0; i < kKeyActions.size(); ++i) {
        const KeyAction action = kKeyActions[i];
        QTest::addRow("%s/%s", label, actionName(action))
            << actorRole << ownKey << keyRole << stateFor(action) << action
            << fromLetter(expected[i]);
    }
}

void addColumns()
{
    QTest::addColumn<Role>("actorRole");
    QTest::addColumn<bool>("ownKey");
    QTest::addColumn<Role>("keyRole");
    QTest::addColumn<KeyState>("state");
    QTest::addColumn<KeyAction>("action");
    QTest::addColumn<Outcome>("expected");
}

} // namespace

class TestKeyPermissions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roleMatrix_data();
    void roleMatrix() { check(); }
    void keyRoleAboveActor_data();
    void keyRoleAboveActor() { check(); }
    void keyState_data();
    void keyState() { check(); }
    void createIsNotAnActionOnAKey_data();
    void createIsNotAnActionOnAKey();
    void roleNeededMessages();
    void membersAreManagedByOwnersOnly_data();
    void membersAreManagedByOwnersOnly();
    void expiredKeyIsNotRegenerated_data();
    void expiredKeyIsNotRegenerated();
    void usageLimitIsForAdmins_data();
    void usageLimitIsForAdmins();
    void usageLimitIsAtLeastOne_data();
    void usageLimitIsAtLeastOne();

private:
    void check();
};

// Columns: Edit, Deactivate, Activate, Regenerate, Revoke, Delete.
void TestKeyPermissions::roleMatrix_data()
{
    addColumns();
    // The key has the lowest role, so only the member role and ownership decide.
    addRows("Owner/own key", Role::Owner, true, Role::Viewer, "AAAAAA");
    addRows("Owner/other's key", Role::Owner, false, Role::Viewer, "AAAAAA");
    addRows("Admin/own key", Role::Admin, true, Role::Viewer, "AAAAAA");
    addRows("Admin/other's key", Role::Admin, false, Role::Viewer, "AAAAAA");
    addRows("Developer/own key", Role::Developer, true, Role::Viewer, "AAAAAA");
    addRows("Developer/other's key", Role::Developer, false, Role::Viewer, "DDDDDD");
    addRows("Viewer/own key", Role::Viewer, true, Role::Viewer, "DDDDDD");
    addRows("Viewer/other's key", Role::Viewer, false, Role::Viewer, "DDDDDD");
}

// Keeping or renewing a key's power needs a role at least the key's; taking it away does not.
void TestKeyPermissions::keyRoleAboveActor_data()
{
    addColumns();
    addRows("Admin/Owner key", Role::Admin, false, Role::Owner, "DADDAA");
    addRows("Admin/Admin key", Role::Admin, false, Role::Admin, "AAAAAA");
    addRows("Owner/Owner key", Role::Owner, false, Role::Owner, "AAAAAA");
    // A Developer demoted from Admin still holds the keys they made then.
    addRows("demoted Developer/own Admin key", Role::Developer, true, Role::Admin, "DADDAA");
    addRows("demoted Developer/own Owner key", Role::Developer, true, Role::Owner, "DADDAA");
    addRows("Developer/other's Admin key", Role::Developer, false, Role::Admin, "DDDDDD");
    addRows("demoted Viewer/own Developer key", Role::Viewer, true, Role::Developer, "DDDDDD");
}

void TestKeyPermissions::keyState_data()
{
    addColumns();
    auto row = [](const char *name, Role actor, KeyState state, KeyAction action, Outcome outcome) {
        QTest::newRow(name) << actor << false << Role::Viewer << state << action << outcome;
    };
    row("activate active", Role::Owner, KeyState::Active, KeyAction::Activate, Outcome::Invalid);
    row("deactivate inactive", Role::Owner, KeyState::Inactive, KeyAction::Deactivate,
        Outcome::Invalid);
    row("edit inactive", Role::Admin, KeyState::Inactive, KeyAction::Edit, Outcome::Allowed);
    row("revoke inactive", Role::Admin, KeyState::Inactive, KeyAction::Revoke, Outcome::Allowed);
    row("delete inactive", Role::Admin, KeyState::Inactive, KeyAction::Delete, Outcome::Allowed);
    row("revoked: edit", Role::Owner, KeyState::Revoked, KeyAction::Edit, Outcome::Invalid);
    row("revoked: deactivate", Role::Owner, KeyState::Revoked, KeyAction::Deactivate,
        Outcome::Invalid);
    row("revoked: activate", Role::Owner, KeyState::Revoked, KeyAction::Activate, Outcome::Invalid);
    row("revoked: regenerate", Role::Owner, KeyState::Revoked, KeyAction::Regenerate,
        Outcome::Invalid);
    row("revoked: revoke again", Role::Owner, KeyState::Revoked, KeyAction::Revoke,
        Outcome::Invalid);
    row("revoked: delete", Role::Owner, KeyState::Revoked, KeyAction::Delete, Outcome::Allowed);
    // Permission is judged before state: a Viewer learns nothing about the key.
    row("revoked: viewer delete", Role::Viewer, KeyState::Revoked, KeyAction::Delete,
        Outcome::Denied);
    row("revoked: developer delete other's", Role::Developer, KeyState::Revoked, KeyAction::Delete,
        Outcome::Denied);
}

void TestKeyPermissions::check()
{
    QFETCH(Role, actorRole);
    QFETCH(bool, ownKey);
    QFETCH(Role, keyRole);
    QFETCH(KeyState, state);
    QFETCH(KeyAction, action);
    QFETCH(Outcome, expected);
    const Member actor = CoreTestSupport::member(7, actorRole);
    const ApiKey key = CoreTestSupport::key(ownKey ? actor.id : kSomeoneElse, keyRole, state);
    KW_COMPARE_OUTCOME(Permissions::mayActOnKey(actor, key, action), expected);
}

void TestKeyPermissions::createIsNotAnActionOnAKey_data()
{
    QTest::addColumn<Role>("actorRole");
    for (Role role : kAllRoles)
        QTest::newRow(qPrintable(roleCode(role))) << role;
}

void TestKeyPermissions::createIsNotAnActionOnAKey()
{
    QFETCH(Role, actorRole);
    const Member actor = CoreTestSupport::member(7, actorRole);
    KW_COMPARE_OUTCOME(
        Permissions::mayActOnKey(actor, CoreTestSupport::key(7, Role::Viewer), KeyAction::Create),
        Outcome::Denied);
}

// The UI shows these as tooltips on disabled actions: every action needs one.
void TestKeyPermissions::roleNeededMessages()
{
    QVERIFY(!Permissions::roleNeededMessage(KeyAction::Create).isEmpty());
    for (KeyAction action : kKeyActions) {
        QVERIFY2(!Permissions::roleNeededMessage(action).isEmpty(), actionName(action));
        QCOMPARE(Permissions::minimumRoleFor(action), Role::Developer);
    }
    QCOMPARE(Permissions::minimumRoleFor(KeyAction::Create), Role::Developer);
}

void TestKeyPermissions::membersAreManagedByOwnersOnly_data()
{
    QTest::addColumn<Role>("actorRole");
    QTest::addColumn<Outcome>("expected");
    QTest::newRow("owner") << Role::Owner << Outcome::Allowed;
    QTest::newRow("admin") << Role::Admin << Outcome::Denied;
    QTest::newRow("developer") << Role::Developer << Outcome::Denied;
    QTest::newRow("viewer") << Role::Viewer << Outcome::Denied;
}

void TestKeyPermissions::membersAreManagedByOwnersOnly()
{
    QFETCH(Role, actorRole);
    QFETCH(Outcome, expected);
    KW_COMPARE_OUTCOME(Permissions::mayManageMembers(CoreTestSupport::member(1, actorRole)),
                       expected);
}

void TestKeyPermissions::expiredKeyIsNotRegenerated_data()
{
    QTest::addColumn<std::optional<qint64>>("expiresInMs");
    QTest::addColumn<KeyState>("state");
    QTest::addColumn<Outcome>("expected");
    QTest::newRow("never expires")
        << std::optional<qint64>() << KeyState::Active << Outcome::Allowed;
    QTest::newRow("expires later")
        << std::optional<qint64>(1) << KeyState::Active << Outcome::Allowed;
    QTest::newRow("expires now") << std::optional<qint64>(0) << KeyState::Active
                                 << Outcome::Invalid;
    QTest::newRow("expired") << std::optional<qint64>(-1) << KeyState::Active << Outcome::Invalid;
    // Inactive outranks Expired in the status, but the expiry is what cannot be undone.
    QTest::newRow("inactive, not expired")
        << std::optional<qint64>(1) << KeyState::Inactive << Outcome::Allowed;
}

void TestKeyPermissions::expiredKeyIsNotRegenerated()
{
    QFETCH(std::optional<qint64>, expiresInMs);
    QFETCH(KeyState, state);
    QFETCH(Outcome, expected);
    const qint64 now = 1'800'000'000'000;
    ApiKey key = CoreTestSupport::key(7, Role::Developer, state);
    if (expiresInMs)
        key.expiresAtMs = now + *expiresInMs;
    const Result<void> result = Permissions::mayRegenerateAt(key, now);
    KW_COMPARE_OUTCOME(result, expected);
    if (!result)
        QVERIFY2(result.errorMessage().contains(QLatin1String("Duplicate")),
                 qPrintable(result.errorMessage()));
}

void TestKeyPermissions::usageLimitIsForAdmins_data()
{
    QTest::addColumn<Role>("actorRole");
    QTest::addColumn<bool>("ownKey");
    QTest::addColumn<Role>("keyRole");
    QTest::addColumn<KeyState>("state");
    QTest::addColumn<Outcome>("expected");
    QTest::newRow("owner") << Role::Owner << false << Role::Owner << KeyState::Active
                           << Outcome::Allowed;
    QTest::newRow("admin") << Role::Admin << false << Role::Developer << KeyState::Active
                           << Outcome::Allowed;
    QTest::newRow("admin, inactive key")
        << Role::Admin << false << Role::Developer << KeyState::Inactive << Outcome::Allowed;
    QTest::newRow("admin, key above")
        << Role::Admin << false << Role::Owner << KeyState::Active << Outcome::Denied;
    QTest::newRow("admin, revoked key")
        << Role::Admin << false << Role::Developer << KeyState::Revoked << Outcome::Invalid;
    QTest::newRow("developer, own key")
        << Role::Developer << true << Role::Developer << KeyState::Active << Outcome::Denied;
    QTest::newRow("viewer") << Role::Viewer << false << Role::Viewer << KeyState::Active
                            << Outcome::Denied;
}

void TestKeyPermissions::usageLimitIsForAdmins()
{
    QFETCH(Role, actorRole);
    QFETCH(bool, ownKey);
    QFETCH(Role, keyRole);
    QFETCH(KeyState, state);
    QFETCH(Outcome, expected);
    const Member actor = CoreTestSupport::member(7, actorRole);
    const ApiKey key = CoreTestSupport::key(ownKey ? actor.id : kSomeoneElse, keyRole, state);
    KW_COMPARE_OUTCOME(Permissions::mayChangeUsageLimit(actor, key), expected);
}

void TestKeyPermissions::usageLimitIsAtLeastOne_data()
{
    QTest::addColumn<std::optional<qint64>>("limit");
    QTest::addColumn<Outcome>("expected");
    QTest::newRow("none") << std::optional<qint64>() << Outcome::Allowed;
    QTest::newRow("one") << std::optional<qint64>(1) << Outcome::Allowed;
    QTest::newRow("zero") << std::optional<qint64>(0) << Outcome::Invalid;
    QTest::newRow("negative") << std::optional<qint64>(-5) << Outcome::Invalid;
}

void TestKeyPermissions::usageLimitIsAtLeastOne()
{
    QFETCH(std::optional<qint64>, limit);
    QFETCH(Outcome, expected);
    KW_COMPARE_OUTCOME(Permissions::validateUsageLimit(limit), expected);
}

int runKeyPermissionsTests(int argc, char **argv)
{
    TestKeyPermissions test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_key_permissions.moc"
