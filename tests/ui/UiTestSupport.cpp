#include "UiTestSupport.h"

#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/PasswordVault.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace Keyward::UiTest {

void isolateUserDirectories(const QString &root)
{
    const QString data = root + QStringLiteral("/data");
    const QString config = root + QStringLiteral("/config");
    QDir().mkpath(data);
    QDir().mkpath(config);
    qputenv("XDG_DATA_HOME", QFile::encodeName(data));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, config);
}

void isolatePostgresPasswords(const QString &root)
{
    qputenv("PGPASSFILE", QFile::encodeName(root + QStringLiteral("/no-pgpass")));
    qunsetenv("PGPASSWORD");
    qunsetenv("PGSERVICEFILE");
}

bool rawSql(const QString &path, const QString &sql, const QVariantList &values)
{
    const QString name = QStringLiteral("raw-sql");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(sql);
            for (const QVariant &value : values)
                q.addBindValue(value);
            ok = q.exec();
            if (!ok)
                qWarning("raw SQL failed: %s", qPrintable(q.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

SecretString secret(const QString &text)
{
    return SecretString::fromQString(text);
}

ApiKey Vault::createKey(const QString &name, Environment env, Role role, const QStringList &grants,
                        qint64 expiresInMs)
{
    NewKeyRequest request = m_fixture.request(name, env, role);
    request.grants = grants.isEmpty() ? QStringList {QStringLiteral("licenses:read")} : grants;
    request.expiresAtMs =
        expiresInMs > 0 ? std::optional<qint64>(clock().nowMs() + expiresInMs) : std::nullopt;
    auto issued = store().createKey(request);
    if (!issued) {
        qWarning("createKey(%s) failed: %s", qPrintable(name), qPrintable(issued.errorMessage()));
        return {};
    }
    return issued->key;
}

Member Vault::addMember(const QString &name, Role role)
{
    auto added = store().addMember(name, role, secret(kMemberPassphrase));
    if (!added) {
        qWarning("addMember(%s) failed: %s", qPrintable(name), qPrintable(added.errorMessage()));
        return {};
    }
    return *added;
}

void Vault::setLastUsed(qint64 keyId, qint64 atMs, const QString &source)
{
    QSqlQuery q(m_fixture.tamperDatabase());
    q.prepare(QStringLiteral(
        "INSERT INTO secret_usage (secret_id, last_used_at, last_used_source) SELECT MAX(id), ?, ? "
        "FROM key_secrets WHERE key_id = ? ON CONFLICT (secret_id) DO UPDATE SET last_used_at = "
        "excluded.last_used_at, last_used_source = excluded.last_used_source"));
    q.addBindValue(atMs);
    q.addBindValue(source);
    q.addBindValue(keyId);
    if (!q.exec())
        qWarning("setLastUsed failed");
}

void Vault::seedVariedKeys()
{
    SqlKeyStore &s = store();
    const auto issue = [&s](const NewKeyRequest &request) {
        auto issued = s.createKey(request);
        if (!issued) {
            qWarning("createKey(%s) failed: %s", qPrintable(request.name),
                     qPrintable(issued.errorMessage()));
            return ApiKey();
        }
        return issued->key;
    };
    const QStringList viewerGrants {QStringLiteral("licenses:read")};

    NewKeyRequest billing;
    billing.name = QStringLiteral("Billing webhook");
    billing.notes = QStringLiteral("Used by the payment provider to confirm invoices.");
    billing.environment = Environment::Production;
    billing.role = Role::Developer;
    billing.grants = {QStringLiteral("billing:read"), QStringLiteral("customers:read")};
    billing.expiresAtMs = clock().nowMs() + 120 * kDayMs;
    billing.rateLimit = *RateLimit::parse(QStringLiteral("100/min"));
    billing.customer = QStringLiteral("acme-corp");
    const ApiKey billingKey = issue(billing);

    const ApiKey ci = createKey(QStringLiteral("CI deploy"), Environment::Staging, Role::Admin,
                                {QStringLiteral("licenses:manage"), QStringLiteral("licenses:read"),
                                 QStringLiteral("customers:write")},
                                0);
    NewKeyRequest mobile;
    mobile.name = QStringLiteral("Mobile app (iOS)");
    mobile.environment = Environment::Production;
    mobile.role = Role::Viewer;
    mobile.grants = viewerGrants;
    mobile.expiresAtMs = clock().nowMs() + 33 * kDayMs; // expires soon after the clock moves
    mobile.rateLimit = *RateLimit::parse(QStringLiteral("1000/hour"));
    const ApiKey mobileKey = issue(mobile);
    const ApiKey legacy = createKey(QStringLiteral("Legacy importer"), Environment::Development,
                                    Role::Developer, {}, 10 * kDayMs);
    const ApiKey support = createKey(QStringLiteral("Support dashboard"), Environment::Production,
                                     Role::Viewer, {QStringLiteral("customers:read")});
    const ApiKey partner = createKey(QStringLiteral("Old partner integration"),
                                     Environment::Production, Role::Developer);
    NewKeyRequest analytics;
    analytics.name = QStringLiteral("Analytics export");
    analytics.notes = QStringLiteral("Nightly export to the data warehouse. Owned by the data "
                                     "team; ask before rotating.");
    analytics.environment = Environment::Staging;
    analytics.role = Role::Developer;
    analytics.grants = {QStringLiteral("licenses:read"), QStringLiteral("customers:read"),
                        QStringLiteral("billing:read"), QStringLiteral("telemetry:write")};
    analytics.expiresAtMs = clock().nowMs() + 180 * kDayMs;
    analytics.rateLimit = *RateLimit::parse(QStringLiteral("5/s"));
    issue(analytics);

    (void)s.setKeyActive(support.id, support.version, false);
    (void)s.revokeKey(partner.id, partner.version);

    // A Developer's key, flagged when the Developer is demoted.
    const Member dave = addMember(QStringLiteral("dave"), Role::Developer);
    {
        auto daves = SqlKeyStore::openVault(path(), clock());
        if (daves && (*daves)->signIn(QStringLiteral("dave"), secret(kMemberPassphrase))) {
            NewKeyRequest telemetry;
            telemetry.name = QStringLiteral("Telemetry collector");
            telemetry.environment = Environment::Development;
            telemetry.role = Role::Developer;
            telemetry.grants = {QStringLiteral("telemetry:write")};
            telemetry.expiresAtMs = clock().nowMs() + 60 * kDayMs;
            (void)(*daves)->createKey(telemetry);
        }
    }

    clock().advanceMs(30 * kDayMs);
    (void)s.setMemberRole(dave.id, dave.version, Role::Viewer);
    const ApiKey ciNow = *s.key(ci.id);
    setLastUsed(ci.id, clock().nowMs() - 5 * kMinuteMs, QStringLiteral("ci-runner-03"));
    (void)s.regenerateKey(ci.id, ciNow.version, 24 * kHourMs);
    setLastUsed(billingKey.id, clock().nowMs() - 2 * kHourMs, QStringLiteral("10.0.4.12"));
    setLastUsed(mobileKey.id, clock().nowMs() - 3 * kDayMs, QStringLiteral("app-gateway"));
    setLastUsed(legacy.id, clock().nowMs() - 25 * kDayMs, QStringLiteral("importer"));
}

bool submitLogin(MainWindow &window, const QString &member, const QString &passphrase)
{
    LoginDialog *dialog = window.loginDialog();
    if (!dialog || !dialog->isVisible())
        return false;
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("memberNameEdit"));
    auto *pass = dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"));
    auto *unlock = dialog->findChild<QPushButton *>(QStringLiteral("unlockButton"));
    if (!name || !pass || !unlock)
        return false;
    name->setText(member);
    pass->setText(passphrase);
    QTest::mouseClick(unlock, Qt::LeftButton);
    // The passphrase is checked off the window's thread: wait for its answer.
    return QTest::qWaitFor(
        [dialog = QPointer<LoginDialog>(dialog)] { return !dialog || !dialog->isChecking(); },
        30000);
}

bool keychainAvailable(PasswordVault &keychain, QString *why)
{
    keychain.probe();
    const bool answered = QTest::qWaitFor(
        [&keychain] { return keychain.availability() != PasswordVault::Availability::Unknown; },
        10000);
    if (answered && keychain.availability() == PasswordVault::Availability::Available)
        return true;
    *why = answered ? keychain.unavailableReason() : QStringLiteral("the keychain did not answer");
    return false;
}

namespace {

// "View: R: Show &Revoked Keys, &Refresh" for each letter used twice among actions.
QStringList clashesAmong(const QString &where, const QList<QAction *> &actions)
{
    QMap<QString, QStringList> byKey;
    for (const QAction *action : actions) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        const QKeySequence key = QKeySequence::mnemonic(action->text());
        if (!key.isEmpty())
            byKey[key.toString(QKeySequence::PortableText)].append(action->text());
    }
    QStringList clashes;
    for (auto it = byKey.constBegin(); it != byKey.constEnd(); ++it) {
        if (it.value().size() > 1)
            clashes.append(where + QStringLiteral(": ") + it.key() + QStringLiteral(": ")
                           + it.value().join(QStringLiteral(", ")));
    }
    return clashes;
}

} // namespace

QStringList menuAcceleratorClashes(const QMainWindow &window)
{
    const QList<QAction *> titles = window.menuBar()->actions();
    QStringList clashes = clashesAmong(QStringLiteral("menu bar"), titles);
    for (const QAction *title : titles) {
        if (title->menu())
            clashes += clashesAmong(title->text(), title->menu()->actions());
    }
    return clashes;
}

QStringList cutOffLabels(const QWidget *parent, int *checked)
{
    QStringList cut;
    int count = 0;
    const auto labels = parent->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (!label->isVisible() || label->wordWrap() || label->text().isEmpty()
            || !label->pixmap().isNull())
            continue;
        ++count;
        if (label->width() < label->minimumSizeHint().width())
            cut.append(label->text());
    }
    if (checked)
        *checked = count;
    return cut;
}

} // namespace Keyward::UiTest
