#include "MigrationCopy.h"

#include "SqlErrors.h"
#include "SqlKeyStore.h"

#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>

namespace Keyward::MigrationCopy {

namespace {

enum class Kind { Int, Text, Blob };

struct Column
{
    QLatin1String name;
    Kind kind;
};

struct Table
{
    QLatin1String name;
    QVector<Column> columns;
};

// Copied as they are, in an order that satisfies the foreign keys. vault_meta and members are
// copied on their own: they differ between the engines.
const QVector<Table> &plainTables()
{
    using L = QLatin1String;
    static const QVector<Table> tables {
        {L("grants"),
         {{L("id"), Kind::Text},
          {L("label"), Kind::Text},
          {L("description"), Kind::Text},
          {L("sort_order"), Kind::Int}}},
        {L("role_grants"), {{L("role"), Kind::Int}, {L("grant_id"), Kind::Text}}},
        {L("api_keys"),
         {{L("id"), Kind::Int},
          {L("name"), Kind::Text},
          {L("notes"), Kind::Text},
          {L("environment"), Kind::Int},
          {L("role"), Kind::Int},
          {L("grants"), Kind::Text},
          {L("state"), Kind::Int},
          {L("expires_at"), Kind::Int},
          {L("rate_count"), Kind::Int},
          {L("rate_unit"), Kind::Int},
          {L("usage_limit"), Kind::Int},
          {L("customer"), Kind::Text},
          {L("created_by"), Kind::Int},
          {L("created_at"), Kind::Int},
          {L("updated_at"), Kind::Int},
          {L("revoked_at"), Kind::Int},
          {L("flagged"), Kind::Int},
          {L("version"), Kind::Int},
          {L("allowed_ips"), Kind::Text}}},
        {L("key_usage"),
         {{L("key_id"), Kind::Int}, {L("usage_count"), Kind::Int}, {L("usage_epoch"), Kind::Int}}},
        {L("key_secrets"),
         {{L("id"), Kind::Int},
          {L("key_id"), Kind::Int},
          {L("hash"), Kind::Blob},
          {L("hint"), Kind::Text},
          {L("created_at"), Kind::Int},
          {L("retires_at"), Kind::Int}}},
        {L("secret_usage"),
         {{L("secret_id"), Kind::Int},
          {L("usage_seq"), Kind::Int},
          {L("last_used_at"), Kind::Int},
          {L("last_used_source"), Kind::Text},
          {L("last_refused_at"), Kind::Int},
          {L("last_refused_outcome"), Kind::Int}}},
        {L("audit_log"),
         {{L("id"), Kind::Int},
          {L("at"), Kind::Int},
          {L("actor"), Kind::Text},
          {L("action"), Kind::Text},
          {L("key_id"), Kind::Int},
          {L("details"), Kind::Text},
          {L("prev_hash"), Kind::Blob},
          {L("hash"), Kind::Blob}}},
        {L("key_usage_hourly"),
         {{L("key_id"), Kind::Int},
          {L("hour"), Kind::Int},
          {L("outcome"), Kind::Int},
          {L("count"), Kind::Int}}},
        {L("request_log"),
         {{L("id"), Kind::Int},
          {L("at"), Kind::Int},
          {L("key_id"), Kind::Int},
          {L("secret_id"), Kind::Int},
          {L("source"), Kind::Text},
          {L("outcome"), Kind::Int}}},
    };
    return tables;
}

// The tables whose ids come from a sequence (AUTOINCREMENT, IDENTITY).
const QStringList &identityTables()
{
    static const QStringList tables {QStringLiteral("members"), QStringLiteral("api_keys"),
                                     QStringLiteral("key_secrets"), QStringLiteral("request_log")};
    return tables;
}

// The same value whichever engine it came from: SQLite has no column types to speak of, and
// Qt binds a null QString as NULL (an empty text must stay empty, not become NULL).
QVariant normalised(const QVariant &value, Kind kind)
{
    switch (kind) {
    case Kind::Int:
        return value.isNull() ? QVariant(QMetaType::fromType<qint64>())
                              : QVariant(value.toLongLong());
    case Kind::Text: {
        if (value.isNull())
            return QVariant(QMetaType::fromType<QString>());
        const QString text = value.toString();
        return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
    }
    case Kind::Blob:
        return value.isNull() ? QVariant(QMetaType::fromType<QByteArray>())
                              : QVariant(value.toByteArray());
    }
    return value;
}

void noteId(CopyRun &run, const QString &table, const QVariant &id)
{
    if (id.isNull())
        return;
    qint64 &highest = run.highestId[table];
    highest = std::max(highest, id.toLongLong());
}

// A later schema may add columns: copying without them would lose data quietly, so a column the
// copy does not know stops it instead (and a test notices when a migration forgets this file).
Result<void> requireKnownColumns(QSqlDatabase &db, const QString &table, const QStringList &known)
{
    const QSqlRecord actual = db.record(table);
    for (int i = 0; i < actual.count(); ++i) {
        if (!known.contains(actual.fieldName(i)))
            return makeError(ErrorCode::StorageError,
                             VaultMigrator::tr("The table %1 has a column %2 that this Keyward "
                                               "cannot copy. Nothing was written.")
                                 .arg(table, actual.fieldName(i)));
    }
    return {};
}

Result<void> readSourceSequences(CopyRun &run)
{
    SqlQuery q(run.from);
    const QString what = VaultMigrator::tr("Cannot read the source's id sequences.");
    if (run.fromEngine == SqlEngine::Sqlite) {
        if (!q.exec(QStringLiteral("SELECT name, seq FROM sqlite_sequence")))
            return SqlErrors::fromQuery(q, what);
        while (q.next())
            run.sourceNext.insert(q.value(0).toString(), q.value(1).toLongLong() + 1);
        return {};
    }
    // A member who does not own the tables may lack the right to read a sequence; the highest
    // ids in use (and mentioned) are then the floor, which is just as safe.
    q.prepare(QStringLiteral(
        "SELECT CASE WHEN has_sequence_privilege(s, 'SELECT') THEN pg_sequence_last_value(s) END "
        "FROM (SELECT CAST(pg_get_serial_sequence(?, 'id') AS regclass) AS s) AS q"));
    for (const QString &table : identityTables()) {
        q.addBindValue(QString(QStringLiteral("public.") + table));
        if (!q.exec() || !q.next())
            return SqlErrors::fromQuery(q, what);
        if (!q.value(0).isNull())
            run.sourceNext.insert(table, q.value(0).toLongLong() + 1);
    }
    return {};
}

Result<void> copyVaultMeta(CopyRun &run, const QString &rolePrefix)
{
    if (auto known = requireKnownColumns(run.from, QStringLiteral("vault_meta"),
                                         {QStringLiteral("name"), QStringLiteral("value")});
        !known)
        return known;
    SqlQuery read(run.from);
    if (!read.exec(QStringLiteral("SELECT name, value FROM vault_meta ORDER BY name")))
        return SqlErrors::fromQuery(read, VaultMigrator::tr("Cannot read the vault settings."));
    SqlQuery write(run.to);
    // The schema's own rows (usage_seq, from a migration) are already there: take the source's.
    write.prepare(QStringLiteral("INSERT INTO vault_meta (name, value) VALUES (?, ?) ON CONFLICT "
                                 "(name) DO UPDATE SET value = excluded.value"));
    auto insert = [&](const QString &name, const QVariant &value) -> Result<void> {
        write.addBindValue(name);
        write.addBindValue(normalised(value, Kind::Text));
        if (!write.exec())
            return SqlErrors::fromQuery(write,
                                        VaultMigrator::tr("Cannot write the vault settings."));
        return {};
    };
    // The group roles belong to the server the vault lives on, not to the vault.
    static const QString kRolePrefix = QStringLiteral("pg_role_prefix");
    while (read.next()) {
        const QString name = read.value(0).toString();
        // A copy starts unsigned (its member keys are not copied): it gets its own root when
        // its Owner first signs in.
        if (name == kRolePrefix || name == QLatin1String("root_key"))
            continue;
        if (auto inserted = insert(name, read.value(1)); !inserted)
            return inserted;
    }
    if (run.toEngine == SqlEngine::Postgres)
        return insert(kRolePrefix, rolePrefix);
    return {};
}

// From a server, passphrase_hash is neither readable nor meaningful (the server authenticates):
// a server copy gets none, a file copy of a server vault only the one for passphraseMember.
Result<void> copyMembers(CopyRun &run, const QString &passphraseMember, const QString &phc)
{
    const bool hashesCopied =
        run.fromEngine == SqlEngine::Sqlite && run.toEngine == SqlEngine::Sqlite;
    if (auto known = requireKnownColumns(run.from, QStringLiteral("members"),
                                         {QStringLiteral("id"), QStringLiteral("name"),
                                          QStringLiteral("role"), QStringLiteral("passphrase_hash"),
                                          QStringLiteral("created_at"),
                                          QStringLiteral("removed_at"), QStringLiteral("version")});
        !known)
        return known;
    SqlQuery read(run.from);
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT id, name, role, created_at, removed_at, version")
                   + (hashesCopied ? QStringLiteral(", passphrase_hash") : QString())
                   + QStringLiteral(" FROM members ORDER BY id")))
        return SqlErrors::fromQuery(read, VaultMigrator::tr("Cannot read the members."));
    SqlQuery write(run.to);
    write.prepare(QStringLiteral("INSERT INTO members (id, name, role, created_at, removed_at, "
                                 "version, passphrase_hash) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    while (read.next()) {
        const QString name = read.value(1).toString();
        const bool current = read.value(4).isNull();
        QVariant hash(QMetaType::fromType<QString>());
        if (hashesCopied)
            hash = normalised(read.value(6), Kind::Text);
        else if (current && run.toEngine == SqlEngine::Sqlite && name == passphraseMember)
            hash = phc;
        else if (current && run.toEngine == SqlEngine::Sqlite)
            run.report.membersWithoutPassphrase.append(name);
        write.addBindValue(normalised(read.value(0), Kind::Int));
        write.addBindValue(name);
        write.addBindValue(normalised(read.value(2), Kind::Int));
        write.addBindValue(normalised(read.value(3), Kind::Int));
        write.addBindValue(normalised(read.value(4), Kind::Int));
        write.addBindValue(normalised(read.value(5), Kind::Int));
        write.addBindValue(hash);
        if (!write.exec())
            return SqlErrors::fromQuery(write,
                                        VaultMigrator::tr("Cannot copy the member %1.").arg(name));
        noteId(run, QStringLiteral("members"), read.value(0));
        ++run.report.members;
        if (current)
            run.currentMembers.append(
                {name, roleFromInt(read.value(2).toInt()).value_or(Role::Viewer)});
    }
    return {};
}

Result<void> copyTable(CopyRun &run, const Table &table)
{
    QStringList names;
    for (const Column &column : table.columns)
        names.append(column.name);
    if (auto known = requireKnownColumns(run.from, table.name, names); !known)
        return known;
    const QString list = names.join(QStringLiteral(", "));
    SqlQuery read(run.from);
    read.setForwardOnly(true);
    // Every table's first column is (part of) its key, so the order is stable.
    if (!read.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
                       .arg(list, table.name, table.columns.constFirst().name)))
        return SqlErrors::fromQuery(read, VaultMigrator::tr("Cannot read %1.").arg(table.name));
    SqlQuery write(run.to);
    write.prepare(
        QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
            .arg(table.name, list,
                 QStringList(names.size(), QStringLiteral("?")).join(QLatin1String(", "))));
    const QString name = table.name;
    qint64 rows = 0;
    while (read.next()) {
        for (int i = 0; i < table.columns.size(); ++i)
            write.addBindValue(normalised(read.value(i), table.columns.at(i).kind));
        if (!write.exec())
            return SqlErrors::fromQuery(write, VaultMigrator::tr("Cannot copy %1.").arg(name));
        ++rows;
        if (identityTables().contains(name))
            noteId(run, name, read.value(0));
        if (name == QLatin1String("audit_log")) {
            noteId(run, QStringLiteral("api_keys"), read.value(4));
            run.report.auditHead = read.value(7).toByteArray();
        } else if (name == QLatin1String("request_log")) {
            noteId(run, QStringLiteral("key_secrets"), read.value(3));
        }
    }
    MigrationReport &report = run.report;
    if (name == QLatin1String("api_keys"))
        report.keys = rows;
    else if (name == QLatin1String("key_secrets"))
        report.secrets = rows;
    else if (name == QLatin1String("audit_log"))
        report.auditRows = rows;
    else if (name == QLatin1String("key_usage_hourly"))
        report.usageRows = rows;
    else if (name == QLatin1String("request_log"))
        report.requestRows = rows;
    return {};
}

