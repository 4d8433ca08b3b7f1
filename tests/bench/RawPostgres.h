#pragma once

#include <QByteArray>
#include <QString>

struct pg_conn;

namespace Keyward::Bench {

// The PostgreSQL baseline: libpq with the verifier's look-up prepared once on the server
// (PQprepare) and run with the hash as a binary parameter (PQexecPrepared), every column read.
// What a hand-written service would do.
class RawPostgres
{
public:
    explicit RawPostgres(const QString &conninfo);
    ~RawPostgres();
    RawPostgres(const RawPostgres &) = delete;
    RawPostgres &operator=(const RawPostgres &) = delete;

    bool isOpen() const { return m_prepared; }
    QString errorMessage() const;
    // The key id (0: none).
    qint64 findByHash(const QByteArray &hash);
    qint64 bytesRead() const { return m_touched; }

private:
    pg_conn *m_conn = nullptr;
    bool m_prepared = false;
    qint64 m_touched = 0; // the columns' bytes, so that reading them cannot be optimised away
};

} // namespace Keyward::Bench
