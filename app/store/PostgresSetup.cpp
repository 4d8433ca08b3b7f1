#include "PostgresSetup.h"

#include "AuditLog.h"
#include "Migrations.h"
#include "PgConnInfo.h"
#include "SqlConnection.h"
#include "SqlDialect.h"
#include "SqlErrors.h"
#include "VaultSeed.h"
#include "core/Permissions.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlQuery>

#include <libpq-fe.h>

#include <cstring>
#include <vector>

namespace Keyward {

namespace {

// Splits a script into statements at a ';' that ends a line, except inside $$ bodies.
QStringList splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    bool inBody = false;
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (!inBody && (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("--"))))
            continue;
        current += line + QLatin1Char('\n');
        if (line.count(QLatin1String("$$")) % 2 == 1)
            inBody = !inBody;
        if (!inBody && trimmed.endsWith(QLatin1Char(';'))) {
            statements.append(current.trimmed());
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

Result<QString> scalar(QSqlDatabase &db, const QString &sql, const QString &what)
{
    SqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return SqlErrors::fromQuery(q, what);
    return q.value(0).toString();
}

// A login Keyward creates (a member's or a verifier's): a name as members' names are (no spaces
// around it, no control characters) that PostgreSQL accepts as a login (63 bytes, not pg_*).
// The vault's own group names are refused by the database functions, which know them.
Result<void> checkLoginName(const QString &name)
{
    for (const Result<void> &check :
         {Permissions::validateMemberName(name), Permissions::validateLoginName(name, QString())}) {
        if (!check)
            return check;
    }
    return {};
}

} // namespace

Result<void> PostgresSetup::validateRolePrefix(const QString &rolePrefix)
{
    // Lower case so that the names need no quoting in psql; short enough that
    // "<prefix>_developer" stays well inside PostgreSQL's 63-byte names.
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z][a-z0-9_]{0,39}")));
    if (!pattern.match(rolePrefix).hasMatch())
        return makeError(ErrorCode::InvalidInput,
                         tr("The role prefix must start with a lowercase letter and have at most "
                            "40 lowercase letters, digits or underscores."));
    return {};
}

Result<QStringList> PostgresSetup::securityStatements(const QString &rolePrefix)
{
    if (auto valid = validateRolePrefix(rolePrefix); !valid)
        return valid.error();
    QFile file(QStringLiteral(":/keyward/postgres/postgres_security.sql"));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::StorageError,
                         tr("The PostgreSQL security script is missing from this build."));
    QString sql = QString::fromUtf8(file.readAll());
    sql.replace(QLatin1String("{{P}}"), rolePrefix);
    return splitStatements(sql);
}

Result<QString> PostgresSetup::passwordVerifier(QSqlDatabase &db, const QString &login,
                                                const SecretString &password)
{
    if (password.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("The password is empty."));
    if (std::memchr(password.data(), '\0', password.size()))
        return makeError(ErrorCode::InvalidInput, tr("A password cannot contain a NUL byte."));
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    // Qt 6 names the metatype after the struct behind libpq's typedef.
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "PGconn*") != 0
            && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return makeError(ErrorCode::StorageError, tr("This is not a PostgreSQL connection."));
    PGconn *connection = *static_cast<PGconn *const *>(handle.constData());
    if (!connection)
        return makeError(ErrorCode::ConnectionLost, tr("The connection to the database was lost."));
    // libpq wants a NUL-terminated copy; wipe it as soon as it has been used.
    std::vector<char> plain(password.data(), password.data() + password.size());
    plain.push_back('\0');
    char *encrypted = PQencryptPasswordConn(connection, plain.data(), login.toUtf8().constData(),
                                            "scram-sha-256");
    volatile char *wipe = plain.data();
    for (std::size_t i = 0; i < plain.size(); ++i)
        wipe[i] = 0;
    if (!encrypted)
        return makeError(ErrorCode::CryptoFailure,
                         tr("Could not encrypt the password: %1")
                             .arg(QString::fromUtf8(PQerrorMessage(connection)).trimmed()));
    const QString verifier = QString::fromLatin1(encrypted);
    PQfreemem(encrypted);
    return verifier;
}