// The next id each sequence hands out continues after the source's, not after the highest id
// copied: a key deleted last keeps its id to itself, in its audit rows.
Result<void> continueSequences(CopyRun &run)
{
    SqlQuery q(run.to);
    const QString what = VaultMigrator::tr("Cannot set the id sequences.");
    for (const QString &table : identityTables()) {
        const qint64 next =
            std::max(run.sourceNext.value(table, 1), run.highestId.value(table, 0) + 1);
        if (run.toEngine == SqlEngine::Postgres) {
            q.prepare(QStringLiteral("SELECT setval(pg_get_serial_sequence(?, 'id'), ?, false)"));
            q.addBindValue(QString(QStringLiteral("public.") + table));
            q.addBindValue(next);
            if (!q.exec())
                return SqlErrors::fromQuery(q, what);
            continue;
        }
        if (next <= 1)
            continue;
        q.prepare(QStringLiteral("UPDATE sqlite_sequence SET seq = ? WHERE name = ?"));
        q.addBindValue(next - 1);
        q.addBindValue(table);
        if (!q.exec())
            return SqlErrors::fromQuery(q, what);
        if (q.numRowsAffected() > 0)
            continue;
        q.prepare(QStringLiteral("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)"));
        q.addBindValue(table);
        q.addBindValue(next - 1);
        if (!q.exec())
            return SqlErrors::fromQuery(q, what);
    }
    return {};
}

} // namespace

