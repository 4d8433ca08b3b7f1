#pragma once

#include "KeyImpact.h"
#include "UsageReport.h"
#include "core/Result.h"

namespace Keyward {

class SqlKeyStore;

// Where a view reads a key's recent usage (the details pane): injected, so the view needs
// neither the SQL store nor a cast to it.
class UsageSource
{
public:
    virtual ~UsageSource() = default;
    // As UsageReport::load.
    virtual Result<UsageReport> usageReport(qint64 keyId, qint64 nowMs, int hours,
                                            int requests) = 0;
    // As KeyImpact::load: what cutting the key (or one secret, secretId != 0) breaks.
    virtual Result<KeyImpact> keyImpact(const ApiKey &key, qint64 nowMs, qint64 secretId = 0) = 0;
};

// The usage recorded in an SqlKeyStore's vault (UsageReport::load). Not owning; used from the
// store's thread.
class StoreUsageSource final : public UsageSource
{
public:
    explicit StoreUsageSource(SqlKeyStore &store)
        : m_store(store)
    { }
    Result<UsageReport> usageReport(qint64 keyId, qint64 nowMs, int hours, int requests) override
    {
        return UsageReport::load(m_store, keyId, nowMs, hours, requests);
    }
    Result<KeyImpact> keyImpact(const ApiKey &key, qint64 nowMs, qint64 secretId = 0) override
    {
        return KeyImpact::load(m_store, key, nowMs, secretId);
    }

private:
    SqlKeyStore &m_store;
};

} // namespace Keyward
