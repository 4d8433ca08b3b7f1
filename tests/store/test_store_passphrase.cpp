// Setting a member's passphrase in a vault file: who may set whose, the length rule, the audit
// row, one's own only with the current passphrase, and members copied from a server (no
// passphrase yet). Each Argon2 run costs ~0.3 s, so
// every test hashes and signs in as little as it can; "nothing changed" is read from the file.
#include "StoreDatabase.h"
#include "VaultFixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include <algorithm>

using namespace Keyward;
using namespace Keyward::Testing;

namespace {

// What sign-in checks against, straight from the file (no Argon2 run needed to compare).
QVariant storedHash(SqlKeyStore &store, qint64 memberId)
{
    QSqlQuery q(StoreDatabase::of(store));
    q.prepare(QStringLiteral("SELECT passphrase_hash FROM members WHERE id = ?"));
    q.addBindValue(memberId);
    if (!q.exec() || !q.next())
        return QStringLiteral("<no row>");
    return q.value(0);
}

std::optional<Member> memberNamed(SqlKeyStore &store, const QString &name)
{
    const auto members = store.listMembers();
    if (!members)
        return std::nullopt;
    for (const Member &member : *members) {
        if (member.name == name)
            return member;
    }
    return std::nullopt;
}

} // namespace

class TestStorePassphrase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ownerSetsAnotherMembersPassphrase();
    void membersSetOnlyTheirOwn();
    void ownChangeNeedsTheCurrentPassphrase();
    void ownerResetReplacesTheCurrentOne();
    void badRequestsChangeNothing();
    void migratedMemberCanSignInOnceOwnerSetsOne();
    void aSignInCheckedAgainstAChangedMemberIsRefused();
    void anEmptySealedKeyIsNotTakenForNone();
};

void TestStorePassphrase::ownerSetsAnotherMembersPassphrase()
{
    VaultFixture f;
    auto bob =
        f.store->addMember(QStringLiteral("bob"), Role::Admin, secret("bob first passphrase"));
    QVERIFY(bob);
    const qint64 auditRowsBefore = f.store->auditEvents()->size();

    auto set = f.store->setMemberPassphrase(bob->id, secret("bob second passphrase"));
    QVERIFY2(set, qPrintable(set.errorMessage()));

    auto other = f.openSecond(QString());
    QCOMPARE(other->signIn(QStringLiteral("bob"), secret("bob first passphrase")).code(),
             ErrorCode::AuthenticationFailed);
    auto signedIn = other->signIn(QStringLiteral("bob"), secret("bob second passphrase"));
    QVERIFY2(signedIn, qPrintable(signedIn.errorMessage()));
    QCOMPARE(signedIn->version, bob->version + 1); // a change to the member, like a role change

    // One audit row, by the Owner, naming the member and nothing secret; then bob's two
    // sign-ins, the failed one by nobody ("system"), naming bob and no passphrase. The chain
    // still holds.
    const auto events = f.store->auditEvents();
    QVERIFY(events);
    QCOMPARE(events->size(), auditRowsBefore + 3);
    QCOMPARE(events->at(0).action, QStringLiteral("member.sign_in"));
    QCOMPARE(events->at(0).actor, QStringLiteral("bob"));
    QCOMPARE(events->at(1).action, QStringLiteral("member.sign_in_failed"));
    QCOMPARE(events->at(1).actor, QStringLiteral("system"));
    QCOMPARE(events->at(1).details, QStringLiteral(R"({"member":"bob"})"));
    const AuditEvent &event = events->at(2);
    QCOMPARE(event.action, QStringLiteral("member.passphrase"));
    QCOMPARE(event.actor, QStringLiteral("alice"));
    QCOMPARE(event.details, QStringLiteral(R"({"member":"bob"})"));
    QVERIFY(!event.details.contains(QStringLiteral("passphrase")));
    QVERIFY(!event.details.contains(QStringLiteral("argon2")));
    const auto verified = f.store->verifyAudit();
    QVERIFY(verified);
    QVERIFY2(verified->intact, qPrintable(verified->problem));
}

