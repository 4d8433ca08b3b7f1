#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "store/PgConnInfo.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace Keyward::Bench {

// A PostgreSQL vault with many keys for the benchmark: a fresh database on the given server
// (a superuser's conninfo), set up by PostgresSetup, seeded straight through SQL in batches, with
// a verifier login for the measures. The database and its roles are dropped again at the end.
class PgBenchVault
{
public:
    static Result<std::unique_ptr<PgBenchVault>> create(const PgConnInfo &server, int keyCount,
                                                        const Clock &clock);
    ~PgBenchVault();
    PgBenchVault(const PgBenchVault &) = delete;
    PgBenchVault &operator=(const PgBenchVault &) = delete;

    // How a verifying service connects: the verifier login on the vault's database.
    PgConnInfo verifierConninfo() const;
    const std::vector<std::string> &tokens() const { return m_tokens; }
    const std::vector<QByteArray> &hashes() const { return m_hashes; }

private:
    explicit PgBenchVault(const PgConnInfo &server);
    Result<void> seed(int keyCount, const Clock &clock);

    PgConnInfo m_server;
    QString m_database;
    QString m_connection; // the superuser's Qt SQL connection to the vault database
    std::vector<std::string> m_tokens;
    std::vector<QByteArray> m_hashes;
};

} // namespace Keyward::Bench
