// ServerPasswordFlow without any widget: where a server's password comes from (libpq, the
// keychain, the user), what a refusal means for each source, and that a cancelled attempt
// reports nothing. A real VaultSession against the throwaway PostgreSQL cluster (ctest fixture
// "pg"), the real system keychain through PasswordVault (present or not: both are asserted),
// and a local TCP server that never answers for the cancel.
#include "PgFixture.h"
#include "UiTestSupport.h"

#include "ui/PasswordVault.h"
#include "ui/ServerPasswordFlow.h"
#include "ui/VaultSession.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Keyward;
using Keyward::Testing::PgVaultFixture;

namespace {

const QString kAlicePassword = QLatin1String(Keyward::Testing::kOwnerPassphrase);

// alice on the fixture's database, without a password (libpq finds none: isolated).
PgConnInfo aliceServer(PgVaultFixture &f)
{
    PgConnInfo server = f.pg.conninfo(QStringLiteral("alice"));
    server.setValue(QStringLiteral("sslmode"), QStringLiteral("disable"));
    return server;
}

// Waits for the attempt (and a keychain look-up before it) to end.
bool settles(const ServerPasswordFlow &flow)
{
    return QTest::qWaitFor([&flow] { return !flow.isBusy(); }, 20000);
}

} // namespace

class TestServerPasswordFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void asksForThePasswordTheServerWants();
    void givenPasswordIsTheUsersToCorrect();
    void unreachableServerFails();
    void cancelReportsNothing();
    void rememberIsOfferedOnlyWithAKeychain();
    void keychainPasswordIsUsedAndAStaleOneAsks();

private:
    QTemporaryDir m_home;
};

void TestServerPasswordFlow::initTestCase()
{
    QVERIFY(m_home.isValid());
    UiTest::isolateUserDirectories(m_home.path());
    UiTest::isolatePostgresPasswords(m_home.path());
}

void TestServerPasswordFlow::asksForThePasswordTheServerWants()
{
    PgVaultFixture f;
    VaultSession session(f.clock);
    PasswordVault keychain;
    ServerPasswordFlow flow(session, keychain);
    QSignalSpy needed(&flow, &ServerPasswordFlow::passwordNeeded);
    QSignalSpy failed(&flow, &ServerPasswordFlow::failed);
    QSignalSpy connected(&flow, &ServerPasswordFlow::connected);
    QSignalSpy busy(&flow, &ServerPasswordFlow::busyChanged);

    // Nothing anywhere: the server asks, and so does the flow.
    flow.connectTo(aliceServer(f));
    QVERIFY(flow.isBusy());
    QVERIFY(!flow.busyText().isEmpty());
    QVERIFY(settles(flow));
    QCOMPARE(needed.size(), 1);
    QVERIFY2(needed.first().first().toString().contains(QStringLiteral("asks for a password")),
             qPrintable(needed.first().first().toString()));
    QCOMPARE(failed.size(), 0);
    QCOMPARE(connected.size(), 0);
    QCOMPARE(busy.first().first().toBool(), true);
    QCOMPARE(busy.last().first().toBool(), false);
    QVERIFY(flow.busyText().isEmpty());
    QCOMPARE(session.state(), VaultSession::State::Closed);

    // A wrong one typed: asked again, and the message does not repeat it.
    const QString wrong = QStringLiteral("not-the-password-5521");
    flow.connectTo(aliceServer(f), wrong, true);
    QVERIFY(settles(flow));
    QCOMPARE(needed.size(), 2);
    const QString refusal = needed.last().first().toString();
    QVERIFY2(refusal.contains(QStringLiteral("did not accept the login")), qPrintable(refusal));
    QVERIFY(!refusal.contains(wrong));
    QVERIFY(!flow.passwordToRemember());
    QCOMPARE(session.state(), VaultSession::State::Closed);

    // The right one: connected, and kept for the keychain only if asked and if there is one.
    flow.connectTo(aliceServer(f), kAlicePassword, true);
    QVERIFY(settles(flow));
    QCOMPARE(connected.size(), 1);
    QCOMPARE(failed.size(), 0);
    QVERIFY(session.isUnlocked());
    QVERIFY(session.isRemote());
    QCOMPARE(session.member()->name, QStringLiteral("alice"));
    QCOMPARE(flow.passwordToRemember().has_value(), flow.offersToRemember());
    if (flow.offersToRemember())
        QCOMPARE(*flow.passwordToRemember(), kAlicePassword);
    // The session's server is kept without the password.
    QVERIFY(!session.serverInfo().contains(QStringLiteral("password")));
}

