#pragma once

#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace Keyward::Bench {

// The baselines: what the sqlite3 C API costs for the same queries Keyward runs, on the same
// file, with statements prepared once.
class RawSqlite
{
public:
    explicit RawSqlite(const QString &path);
    ~RawSqlite();
    RawSqlite(const RawSqlite &) = delete;
    RawSqlite &operator=(const RawSqlite &) = delete;

    bool isOpen() const { return m_db != nullptr; }
    // The verifier's look-up (store/SecretLookup): key and secret columns by hash. Returns the
    // key id (0: none); every column is read, as Keyward reads them.
    qint64 findByHash(const QByteArray &hash);
    // listKeys()'s queries: every key row with its creator, then every secret row. Returns the
    // number of rows; every column is read.
    qint64 selectAllKeys();

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_byHash = nullptr;
};

} // namespace Keyward::Bench