void TestStorePassphrase::membersSetOnlyTheirOwn()
{
    VaultFixture f;
    auto dave =
        f.store->addMember(QStringLiteral("dave"), Role::Developer, secret("dave passphrase"));
    auto erin = f.store->addMember(QStringLiteral("erin"), Role::Admin, secret("erin passphrase"));
    QVERIFY(dave && erin);
    auto daveStore = f.openSecond(QStringLiteral("dave"), "dave passphrase");
    const QVariant erinHash = storedHash(*f.store, erin->id);
    const QVariant aliceHash = storedHash(*f.store, f.store->currentMember()->id);

    // Not even an Admin's or the Owner's: only Owners set other members' passphrases.
    for (const qint64 id : {erin->id, f.store->currentMember()->id}) {
        auto refused = daveStore->setMemberPassphrase(id, secret("taken over passphrase"));
        QCOMPARE(refused.code(), ErrorCode::PermissionDenied);
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("Only Owners")),
                 qPrintable(refused.errorMessage()));
    }
    QCOMPARE(storedHash(*f.store, erin->id), erinHash);
    QCOMPARE(storedHash(*f.store, f.store->currentMember()->id), aliceHash);

    auto own =
        daveStore->changeOwnPassphrase(secret("dave passphrase"), secret("dave new passphrase"));
    QVERIFY2(own, qPrintable(own.errorMessage()));
    // The session goes on; the new passphrase is the one to sign in with.
    QVERIFY(daveStore->listKeys());
    auto again = f.openSecond(QString());
    QVERIFY(again->signIn(QStringLiteral("dave"), secret("dave new passphrase")));
    const auto events = f.store->auditEvents(std::nullopt, 2);
    QCOMPARE(events->at(0).action, QStringLiteral("member.sign_in"));
    QCOMPARE(events->at(1).actor, QStringLiteral("dave"));
    QCOMPARE(events->at(1).action, QStringLiteral("member.passphrase"));
}

void TestStorePassphrase::ownChangeNeedsTheCurrentPassphrase()
{
    VaultFixture f;
    const Member alice = *f.store->currentMember();
    auto bob = f.store->addMember(QStringLiteral("bob"), Role::Admin, secret("bob passphrase"));
    QVERIFY(bob);
    const QVariant aliceHash = storedHash(*f.store, alice.id);
    const QVariant bobHash = storedHash(*f.store, bob->id);
    const qint64 counter = *f.store->changeCounter();
    const qint64 auditRows = f.store->auditEvents()->size();
    const auto nothingChanged = [&] {
        QCOMPARE(storedHash(*f.store, alice.id), aliceHash);
        QCOMPARE(storedHash(*f.store, bob->id), bobHash);
        QCOMPARE(memberNamed(*f.store, QStringLiteral("alice"))->version, alice.version);
        QCOMPARE(*f.store->changeCounter(), counter);
        QCOMPARE(f.store->auditEvents()->size(), auditRows);
    };

    // Wrong, empty, or someone else's current passphrase: refused as a failed sign-in is.
    for (const char *wrong : {"correct horse battery!", "", "bob passphrase"}) {
        auto refused = f.store->changeOwnPassphrase(secret(wrong), secret("alice new passphrase"));
        QCOMPARE(refused.code(), ErrorCode::AuthenticationFailed);
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("Wrong current passphrase")),
                 qPrintable(refused.errorMessage()));
        nothingChanged();
    }
    // No way around it: the Owner's own through the other call is refused as well, even though
    // an Owner may set everyone else's.
    auto bypass = f.store->setMemberPassphrase(alice.id, secret("alice new passphrase"));
    QCOMPARE(bypass.code(), ErrorCode::AuthenticationFailed);
    QVERIFY2(bypass.errorMessage().contains(QStringLiteral("current passphrase")),
             qPrintable(bypass.errorMessage()));
    // The new passphrase is checked too (before any Argon2 run), right current or not.
    QCOMPARE(f.store->changeOwnPassphrase(secret(kOwnerPassphrase), secret("seven77")).code(),
             ErrorCode::InvalidInput);
    nothingChanged();

    auto changed =
        f.store->changeOwnPassphrase(secret(kOwnerPassphrase), secret("alice new passphrase"));
    QVERIFY2(changed, qPrintable(changed.errorMessage()));
    QVERIFY(storedHash(*f.store, alice.id) != aliceHash);
    QCOMPARE(storedHash(*f.store, bob->id), bobHash);
    QCOMPARE(f.store->currentMember()->version, alice.version + 1);
    QVERIFY(f.store->listKeys()); // still signed in
    const auto events = f.store->auditEvents();
    QCOMPARE(events->size(), auditRows + 1);
    QCOMPARE(events->first().action, QStringLiteral("member.passphrase"));
    QCOMPARE(events->first().actor, QStringLiteral("alice"));
    QCOMPARE(events->first().details, QStringLiteral(R"({"member":"alice"})"));

    // The old one is now the wrong current one, and no longer signs in.
    QCOMPARE(
        f.store->changeOwnPassphrase(secret(kOwnerPassphrase), secret("a third passphrase")).code(),
        ErrorCode::AuthenticationFailed);
    auto other = f.openSecond(QString());
    QCOMPARE(other->signIn(QStringLiteral("alice"), secret(kOwnerPassphrase)).code(),
             ErrorCode::AuthenticationFailed);
    QVERIFY(other->signIn(QStringLiteral("alice"), secret("alice new passphrase")));
    QVERIFY(f.store->verifyAudit()->intact);
}