Result<Member> signedInOwner(SqlKeyStore &source)
{
    const std::optional<Member> member = source.currentMember();
    const Error refused = makeError(
        ErrorCode::PermissionDenied,
        VaultMigrator::tr("Only an Owner of the vault can copy it: a copy holds every key's hash "
                          "and the whole audit log."));
    if (!member)
        return refused;
    // Read again: the role may have changed since signing in.
    auto members = source.listMembers();
    if (!members)
        return members.error();
    for (const Member &current : *members) {
        if (current.id == member->id)
            return current.role == Role::Owner ? Result<Member>(current) : Result<Member>(refused);
    }
    return refused;
}

// One consistent picture of the source, however long the copy takes.
Result<void> beginSnapshot(QSqlDatabase &db, SqlEngine engine)
{
    SqlQuery q(db);
    const QString begin = engine == SqlEngine::Sqlite
        ? QStringLiteral("BEGIN")
        : QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    if (!q.exec(begin))
        return SqlErrors::fromQuery(q, VaultMigrator::tr("Cannot read the source vault."));
    return {};
}

void endSnapshot(QSqlDatabase &db)
{
    QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
}

Result<void> copyEverything(CopyRun &run, const QString &rolePrefix,
                            const QString &passphraseMember, const QString &phc)
{
    if (auto read = readSourceSequences(run); !read)
        return read;
    auto audit = AuditLog::verify(run.from);
    if (!audit)
        return audit.error();
    run.sourceAudit = *audit;
    run.report.auditIntact = audit->intact;
    if (auto copied = copyVaultMeta(run, rolePrefix); !copied)
        return copied;
    const QVector<Table> &tables = plainTables();
    // grants and role_grants before members, the rest after: created_by needs its member.
    for (int i = 0; i < 2; ++i) {
        if (auto copied = copyTable(run, tables.at(i)); !copied)
            return copied;
    }
    if (auto copied = copyMembers(run, passphraseMember, phc); !copied)
        return copied;
    for (int i = 2; i < tables.size(); ++i) {
        if (auto copied = copyTable(run, tables.at(i)); !copied)
            return copied;
    }
    return continueSequences(run);
}

