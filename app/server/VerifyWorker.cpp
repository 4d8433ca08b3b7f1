#include "VerifyWorker.h"

#include "VerifyService.h"
#include "store/SqlKeyStore.h"
#include "verify/Verifier.h"

namespace Keyward::Verifyd {

VerifyWorker::VerifyWorker(VerifyService &service, std::unique_ptr<SqlKeyStore> store,
                           const VerifierShared &shared, const Clock &clock)
    : m_service(service)
    , m_store(std::move(store))
    , m_verifier(std::make_unique<Verifier>(*m_store, clock, shared))
{
    m_service.attach(this);
}

VerifyWorker::~VerifyWorker()
{
    m_service.detach(this);
}

Result<VerifyResult> VerifyWorker::verify(const char *token, std::size_t size,
                                          const VerifyRequest &request)
{
    return m_verifier->verify(token, size, request);
}

Result<void> VerifyWorker::ping()
{
    auto counter = m_store->changeCounter();
    if (counter || counter.code() != ErrorCode::ConnectionLost)
        return counter ? Result<void>() : Result<void>(counter.error());
    if (auto reconnected = m_store->reconnect(); !reconnected)
        return reconnected;
    counter = m_store->changeCounter();
    return counter ? Result<void>() : Result<void>(counter.error());
}

qint64 VerifyWorker::reconnects() const
{
    return m_store->reconnectCount();
}

} // namespace Keyward::Verifyd
