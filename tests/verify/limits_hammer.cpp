// A verifier process for the shared-limit tests: verifies one token (read from stdin) as fast as
// it can, the way a busy service would, and prints what it was answered. Several of these on one
// vault or database show whether limits hold across processes.
//
//   keyward_limits_hammer (--vault PATH | --db CONNINFO) --start EPOCH_MS (--ms N | --count N)
//
// It waits until --start (so that all processes begin together), then verifies for --ms
// milliseconds or --count times, and prints one line:
//   valid V rate_limited R usage_exceeded U errors E first FIRST_MS last LAST_MS store_failures F
// where FIRST_MS is just before its first verification, LAST_MS just after its last, and F the
// times the shared bucket could not be reached (the per-process fallback then decided).
#include "core/Clock.h"
#include "crypto/SecretString.h"
#include "store/SqlKeyStore.h"
#include "verify/UsageRecorder.h"
#include "verify/Verifier.h"

#include <QCoreApplication>
#include <QStringList>
#include <QThread>

#include <cstdio>
#include <iostream>
#include <string>

using namespace Keyward;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto value = [&args](const char *name) {
        const int at = int(args.indexOf(QString::fromLatin1(name)));
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : QString();
    };
    const Clock &clock = SystemClock::instance();
    auto opened = !value("--vault").isEmpty() ? SqlKeyStore::openVault(value("--vault"), clock)
                                              : SqlKeyStore::connectPostgres(value("--db"), clock);
    if (!opened) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(opened.errorMessage()));
        return 2;
    }
    std::string line;
    std::getline(std::cin, line);
    const SecretString token(line.data(), line.size());
    std::fill(line.begin(), line.end(), '\0');

    qint64 valid = 0, rateLimited = 0, usageExceeded = 0, errors = 0, first = 0, last = 0;
    qint64 storeFailures = 0;
    {
        SqlKeyStore &store = **opened;
        Verifier verifier(store, clock);
        UsageRecorder recorder(store, clock);
        verifier.setRecorder(&recorder);
        verifier.enableCache();

        const qint64 start = value("--start").toLongLong();
        while (clock.nowMs() < start)
            QThread::usleep(500);
        const qint64 durationMs = value("--ms").toLongLong();
        const qint64 count = value("--count").toLongLong();
        first = clock.nowMs();
        for (qint64 done = 0; durationMs > 0 ? clock.nowMs() < first + durationMs : done < count;
             ++done) {
            auto result = verifier.verify(token, Environment::Production, {}, QStringLiteral("t"));
            if (!result)
                ++errors;
            else if (result->outcome == VerifyOutcome::Valid)
                ++valid;
            else if (result->outcome == VerifyOutcome::RateLimited)
                ++rateLimited;
            else if (result->outcome == VerifyOutcome::UsageExceeded)
                ++usageExceeded;
            else
                ++errors;
        }
        last = clock.nowMs();
        storeFailures = verifier.rateLimiter().storeFailureCount();
        (void)recorder.flush();
    } // the verifier gives back credits it reserved and did not spend
    std::printf("valid %lld rate_limited %lld usage_exceeded %lld errors %lld first %lld last %lld "
                "store_failures %lld\n",
                valid, rateLimited, usageExceeded, errors, first, last, storeFailures);
    return 0;
}