// The copy's chain must check out exactly as the source's did, row for row.
Result<void> checkAuditCopy(CopyRun &run)
{
    auto copied = AuditLog::verify(run.to);
    if (!copied)
        return copied.error();
    const AuditVerification &source = run.sourceAudit;
    if (copied->intact != source.intact || copied->rowsChecked != source.rowsChecked
        || copied->firstBadId != source.firstBadId)
        return makeError(ErrorCode::StorageError,
                         VaultMigrator::tr("The copied audit log does not check out like the "
                                           "source's (%1 of %2 rows). Nothing was written.")
                             .arg(copied->rowsChecked)
                             .arg(source.rowsChecked));
    return {};
}

void describeCopy(MigrationReport &report)
{
    report.actions << VaultMigrator::tr("Copied members: %1; keys: %2, with %3 secrets; hourly "
                                        "usage counters: %4; request log rows: %5.")
                          .arg(report.members)
                          .arg(report.keys)
                          .arg(report.secrets)
                          .arg(report.usageRows)
                          .arg(report.requestRows);
    report.actions << VaultMigrator::tr("Copied the audit log as it is: %1 rows, the last with "
                                        "the hash %2.")
                          .arg(report.auditRows)
                          .arg(QString::fromLatin1(report.auditHead.toHex().left(16)));
    if (!report.auditIntact)
        report.actions << VaultMigrator::tr("Warning: the source's audit log was already "
                                            "damaged; it was copied as it is, so \"audit verify\" "
                                            "reports the same damage on the copy.");
}

} // namespace Keyward::MigrationCopy
