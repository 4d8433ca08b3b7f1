#pragma once

#include "core/Result.h"
#include "verify/VerifyRequest.h"
#include "verify/VerifyResult.h"

#include <cstddef>
#include <memory>

namespace Keyward {
class Clock;
class SqlKeyStore;
class Verifier;
struct VerifierShared;
} // namespace Keyward

namespace Keyward::Verifyd {

class VerifyService;

// One HTTP thread's verifier: its own store connection (Qt SQL connections are per thread) and
// Verifier, sharing the process's cache, limits and recorder. Created and destroyed on that
// thread; its counters may be read from any thread.
class VerifyWorker
{
public:
    VerifyWorker(VerifyService &service, std::unique_ptr<SqlKeyStore> store,
                 const VerifierShared &shared, const Clock &clock);
    ~VerifyWorker();
    VerifyWorker(const VerifyWorker &) = delete;
    VerifyWorker &operator=(const VerifyWorker &) = delete;

    Result<VerifyResult> verify(const char *token, std::size_t size, const VerifyRequest &request);
    Result<void> ping();

    qint64 reconnects() const;

private:
    VerifyService &m_service;
    std::unique_ptr<SqlKeyStore> m_store;
    std::unique_ptr<Verifier> m_verifier;
};

} // namespace Keyward::Verifyd
