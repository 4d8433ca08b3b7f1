// keyward_outcome_bench: how long the library takes to answer NotFound (a well-formed token
// that is not in the vault) and Revoked (a token that is), both 401 with the same message.
// A timing difference tells whoever sends a token whether it is in the vault; see README.md
// ("What the timing of an answer reveals"). Prints, per verifier (without and with cache):
//   <verifier> <outcome> median_ns p10_ns p90_ns
// Not a ctest: timings on a shared machine are not pass/fail material.
#include "core/Clock.h"
#include "crypto/CryptoSelfTest.h"
#include "crypto/KeyToken.h"
#include "store/SqlKeyStore.h"
#include "verify/Verifier.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace Keyward;

namespace {

constexpr int kKeys = 200;
constexpr int kWarmUp = 2000;
constexpr int kSamples = 40000; // per outcome, interleaved

struct Stats
{
    double median = 0;
    double p10 = 0;
    double p90 = 0;
};

Stats stats(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    const auto at = [&samples](double q) {
        return samples[std::size_t(q * (samples.size() - 1))];
    };
    return {at(0.5), at(0.1), at(0.9)};
}

double timeOne(Verifier &verifier, const std::string &token, VerifyOutcome expected)
{
    const auto start = std::chrono::steady_clock::now();
    auto result = verifier.verify(token.data(), token.size(), Environment::Development, {}, {});
    const auto stop = std::chrono::steady_clock::now();
    if (!result || result->outcome != expected) {
        std::fprintf(stderr, "keyward_outcome_bench: unexpected answer\n");
        std::exit(1);
    }
    return double(std::chrono::duration_cast<std::chrono::nanoseconds>(stop - start).count());
}

void measure(const char *name, Verifier &verifier, const std::string &notFound,
             const std::string &revoked)
{
    for (int i = 0; i < kWarmUp; ++i) {
        timeOne(verifier, notFound, VerifyOutcome::NotFound);
        timeOne(verifier, revoked, VerifyOutcome::Revoked);
    }
    std::vector<double> a;
    std::vector<double> b;
    a.reserve(kSamples);
    b.reserve(kSamples);
    // Interleaved, so that drift on a shared machine hits both alike.
    for (int i = 0; i < kSamples; ++i) {
        a.push_back(timeOne(verifier, notFound, VerifyOutcome::NotFound));
        b.push_back(timeOne(verifier, revoked, VerifyOutcome::Revoked));
    }
    for (const auto &[outcome, samples] : {std::pair {"NotFound", &a}, std::pair {"Revoked", &b}}) {
        const Stats s = stats(*samples);
        std::printf("%-8s %-8s %8.0f %8.0f %8.0f\n", name, outcome, s.median, s.p10, s.p90);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (const QString failed = CryptoSelfTest::run(); !failed.isEmpty())
        return 1;
    QTemporaryDir dir;
    const Clock &clock = SystemClock::instance();
    const char passphrase[] = "correct horse battery";
    auto created = SqlKeyStore::createVault(dir.filePath(QStringLiteral("timing.keyward")),
                                            QStringLiteral("kw"), QStringLiteral("alice"),
                                            SecretString(passphrase, sizeof passphrase - 1), clock);
    if (!created) {
        std::fprintf(stderr, "%s\n", qPrintable(created.errorMessage()));
        return 1;
    }
    SqlKeyStore &store = **created;
    // Other keys around it, so that the index is not trivially small.
    std::string revoked;
    for (int i = 0; i < kKeys; ++i) {
        NewKeyRequest request;
        request.name = QStringLiteral("key %1").arg(i);
        request.environment = Environment::Development;
        request.role = Role::Developer;
        request.grants = store.grantCatalogue().roleGrants(Role::Developer);
        auto issued = store.createKey(request);
        if (!issued) {
            std::fprintf(stderr, "%s\n", qPrintable(issued.errorMessage()));
            return 1;
        }
        if (i == kKeys / 2) {
            revoked.assign(issued->token.data(), issued->token.size());
            if (!store.revokeKey(issued->key.id, issued->key.version)) {
                std::fprintf(stderr, "revoke failed\n");
                return 1;
            }
        }
    }
    const SecretString other = KeyToken::generate(QStringLiteral("kw"), Environment::Development);
    const std::string notFound(other.data(), other.size());

    std::printf("verifier outcome   median_ns   p10_ns   p90_ns\n");
    Verifier plain(store, clock);
    measure("uncached", plain, notFound, revoked);
    Verifier cached(store, clock);
    cached.enableCache();
    measure("cached", cached, notFound, revoked);
    return 0;
}