// After an Owner's reset (say, the old passphrase leaked) the old one proves nothing any more,
// not even to the member's session that is still open.
void TestStorePassphrase::ownerResetReplacesTheCurrentOne()
{
    VaultFixture f;
    auto bob = f.store->addMember(QStringLiteral("bob"), Role::Viewer, secret("bob passphrase"));
    QVERIFY(bob);
    auto bobStore = f.openSecond(QStringLiteral("bob"), "bob passphrase");
    QVERIFY(f.store->setMemberPassphrase(bob->id, secret("owner reset passphrase")));
    const QVariant resetHash = storedHash(*f.store, bob->id);
    const qint64 auditRows = f.store->auditEvents()->size();

    QCOMPARE(
        bobStore->changeOwnPassphrase(secret("bob passphrase"), secret("bob own choice")).code(),
        ErrorCode::AuthenticationFailed);
    QCOMPARE(storedHash(*f.store, bob->id), resetHash);
    QCOMPARE(f.store->auditEvents()->size(), auditRows);
    QVERIFY(
        bobStore->changeOwnPassphrase(secret("owner reset passphrase"), secret("bob own choice")));
    QCOMPARE(f.store->auditEvents(std::nullopt, 1)->first().actor, QStringLiteral("bob"));
}

void TestStorePassphrase::badRequestsChangeNothing()
{
    VaultFixture f;
    auto bob = f.store->addMember(QStringLiteral("bob"), Role::Viewer, secret("bob passphrase"));
    QVERIFY(bob);
    const qint64 alice = f.store->currentMember()->id;
    const QVariant aliceHash = storedHash(*f.store, alice);
    const qint64 counter = *f.store->changeCounter();
    const qint64 auditRows = f.store->auditEvents()->size();

    auto tooShort = f.store->setMemberPassphrase(bob->id, secret("seven77"));
    QCOMPARE(tooShort.code(), ErrorCode::InvalidInput);
    QVERIFY2(tooShort.errorMessage().contains(QStringLiteral("at least 8")),
             qPrintable(tooShort.errorMessage()));
    QCOMPARE(f.store->setMemberPassphrase(bob->id, SecretString()).code(), ErrorCode::InvalidInput);
    QCOMPARE(f.store->changeOwnPassphrase(secret(kOwnerPassphrase), SecretString()).code(),
             ErrorCode::InvalidInput);
    QCOMPARE(f.store->setMemberPassphrase(987654, secret("long enough passphrase")).code(),
             ErrorCode::NotFound);
    auto signedOut = f.openSecond(QString());
    QCOMPARE(signedOut->setMemberPassphrase(bob->id, secret("long enough passphrase")).code(),
             ErrorCode::PermissionDenied);
    QCOMPARE(
        signedOut->changeOwnPassphrase(secret(kOwnerPassphrase), secret("long enough passphrase"))
            .code(),
        ErrorCode::PermissionDenied);

    // A removed member stays unable to sign in: no passphrase can be set for them.
    QVERIFY(f.store->removeMember(bob->id));
    const qint64 afterRemoval = *f.store->changeCounter();
    QCOMPARE(f.store->setMemberPassphrase(bob->id, secret("long enough passphrase")).code(),
             ErrorCode::NotFound);
    QVERIFY(storedHash(*f.store, bob->id).isNull());

    QCOMPARE(storedHash(*f.store, alice), aliceHash);
    QCOMPARE(*f.store->changeCounter(), afterRemoval);
    QVERIFY(afterRemoval > counter);
    // Only the removal's rows were written (member.remove), none for the refusals.
    const auto events = f.store->auditEvents();
    QCOMPARE(events->size(), auditRows + 1);
    QCOMPARE(events->first().action, QStringLiteral("member.remove"));
}