Result<qint64> PostgresSetup::addMemberLogin(QSqlDatabase &db, const QString &name, Role role,
                                             const SecretString &password, qint64 nowMs)
{
    if (auto valid = checkLoginName(name); !valid)
        return valid.error();
    QVariant verifier(QMetaType::fromType<QString>());
    if (!password.isEmpty()) {
        if (auto valid = Permissions::validatePassphraseLength(int(password.size())); !valid)
            return valid.error();
        auto computed = passwordVerifier(db, name, password);
        if (!computed)
            return computed.error();
        verifier = *computed;
    }
    SqlQuery q(db);
    q.prepare(QStringLiteral("SELECT keyward_member_add(?, ?, ?, ?)"));
    q.addBindValue(name);
    q.addBindValue(roleToInt(role));
    q.addBindValue(verifier);
    q.addBindValue(nowMs);
    if (!q.exec() || !q.next())
        return SqlErrors::fromQuery(q, tr("Cannot add the member %1.").arg(name));
    return q.value(0).toLongLong();
}

Result<void> PostgresSetup::addVerifierLogin(QSqlDatabase &db, const QString &name,
                                             const SecretString &password)
{
    if (auto valid = checkLoginName(name); !valid)
        return valid.error();
    QVariant verifier(QMetaType::fromType<QString>());
    if (!password.isEmpty()) {
        auto computed = passwordVerifier(db, name, password);
        if (!computed)
            return computed.error();
        verifier = *computed;
    }
    SqlQuery q(db);
    q.prepare(QStringLiteral("SELECT keyward_verifier_add(?, ?)"));
    q.addBindValue(name);
    q.addBindValue(verifier);
    if (!q.exec())
        return SqlErrors::fromQuery(q, tr("Cannot add the verifier login %1.").arg(name));
    return {};
}

Result<PostgresSetupReport> PostgresSetup::run(const QString &conninfo,
                                               const PostgresSetupOptions &options,
                                               const SecretString &ownerPassword,
                                               const Clock &clock)
{
    auto parsed = PgConnInfo::parse(conninfo);
    if (!parsed)
        return parsed.error();
    auto connection = SqlConnection::openPostgres(*parsed, QStringLiteral("setup"));
    if (!connection)
        return connection.error();
    return run((*connection)->database(), options, ownerPassword, clock);
}