void TestServerPasswordFlow::givenPasswordIsTheUsersToCorrect()
{
    PgVaultFixture f;
    VaultSession session(f.clock);
    PasswordVault keychain;
    ServerPasswordFlow flow(session, keychain);
    QSignalSpy needed(&flow, &ServerPasswordFlow::passwordNeeded);
    QSignalSpy failed(&flow, &ServerPasswordFlow::failed);

    // In the connection string itself: neither the keychain nor a prompt replaces it.
    PgConnInfo server = aliceServer(f);
    server.setValue(QStringLiteral("password"), QStringLiteral("given-and-wrong-8812"));
    flow.connectTo(server, QString(), true);
    QVERIFY(settles(flow));
    QCOMPARE(needed.size(), 0);
    QCOMPARE(failed.size(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("did not accept the login")), qPrintable(message));
    QVERIFY(!message.contains(QStringLiteral("given-and-wrong")));
    QCOMPARE(session.state(), VaultSession::State::Closed);

    // Given right, it connects; nothing typed, so nothing to remember.
    server.setValue(QStringLiteral("password"), kAlicePassword);
    flow.connectTo(server, QString(), true);
    QVERIFY(settles(flow));
    QVERIFY(session.isUnlocked());
    QVERIFY(!flow.passwordToRemember());
}

