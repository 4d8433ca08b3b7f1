#include "SecretLookup.h"

#include "KeyRows.h"
#include "SecretIndexCheck.h"
#include "SecretRow.h"
#include "SignedKeyCheck.h"
#include "SqlErrors.h"
#include "SqlKeyStore.h"
#include "SqliteStatement.h"
#include "VaultSigning.h"

namespace Keyward {

SecretLookup::SecretLookup(SqlKeyStore &store)
    : m_store(store)
{ }

SecretLookup::~SecretLookup() = default;

namespace {

// On a vault file, the look-up also reads the hash the table row holds (SecretIndexCheck), as
// column kSecretRowColumns; through the native statement also what the key's signature covers
// (SignedKeyCheck::lookupColumns()), from kSignedRowColumn on.
constexpr int kSignedRowColumn = kSecretRowColumns + 1;

// withTableHash: the row's own hash as column kSecretRowColumns (a vault file's look-up, which
// SecretIndexCheck compares, and every scan, whose rows are known by it). byHash: one secret
// (a look-up), else all of them (a scan, which reads the table's rows themselves).
QByteArray selectSql(bool withTableHash, bool withSignedRow, bool byHash)
{
    Q_ASSERT(withTableHash || !withSignedRow); // kSignedRowColumn counts the table's hash
    QByteArray columns;
    if (withTableHash)
        columns.append(", ").append(byHash ? SecretIndexCheck::kTableHashColumn : "s.hash");
    if (withSignedRow)
        columns.append(SignedKeyCheck::lookupColumns());
    QByteArray sql(kSecretRowSelect);
    sql.replace(QByteArray(" FROM key_secrets s "),
                QByteArray(columns).append(" FROM key_secrets s "));
    if (withSignedRow)
        sql.replace(QByteArray(" WHERE s.hash = "),
                    QByteArray(SignedKeyCheck::kLookupJoin).append(" WHERE s.hash = "));
    if (byHash)
        return sql + '?';
    sql.truncate(sql.indexOf(" WHERE s.hash = "));
    return sql;
}

// A pass reads the secrets in ranges, in order of id: those after ?1 up to ?2, ?3 of them.
QByteArray scanSql(bool sqlite)
{
    return selectSql(true, sqlite, false) + " WHERE s.id > ? AND s.id <= ? ORDER BY s.id LIMIT ?";
}

} // namespace

Result<void> SecretLookup::prepare()
{
    const bool sqlite = m_store.engine() == SqlEngine::Sqlite;
    if (sqlite) {
        sqlite3 *db = sqliteHandle(m_store.database());
        m_indexCheck = std::make_unique<SecretIndexCheck>(db, m_store.displayName());
        static const QByteArray sql = selectSql(true, true, true);
        m_native = SqliteStatement::prepare(db, sql, true);
        if (m_native) {
            m_prepared = true;
            return {};
        }
    }
    m_query = SqlQuery(m_store.database());
    m_query.setForwardOnly(true);
    if (!m_query.prepare(QString::fromLatin1(selectSql(sqlite, false, true))))
        return SqlErrors::fromQuery(m_query, tr("Cannot look up the key."));
    m_prepared = true;
    return {};
}

Result<std::optional<SecretMatch>> SecretLookup::find(const QByteArray &hash)
{
    if (m_store.engine() == SqlEngine::Sqlite)
        return findSigned(hash);
    auto found = findOnce(hash);
    if (found || found.error().code != ErrorCode::ConnectionLost
        || m_store.engine() != SqlEngine::Postgres || !mayReconnectNow())
        return found;
    // A service verifying over PostgreSQL must survive a server restart: reconnect once and
    // ask again (a read, so repeating it is harmless).
    if (auto reconnected = m_store.reconnect(); !reconnected)
        return found;
    return findOnce(hash);
}

void SecretLookup::connectionReplaced()
{
    if (m_native)
        return;
    m_query = SqlQuery();
    m_prepared = false;
    m_indexCheck.reset();
    m_keyCheck.reset();
}

Result<std::optional<SecretMatch>> SecretLookup::findSigned(const QByteArray &hash)
{
    // Twice at most: a key changed (legitimately) between the look-up and the check's reads is
    // looked up again, once; a second mismatch is treated as tampering.
    for (int attempt = 0; attempt < 2; ++attempt) {
        // The look-up and the check read one snapshot, under one set of file locks: the
        // store's shared one, or one of their own.
        std::optional<SqliteReadTransaction> snapshot;
        if (!m_store.enterSharedReadSnapshot())
            snapshot.emplace(sqliteHandle(m_store.database()));
        auto found = findOnce(hash); // may drop m_keyCheck (a replaced connection)
        if (!found || !found->has_value())
            return found;
        if (!m_keyCheck)
            m_keyCheck = std::make_unique<SignedKeyCheck>(m_store.rootKey());
        auto outcome = m_keyCheck->check(m_store.database(), **found, hash,
                                         m_store.sharedReadSnapshotSerial(), m_lookedUpRow);
        if (!outcome)
            return outcome.error();
        if (*outcome == SignedKeyCheck::Outcome::Trusted)
            return found;
        if (*outcome == SignedKeyCheck::Outcome::Tampered)
            break;
        m_store.releaseReadSnapshot(); // changed meanwhile: again on the newest data
    }
    return std::optional<SecretMatch>();
}

Result<std::optional<SecretMatch>> SecretLookup::findOnce(const QByteArray &hash)
{
    // Someone closed (or reopened) the store's connection behind our back: never answer from
    // the old one. Qt could not close it while our statement lived, and has let go of it.
    if (m_native && sqliteHandle(m_store.database()) != m_native->connection()) {
        // Their statements first: closeAbandoned() closes the connection.
        m_indexCheck.reset();
        m_keyCheck.reset();
        SqliteStatement::closeAbandoned(std::move(m_native));
        m_prepared = false;
    }
    if (!m_prepared) {
        if (auto prepared = prepare(); !prepared)
            return prepared.error();
    }
    if (m_native)
        return findWithSqlite(hash);
    return findWithQt(hash);
}

Result<std::optional<SecretMatch>> SecretLookup::findWithSqlite(const QByteArray &hash)
{
    m_native->bindBlob(1, hash);
    std::optional<SecretMatch> match;
    QByteArray tableHash;
    m_lookedUpRow.reset();
    if (m_native->step()) {
        match = readSecretRow(*m_native);
        tableHash = m_native->blob(kSecretRowColumns);
        m_lookedUpRow = SignedKeyCheck::fromLookup(*m_native, kSignedRowColumn, match->secret.id,
                                                   tableHash, match->secret.retiresAtMs);
    }
    const bool failed = m_native->failed();
    const Error error = failed ? m_native->error(tr("Cannot look up the key.")) : Error();
    // Resetting ends the statement's read transaction now, not at the next call.
    m_native->reset();
    if (failed)
        return error;
    if (auto checked = confirm(match.has_value(), tableHash, hash); !checked)
        return checked.error();
    return match;
}

Result<void> SecretLookup::scan(SecretIdRange range, const KeyStore::SecretVisitor &visit)
{
    if (range.upTo <= range.after)
        return {};
    if (m_store.engine() == SqlEngine::Sqlite)
        return scanWithSqlite(range, visit);
    return scanWithQt(range, visit);
}

namespace {

// What reading one range of a scan came to: the rows read, and whether the visitor asked to stop.
struct RangeRead
{
    int rows = 0;
    bool stopped = false;
};

// A scan's reads in order of id, from range.after: readRange(after) reads up to rangeRows rows
// with ids above `after` (up to range.upTo) and moves it to the last id it read. The scan ends
// at a short read (none left), an error, or a visitor that asked to stop.
template<typename ReadRange>
Result<void> readInRanges(SecretIdRange range, int rangeRows, ReadRange readRange)
{
    qint64 after = range.after;
    for (;;) {
        const Result<RangeRead> read = readRange(after);
        if (!read)
            return read.error();
        if (read->stopped || read->rows < rangeRows)
            return {};
    }
}

} // namespace

Result<void> SecretLookup::scanWithSqlite(SecretIdRange range, const KeyStore::SecretVisitor &visit)
{
    const QString what = tr("Cannot read the keys.");
    sqlite3 *db = sqliteHandle(m_store.database());
    if (!db)
        return makeError(ErrorCode::StorageError, what);
    static const QByteArray sql = scanSql(true);
    const auto rows = SqliteStatement::prepare(db, sql, false); // once per range: not kept
    if (!rows)
        return SqliteStatement::connectionError(db, what);
    if (!m_keyCheck)
        m_keyCheck = std::make_unique<SignedKeyCheck>(m_store.rootKey());
    return readInRanges(range, m_scanRange, [&](qint64 &after) -> Result<RangeRead> {
        // A snapshot of its own for each range, begun now: never a shared one that may predate
        // the change check whose cache this pass fills, and never one held for the whole pass
        // (it would keep the WAL from being checkpointed meanwhile).
        const quint64 serial = m_store.serialForOwnSnapshot();
        const SqliteReadTransaction snapshot(db);
        const ResetWhenDone done(*rows); // before the snapshot ends
        rows->bindInteger(1, after);
        rows->bindInteger(2, range.upTo);
        rows->bindInteger(3, m_scanRange);
        RangeRead read;
        while (rows->step()) {
            ++read.rows;
            SecretMatch match = readSecretRow(*rows);
            after = match.secret.id;
            const QByteArray hash = rows->blob(kSecretRowColumns);
            const auto signedRow = SignedKeyCheck::fromLookup(
                *rows, kSignedRowColumn, match.secret.id, hash, match.secret.retiresAtMs);
            auto outcome = m_keyCheck->check(m_store.database(), match, hash, serial, signedRow);
            if (!outcome)
                return outcome.error();
            // Tampered was logged and is left out: a look-up of its hash refuses it as well.
            // Within one snapshot nothing changes between the reads, so Changed cannot pass.
            if (*outcome != SignedKeyCheck::Outcome::Trusted)
                continue;
            if (!visit(hash, std::move(match)))
                return RangeRead {read.rows, true};
        }
        if (rows->failed())
            return rows->error(what);
        return read;
    });
}

Result<void> SecretLookup::scanWithQt(SecretIdRange range, const KeyStore::SecretVisitor &visit)
{
    const QString what = tr("Cannot read the keys.");
    SqlQuery query(m_store.database());
    query.setForwardOnly(true);
    if (!query.prepare(QString::fromLatin1(scanSql(false))))
        return SqlErrors::fromQuery(query, what);
    return readInRanges(range, m_scanRange, [&](qint64 &after) -> Result<RangeRead> {
        query.bindValue(0, after); // each range one statement: one snapshot of its own
        query.bindValue(1, range.upTo);
        query.bindValue(2, m_scanRange);
        if (!query.exec())
            return SqlErrors::fromQuery(query, what);
        RangeRead read;
        while (query.next()) {
            ++read.rows;
            SecretMatch match = readSecretRow(QueryRow(query));
            after = match.secret.id;
            if (!visit(query.value(kSecretRowColumns).toByteArray(), std::move(match)))
                return RangeRead {read.rows, true};
        }
        if (query.lastError().isValid())
            return SqlErrors::fromQuery(query, what);
        return read;
    });
}

bool SecretLookup::mayReconnectNow()
{
    // At most one attempt a second: with the server down, each attempt can take up to its
    // connect_timeout, and every request would pay it.
    if (m_sinceReconnect.isValid() && m_sinceReconnect.elapsed() < 1000)
        return false;
    m_sinceReconnect.start();
    return true;
}

Result<std::optional<SecretMatch>> SecretLookup::findWithQt(const QByteArray &hash)
{
    m_lookedUpRow.reset();
    m_query.bindValue(0, hash);
    if (!m_query.exec()) {
        const Error error = SqlErrors::fromQuery(m_query, tr("Cannot look up the key."));
        // Prepare again next time: after a reconnect (PostgreSQL) the old statement is gone.
        m_prepared = false;
        m_query = SqlQuery();
        return error;
    }
    std::optional<SecretMatch> match;
    QByteArray tableHash;
    if (m_query.next()) {
        match = readSecretRow(QueryRow(m_query));
        if (m_indexCheck)
            tableHash = m_query.value(kSecretRowColumns).toByteArray();
    }
    // Ends the statement's read transaction now, not at the next call.
    m_query.finish();
    if (auto checked = confirm(match.has_value(), tableHash, hash); !checked)
        return checked.error();
    return match;
}

Result<void> SecretLookup::confirm(bool found, const QByteArray &tableHash, const QByteArray &hash)
{
    if (!m_indexCheck)
        return {};
    auto checked =
        found ? m_indexCheck->confirmFound(tableHash, hash) : m_indexCheck->confirmMissing(hash);
    if (!checked && checked.error().code == ErrorCode::VaultCorrupt)
        m_store.markDamaged(checked.error());
    return checked;
}

} // namespace Keyward