Result<PostgresSetupReport> PostgresSetup::run(QSqlDatabase &db,
                                               const PostgresSetupOptions &options,
                                               const SecretString &ownerPassword,
                                               const Clock &clock)
{
    if (db.driverName() != QLatin1String("QPSQL"))
        return makeError(ErrorCode::InvalidInput,
                         tr("The database setup is for PostgreSQL; a local vault needs none."));
    for (const Result<void> &check :
         {Permissions::validatePrefix(options.keyPrefix), validateRolePrefix(options.rolePrefix)}) {
        if (!check)
            return check.error();
    }
    auto statements = securityStatements(options.rolePrefix);
    if (!statements)
        return statements.error();
    auto login = scalar(db, QStringLiteral("SELECT current_user"),
                        tr("Cannot ask the server who is connected."));
    if (!login)
        return login.error();
    const QString owner = options.owner.isEmpty() ? *login : options.owner;
    // The member functions refuse these too; checking first leaves nothing half-done.
    for (const Result<void> &check : {Permissions::validateMemberName(owner),
                                      Permissions::validateLoginName(owner, options.rolePrefix)}) {
        if (!check)
            return check.error();
    }

    PostgresSetupReport report;
    const SqlDialect dialect(SqlEngine::Postgres);
    // Re-running the setup would otherwise print a NOTICE for every object that exists.
    QSqlQuery(db).exec(QStringLiteral("SET client_min_messages = warning"));
    struct ResetMessages
    {
        QSqlDatabase &db;
        ~ResetMessages() { QSqlQuery(db).exec(QStringLiteral("RESET client_min_messages")); }
    } resetMessages {db};
    auto version = Migrations::currentVersion(db);
    if (!version)
        return version.error();
    if (*version > Migrations::latestVersion())
        return makeError(ErrorCode::VaultTooNew,
                         tr("This database was set up by a newer Keyward (schema %1; this one "
                            "knows up to %2). Update Keyward first.")
                             .arg(*version)
                             .arg(Migrations::latestVersion()));
    if (*version == 0) {
        auto tables = scalar(db,
                             QStringLiteral("SELECT count(*) FROM pg_catalog.pg_tables WHERE "
                                            "schemaname = 'public'"),
                             tr("Cannot list the tables."));
        if (!tables)
            return tables.error();
        if (tables->toInt() > 0)
            return makeError(ErrorCode::InvalidInput,
                             tr("The database is not empty (%1 tables). Set Keyward up in a "
                                "database of its own.")
                                 .arg(*tables));
    }
    if (auto migrated = Migrations::migrate(db, dialect, clock.nowMs()); !migrated)
        return migrated.error();
    if (*version == 0)
        report.actions
            << tr("Created the Keyward schema (version %1).").arg(Migrations::latestVersion());
    else if (*version < Migrations::latestVersion())
        report.actions << tr("Upgraded the schema from version %1 to %2.")
                              .arg(*version)
                              .arg(Migrations::latestVersion());
    else
        report.actions << tr("The schema is current (version %1).").arg(*version);

    SqlQuery q(db);
    auto fail = [&](const Error &error) -> Result<PostgresSetupReport> {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return error;
    };
    if (!q.exec(dialect.beginWrite()) || !q.exec(dialect.lockWriters()))
        return fail(SqlErrors::fromQuery(q, tr("Could not start the setup.")));
    const qint64 now = clock.nowMs();
    auto audit = [&](const QString &action, const QJsonObject &details) -> Result<void> {
        AuditEvent event;
        event.atMs = now;
        event.actor = *login;
        event.action = action;
        event.details = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
        return AuditLog::append(db, event);
    };

    if (!q.exec(QStringLiteral("SELECT name, value FROM vault_meta WHERE name IN ('prefix', "
                               "'pg_role_prefix')")))
        return fail(SqlErrors::fromQuery(q, tr("Cannot read the vault settings.")));
    QString existingPrefix;
    QString existingRolePrefix;
    while (q.next()) {
        if (q.value(0).toString() == QLatin1String("prefix"))
            existingPrefix = q.value(1).toString();
        else
            existingRolePrefix = q.value(1).toString();
    }
    if (existingPrefix.isEmpty()) {
        if (auto seeded =
                VaultSeed::write(db, options.keyPrefix, GrantCatalogue::defaults(),
                                 {{QStringLiteral("pg_role_prefix"), options.rolePrefix}});
            !seeded)
            return fail(seeded.error());
        // Like a local vault's: one vault.create row that names the first Owner, added below.
        if (auto audited = audit(QStringLiteral("vault.create"),
                                 {{QStringLiteral("prefix"), options.keyPrefix},
                                  {QStringLiteral("owner"), owner},
                                  {QStringLiteral("engine"), QStringLiteral("postgresql")},
                                  {QStringLiteral("roles"), options.rolePrefix}});
            !audited)
            return fail(audited.error());
        report.actions << tr("Wrote the vault settings: key prefix \"%1\", the default grant "
                             "catalogue.")
                              .arg(options.keyPrefix);
    } else if (!existingRolePrefix.isEmpty() && existingRolePrefix != options.rolePrefix) {
        return fail(makeError(ErrorCode::InvalidInput,
                              tr("This vault uses the role prefix \"%1\", not \"%2\".")
                                  .arg(existingRolePrefix, options.rolePrefix)));
    }

    for (const QString &statement : *statements) {
        if (!q.exec(statement))
            return fail(
                SqlErrors::fromQuery(q, tr("The setup failed at:\n%1\n").arg(statement.left(400))));
        report.statements << statement;
    }
    const QString p = options.rolePrefix;
    report.actions << tr("Created the group roles %1_owner, %1_admin, %1_developer, %1_viewer and "
                         "%1_verifier, and granted each only what its role needs.")
                          .arg(p)
                   << tr("Enabled row-level security: Developers change only the keys they "
                         "created, Viewers change nothing, the verifier writes only usage.")
                   << tr("Made the audit log append-only for every role, the table owner "
                         "included.")
                   << tr("Only members of the %1_* roles may connect to this database.").arg(p);

    q.prepare(QStringLiteral("SELECT role FROM members WHERE name = ? AND removed_at IS NULL"));
    q.addBindValue(owner);
    if (!q.exec())
        return fail(SqlErrors::fromQuery(q, tr("Cannot read the members.")));
    if (q.next()) {
        const Role role = roleFromInt(q.value(0).toInt()).value_or(Role::Viewer);
        report.actions << tr("%1 is already a member (%2).").arg(owner, roleCode(role));
    } else {
        auto added = addMemberLogin(db, owner, Role::Owner, ownerPassword, now);
        if (!added)
            return fail(added.error());
        if (!existingPrefix.isEmpty()) {
            if (auto audited = audit(QStringLiteral("member.add"),
                                     {{QStringLiteral("member"), owner},
                                      {QStringLiteral("role"), roleCode(Role::Owner)}});
                !audited)
                return fail(audited.error());
        }
        report.actions << tr("Added the login %1 as the first Owner.").arg(owner);
    }

    if (!q.exec(QStringLiteral("UPDATE vault_meta SET value = CAST(CAST(value AS BIGINT) + 1 AS "
                               "TEXT) WHERE name = 'change_seq'"))
        || !q.exec(dialect.notifyChanged()) || !q.exec(QStringLiteral("COMMIT")))
        return fail(SqlErrors::fromQuery(q, tr("Could not finish the setup.")));
    return report;
}

} // namespace Keyward