void TestServerPasswordFlow::unreachableServerFails()
{
    VaultSession session(SystemClock::instance());
    PasswordVault keychain;
    ServerPasswordFlow flow(session, keychain);
    QSignalSpy needed(&flow, &ServerPasswordFlow::passwordNeeded);
    QSignalSpy failed(&flow, &ServerPasswordFlow::failed);
    // Port 1 on the loopback: refused at once. No password is what a closed port wants.
    flow.connectTo(*PgConnInfo::parse(
        QStringLiteral("host=127.0.0.1 port=1 dbname=keys user=alice sslmode=disable")));
    QVERIFY(settles(flow));
    QCOMPARE(needed.size(), 0);
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().startsWith(
                 QStringLiteral("Cannot connect to keys@127.0.0.1:1")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(session.state(), VaultSession::State::Closed);
}

void TestServerPasswordFlow::cancelReportsNothing()
{
    // Accepts connections (the system's backlog does) and never answers: libpq waits.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    VaultSession session(SystemClock::instance());
    PasswordVault keychain;
    ServerPasswordFlow flow(session, keychain);
    QSignalSpy needed(&flow, &ServerPasswordFlow::passwordNeeded);
    QSignalSpy failed(&flow, &ServerPasswordFlow::failed);
    QSignalSpy connected(&flow, &ServerPasswordFlow::connected);
    const PgConnInfo server = *PgConnInfo::parse(
        QStringLiteral("host=127.0.0.1 port=%1 dbname=keys user=alice sslmode=disable "
                       "connect_timeout=2")
            .arg(silent.serverPort()));
    flow.connectTo(server, QStringLiteral("typed-password"), true);
    QVERIFY(flow.isBusy());
    QVERIFY2(flow.busyText().contains(QStringLiteral("Connecting to")),
             qPrintable(flow.busyText()));
    // Another Connect while one runs is ignored.
    flow.connectTo(*PgConnInfo::parse(QStringLiteral("host=127.0.0.1 port=1 dbname=other")));
    QVERIFY(flow.busyText().contains(QStringLiteral("keys@127.0.0.1")));

    QSignalSpy busy(&flow, &ServerPasswordFlow::busyChanged);
    flow.cancel();
    QVERIFY(!flow.isBusy());
    QCOMPARE(busy.size(), 1);
    QCOMPARE(busy.first().first().toBool(), false);
    // The probe gives up after its connect_timeout; its answer must reach nobody.
    QTest::qWait(3500);
    QCOMPARE(needed.size() + failed.size() + connected.size(), 0);
    QCOMPARE(session.state(), VaultSession::State::Closed);
    QVERIFY(!flow.passwordToRemember());
}

void TestServerPasswordFlow::rememberIsOfferedOnlyWithAKeychain()
{
    VaultSession session(SystemClock::instance());
    PasswordVault keychain;
    ServerPasswordFlow flow(session, keychain);
    QSignalSpy offer(&flow, &ServerPasswordFlow::rememberOfferChanged);
    // The flow asks the keychain service whether it answers.
    QTRY_VERIFY_WITH_TIMEOUT(keychain.availability() != PasswordVault::Availability::Unknown,
                             15000);
    QVERIFY(offer.size() >= 1);
    if (keychain.availability() == PasswordVault::Availability::Unavailable) {
        qInfo("No keychain here: %s", qPrintable(keychain.unavailableReason()));
        QVERIFY(!flow.offersToRemember());
        QCOMPARE(flow.keychainNote(), keychain.unavailableReason());
        QVERIFY(!flow.keychainNote().isEmpty());
    } else {
        QVERIFY(flow.offersToRemember());
        QVERIFY(flow.keychainNote().isEmpty());
    }
}

// With a keychain (ctest runs this case again through with_keychain.sh): the remembered password
// connects without asking; a remembered password the server no longer takes asks the user,
// saying where the refused one came from.
void TestServerPasswordFlow::keychainPasswordIsUsedAndAStaleOneAsks()
{
    if (qEnvironmentVariable("KEYWARD_TEST_KEYCHAIN") != QLatin1String("1"))
        QSKIP("needs a keychain service: run through tests/ui/with_keychain.sh");
    PgVaultFixture f;
    VaultSession session(f.clock);
    PasswordVault keychain;
    QString noKeychain;
    QVERIFY2(UiTest::keychainAvailable(keychain, &noKeychain), qPrintable(noKeychain));
    const auto remember = [&](const QString &password) {
        bool written = false;
        keychain.write(aliceServer(f), password, this, [&](const Result<void> &result) {
            QVERIFY2(result, qPrintable(result.errorMessage()));
            written = true;
        });
        return QTest::qWaitFor([&] { return written; }, 10000);
    };
    ServerPasswordFlow flow(session, keychain);
    QSignalSpy needed(&flow, &ServerPasswordFlow::passwordNeeded);
    QSignalSpy connected(&flow, &ServerPasswordFlow::connected);

    QVERIFY(remember(kAlicePassword));
    flow.connectTo(aliceServer(f));
    QVERIFY(settles(flow));
    QCOMPARE(needed.size(), 0);
    QCOMPARE(connected.size(), 1);
    QVERIFY(session.isUnlocked());
    QVERIFY(!flow.passwordToRemember()); // nothing typed: nothing new to keep
    session.close();

    // The password changed on the server since: the keychain's is refused, the user is asked.
    QVERIFY(remember(QStringLiteral("an-old-password-3391")));
    flow.connectTo(aliceServer(f));
    QVERIFY(settles(flow));
    QCOMPARE(connected.size(), 1);
    QCOMPARE(needed.size(), 1);
    const QString asked = needed.first().first().toString();
    QVERIFY2(asked.contains(QStringLiteral("keychain")), qPrintable(asked));
    QVERIFY(!asked.contains(QStringLiteral("an-old-password-3391")));
    QCOMPARE(session.state(), VaultSession::State::Closed);
    keychain.remove(aliceServer(f));
}

QTEST_MAIN(TestServerPasswordFlow)
#include "test_server_password_flow.moc"
