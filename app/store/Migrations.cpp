#include "Migrations.h"

#include "SqlErrors.h"

#include <QFile>
#include <QSqlQuery>
#include <QStringList>

namespace Keyward {

namespace {

const QStringList &migrationFiles()
{
    static const QStringList files {
        QStringLiteral(":/keyward/migrations/001_initial.sql"),
        QStringLiteral(":/keyward/migrations/002_usage_feed.sql"),
        QStringLiteral(":/keyward/migrations/003_key_scope.sql"),
        QStringLiteral(":/keyward/migrations/004_shared_limits.sql"),
        QStringLiteral(":/keyward/migrations/005_signatures.sql"),
        QStringLiteral(":/keyward/migrations/006_signature_attestations.sql"),
        QStringLiteral(":/keyward/migrations/007_usage_epoch.sql"),
        QStringLiteral(":/keyward/migrations/008_usage_tables.sql")};
    return files;
}

QStringList statementsOf(const QString &sql)
{
    QStringList statements;
    QString current;
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.trimmed().startsWith(QLatin1String("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (line.trimmed().endsWith(QLatin1Char(';'))) {
            statements.append(current.trimmed());
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

} // namespace

int Migrations::latestVersion()
{
    return int(migrationFiles().size());
}

Result<int> Migrations::currentVersion(QSqlDatabase &db)
{
    SqlQuery query(db);
    if (!db.tables().contains(QStringLiteral("schema_version")))
        return 0;
    if (!query.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")))
        return SqlErrors::fromQuery(query, tr("Could not read the schema version."));
    return query.next() ? query.value(0).toInt() : 0;
}

Result<void> Migrations::migrate(QSqlDatabase &db, const SqlDialect &dialect, qint64 nowMs)
{
    SqlQuery query(db);
    if (!query.exec(dialect.beginWrite()))
        return SqlErrors::fromQuery(query, tr("Could not start the schema upgrade."));
    if (auto applied = applyPending(db, dialect, nowMs); !applied) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return applied;
    }
    if (!query.exec(QStringLiteral("COMMIT"))) {
        const Error error = SqlErrors::fromQuery(query, tr("Could not commit the schema upgrade."));
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return error;
    }
    return {};
}

Result<void> Migrations::migrateIfBehind(QSqlDatabase &db, const SqlDialect &dialect, qint64 nowMs,
                                         int upgradeBusyTimeoutMs)
{
    auto current = currentVersion(db);
    if (!current)
        return current.error();
    if (*current >= latestVersion())
        return {}; // a newer schema is refused before opening (VaultFile's version check)
    if (!dialect.isSqlite() || upgradeBusyTimeoutMs <= 0)
        return migrate(db, dialect, nowMs); // reads the version again, under the write lock
    SqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA busy_timeout")) || !query.next())
        return SqlErrors::fromQuery(query, tr("Could not start the schema upgrade."));
    const int busyTimeoutMs = query.value(0).toInt();
    query.finish();
    const auto setBusyTimeout = [&query](int ms) {
        return query.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(ms));
    };
    if (!setBusyTimeout(qMax(busyTimeoutMs, upgradeBusyTimeoutMs)))
        return SqlErrors::fromQuery(query, tr("Could not start the schema upgrade."));
    query.finish();
    const Result<void> migrated = migrate(db, dialect, nowMs);
    if (!setBusyTimeout(busyTimeoutMs) && migrated)
        return SqlErrors::fromQuery(query, tr("Could not finish the schema upgrade."));
    return migrated;
}

Result<void> Migrations::applyPending(QSqlDatabase &db, const SqlDialect &dialect, qint64 nowMs)
{
    SqlQuery query(db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER "
                                   "PRIMARY KEY, applied_at BIGINT NOT NULL)")))
        return SqlErrors::fromQuery(query, tr("Could not create the schema version table."));
    // Read inside the transaction so two processes cannot apply the same step twice.
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"))
        || !query.next())
        return SqlErrors::fromQuery(query, tr("Could not read the schema version."));
    const int current = query.value(0).toInt();
    query.finish();
    for (int version = current + 1; version <= latestVersion(); ++version) {
        QFile file(migrationFiles().at(version - 1));
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::StorageError,
                             tr("Migration %1 is missing from this build.").arg(version));
        const QString sql = dialect.expandMigration(QString::fromUtf8(file.readAll()));
        for (const QString &statement : statementsOf(sql)) {
            if (!query.exec(statement))
                return SqlErrors::fromQuery(query, tr("Migration %1 failed.").arg(version));
        }
        query.prepare(
            QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"));
        query.addBindValue(version);
        query.addBindValue(nowMs);
        if (!query.exec())
            return SqlErrors::fromQuery(query, tr("Could not record migration %1.").arg(version));
    }
    return {};
}

} // namespace Keyward
