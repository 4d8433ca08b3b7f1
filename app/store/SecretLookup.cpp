#include "SecretLookup.h"

#include "SecretRow.h"
#include "SqlErrors.h"
#include "SqlKeyStore.h"
#include "SqliteSecretStatement.h"

#include <QSqlDriver>

namespace Keyward {

namespace {

class QtRow
{
public:
    explicit QtRow(const QSqlQuery &query)
        : m_query(query)
    { }
    qint64 integer(int column) const { return m_query.value(column).toLongLong(); }
    bool isNull(int column) const { return m_query.isNull(column); }
    QString text(int column) const { return m_query.value(column).toString(); }

private:
    const QSqlQuery &m_query;
};

// The driver's sqlite3 connection, or null for another driver. The type name is how Qt's
// documentation identifies the handle; the QSQLite plugin and Keyward link the same system
// libsqlite3 (Debian's libqt6sql6-sqlite does not bundle its own).
sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

} // namespace

SecretLookup::SecretLookup(SqlKeyStore &store)
    : m_store(store)
{ }

SecretLookup::~SecretLookup() = default;

Result<void> SecretLookup::prepare()
{
    if (m_store.engine() == SqlEngine::Sqlite) {
        m_native = SqliteSecretStatement::prepare(sqliteHandle(m_store.database()));
        if (m_native) {
            m_prepared = true;
            return {};
        }
    }
    m_query = QSqlQuery(m_store.database());
    m_query.setForwardOnly(true);
    if (!m_query.prepare(QLatin1String(kSecretRowSelect) + QLatin1Char('?')))
        return SqlErrors::fromQuery(m_query, tr("Cannot look up the key."));
    m_prepared = true;
    return {};
}

Result<std::optional<SecretMatch>> SecretLookup::find(const QByteArray &hash)
{
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

Result<std::optional<SecretMatch>> SecretLookup::findOnce(const QByteArray &hash)
{
    // Someone closed (or reopened) the store's connection behind our back: never answer from
    // the old one. Qt could not close it while our statement lived, and has let go of it.
    if (m_native && sqliteHandle(m_store.database()) != m_native->connection()) {
        SqliteSecretStatement::closeAbandoned(std::move(m_native));
        m_prepared = false;
    }
    if (!m_prepared) {
        if (auto prepared = prepare(); !prepared)
            return prepared.error();
    }
    if (m_native)
        return m_native->find(hash);
    return findWithQt(hash);
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
    m_query.bindValue(0, hash);
    if (!m_query.exec()) {
        const Error error = SqlErrors::fromQuery(m_query, tr("Cannot look up the key."));
        // Prepare again next time: after a reconnect (PostgreSQL) the old statement is gone.
        m_prepared = false;
        m_query = QSqlQuery();
        return error;
    }
    std::optional<SecretMatch> match;
    if (m_query.next())
        match = readSecretRow(QtRow(m_query));
    // Ends the statement's read transaction now, not at the next call.
    m_query.finish();
    return match;
}

} // namespace Keyward
