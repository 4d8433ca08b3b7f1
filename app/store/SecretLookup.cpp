#include "SecretLookup.h"

#include "SqlErrors.h"
#include "SqlKeyStore.h"

namespace Keyward {

namespace {

std::optional<qint64> optionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

} // namespace

SecretLookup::SecretLookup(SqlKeyStore &store)
    : m_store(store)
{ }

Result<void> SecretLookup::prepare()
{
    m_query = QSqlQuery(m_store.database());
    m_query.setForwardOnly(true);
    if (!m_query.prepare(QStringLiteral(
            "SELECT k.id, k.name, k.environment, k.grants, k.state, k.expires_at, k.rate_count, "
            "k.rate_unit, k.usage_limit, k.usage_count, k.customer, k.revoked_at, k.flagged, "
            "k.version, s.id, s.retires_at FROM key_secrets s JOIN api_keys k ON k.id = s.key_id "
            "WHERE s.hash = ?")))
        return SqlErrors::fromQuery(m_query, tr("Cannot look up the key."));
    m_prepared = true;
    return {};
}

Result<std::optional<SecretMatch>> SecretLookup::find(const QByteArray &hash)
{
    if (!m_prepared) {
        if (auto prepared = prepare(); !prepared)
            return prepared.error();
    }
    m_query.bindValue(0, hash);
    if (!m_query.exec()) {
        const Error error = SqlErrors::fromQuery(m_query, tr("Cannot look up the key."));
        // Prepare again next time: after a reconnect (PostgreSQL) the old statement is gone.
        m_prepared = false;
        m_query = QSqlQuery();
        return error;
    }
    std::optional<SecretMatch> match;
    if (m_query.next()) {
        SecretMatch found;
        ApiKey &key = found.key;
        key.id = m_query.value(0).toLongLong();
        key.name = m_query.value(1).toString();
        key.environment =
            environmentFromInt(m_query.value(2).toInt()).value_or(Environment::Development);
        key.grants = m_query.value(3).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        // An unknown state from a newer Keyward is treated as not active.
        key.state = keyStateFromInt(m_query.value(4).toInt()).value_or(KeyState::Inactive);
        key.expiresAtMs = optionalInt(m_query.value(5));
        key.rateLimit.count = m_query.value(6).toInt();
        key.rateLimit.unit = static_cast<RateLimit::Unit>(qBound(0, m_query.value(7).toInt(), 2));
        key.usageLimit = optionalInt(m_query.value(8));
        key.usageCount = m_query.value(9).toLongLong();
        key.customer = m_query.value(10).toString();
        key.revokedAtMs = optionalInt(m_query.value(11));
        key.flagged = m_query.value(12).toInt() != 0;
        key.version = m_query.value(13).toLongLong();
        found.secret.id = m_query.value(14).toLongLong();
        found.secret.keyId = key.id;
        found.secret.retiresAtMs = optionalInt(m_query.value(15));
        match = std::move(found);
    }
    // Ends the statement's read transaction now, not at the next call.
    m_query.finish();
    return match;
}

} // namespace Keyward
