#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "store/SqlKeyStore.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace Keyward::Bench {

// A vault with many keys for the benchmarks, seeded in one transaction straight through SQL
// (benchmark code only: creating 100,000 keys through createKey() would take minutes of audit
// hashing for no insight). Each key has one secret and realistic columns.
class BenchVault
{
public:
    static Result<std::unique_ptr<BenchVault>> create(const QString &path, int keyCount,
                                                      const Clock &clock);

    SqlKeyStore &store() { return *m_store; }
    const QString &path() const { return m_path; }
    // Tokens and their SHA-256, index i belongs to the i-th key.
    const std::vector<std::string> &tokens() const { return m_tokens; }
    const std::vector<QByteArray> &hashes() const { return m_hashes; }

private:
    QString m_path;
    std::unique_ptr<SqlKeyStore> m_store;
    std::vector<std::string> m_tokens;
    std::vector<QByteArray> m_hashes;
};

} // namespace Keyward::Bench