void TestStorePassphrase::migratedMemberCanSignInOnceOwnerSetsOne()
{
    VaultFixture f;
    // What VaultMigrator writes for a member copied from a server into a file: a NULL hash
    // (the server keeps no passphrase to copy).
    QSqlQuery q(StoreDatabase::of(*f.store));
    q.prepare(QStringLiteral("INSERT INTO members (name, role, created_at, removed_at, version, "
                             "passphrase_hash) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
    q.addBindValue(QStringLiteral("carol"));
    q.addBindValue(roleToInt(Role::Developer));
    q.addBindValue(f.clock.nowMs());
    q.addBindValue(QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(3);
    q.addBindValue(QVariant(QMetaType::fromType<QString>()));
    QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
    const qint64 carolId = q.value(0).toLongLong();
    q.finish();

    auto carolStore = f.openSecond(QString());
    // No hash matches nothing, not even an empty passphrase.
    QCOMPARE(carolStore->signIn(QStringLiteral("carol"), SecretString()).code(),
             ErrorCode::AuthenticationFailed);

    QVERIFY(f.store->setMemberPassphrase(carolId, secret("carol first passphrase")));
    auto signedIn = carolStore->signIn(QStringLiteral("carol"), secret("carol first passphrase"));
    QVERIFY2(signedIn, qPrintable(signedIn.errorMessage()));
    QCOMPARE(signedIn->version, 4);
    QCOMPARE(memberNamed(*f.store, QStringLiteral("carol"))->role, Role::Developer);
    QVERIFY(f.store->verifyAudit()->intact);
}

// The window checks a passphrase in steps (SignInChallenge), seconds apart on a large vault:
// what changed in between decides, not the row read first.
void TestStorePassphrase::aSignInCheckedAgainstAChangedMemberIsRefused()
{
    VaultFixture f;
    auto bob =
        f.store->addMember(QStringLiteral("bob"), Role::Admin, secret("bob first passphrase"));
    QVERIFY(bob);
    auto window = f.openSecond(QString());
    const auto lastAudit = [&f] {
        return f.store->auditEvents()->constFirst();
    };

    // The passphrase replaced by an Owner while bob's old one is being checked.
    auto challenge = window->signInChallenge(QStringLiteral("bob"));
    QVERIFY2(challenge, qPrintable(challenge.errorMessage()));
    SignInProof proof = challenge->answer(secret("bob first passphrase"));
    QVERIFY(proof.passed);
    QVERIFY(f.store->setMemberPassphrase(bob->id, secret("bob second passphrase")));
    auto stale = window->completeSignIn(*challenge, std::move(proof));
    QCOMPARE(stale.code(), ErrorCode::StaleVersion);
    QVERIFY2(stale.errorMessage().contains(QStringLiteral("Sign in again")),
             qPrintable(stale.errorMessage()));
    QVERIFY(!window->currentMember());
    QCOMPARE(lastAudit().action, QStringLiteral("member.sign_in_failed")); // the attempt, refused

    // Given another role meanwhile (the passphrase unchanged): refused likewise.
    challenge = window->signInChallenge(QStringLiteral("bob"));
    QVERIFY(challenge);
    proof = challenge->answer(secret("bob second passphrase"));
    QVERIFY(proof.passed);
    auto current = f.store->listMembers();
    QVERIFY(current);
    const auto bobNow = std::find_if(current->cbegin(), current->cend(),
                                     [&](const Member &m) { return m.id == bob->id; });
    QVERIFY(bobNow != current->cend());
    QVERIFY(f.store->setMemberRole(bob->id, bobNow->version, Role::Developer));
    QCOMPARE(window->completeSignIn(*challenge, std::move(proof)).code(), ErrorCode::StaleVersion);
    QVERIFY(!window->currentMember());

    // Removed meanwhile: no such member any more.
    challenge = window->signInChallenge(QStringLiteral("bob"));
    QVERIFY(challenge);
    proof = challenge->answer(secret("bob second passphrase"));
    QVERIFY(proof.passed);
    QVERIFY(f.store->removeMember(bob->id));
    QCOMPARE(window->completeSignIn(*challenge, std::move(proof)).code(),
             ErrorCode::AuthenticationFailed);
    QVERIFY(!window->currentMember());
    QCOMPARE(lastAudit().action, QStringLiteral("member.sign_in_failed"));

    // Unchanged: the steps sign in as signIn() does.
    challenge = window->signInChallenge(QStringLiteral("alice"));
    QVERIFY(challenge);
    auto alice = window->completeSignIn(*challenge, challenge->answer(secret(kOwnerPassphrase)));
    QVERIFY2(alice, qPrintable(alice.errorMessage()));
    QCOMPARE(window->currentMember()->name, QStringLiteral("alice"));
    QCOMPARE(lastAudit().action, QStringLiteral("member.sign_in"));
}

// A sealed key that is there but empty (damage, or a hand-edited file) does not count as "no
// key yet": the passphrase must unseal it, as before the steps; no second key is made.
void TestStorePassphrase::anEmptySealedKeyIsNotTakenForNone()
{
    VaultFixture f;
    auto bob = f.store->addMember(QStringLiteral("bob"), Role::Admin, secret("bob passphrase"));
    QVERIFY(bob);
    QVERIFY(f.openSecond(QStringLiteral("bob"), "bob passphrase")); // bob's key is made
    QSqlQuery q(StoreDatabase::of(*f.store));
    q.prepare(QStringLiteral("UPDATE member_keys SET sealed_key = x'' WHERE member_id = ?"));
    q.addBindValue(bob->id);
    QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    QCOMPARE(q.numRowsAffected(), 1);
    const auto keyCount = [&] {
        QSqlQuery count(StoreDatabase::of(*f.store));
        count.prepare(QStringLiteral("SELECT COUNT(*) FROM member_keys WHERE member_id = ?"));
        count.addBindValue(bob->id);
        return count.exec() && count.next() ? count.value(0).toInt() : -1;
    };
    QCOMPARE(keyCount(), 1);
    auto window = f.openSecond(QString());
    QCOMPARE(window->signIn(QStringLiteral("bob"), secret("bob passphrase")).code(),
             ErrorCode::AuthenticationFailed);
    QCOMPARE(keyCount(), 1);
}

QTEST_GUILESS_MAIN(TestStorePassphrase)
#include "test_store_passphrase.moc"
