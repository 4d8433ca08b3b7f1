#include "RawPostgres.h"

#include "store/SecretRow.h"

#include <libpq-fe.h>

#include <cstdlib>

namespace Keyward::Bench {

namespace {

const char *const kStatement = "keyward_bench_by_hash";

} // namespace

RawPostgres::RawPostgres(const QString &conninfo)
    : m_conn(PQconnectdb(conninfo.toUtf8().constData()))
{
    if (PQstatus(m_conn) != CONNECTION_OK)
        return;
    // The same statement as store/SecretLookup.
    const QByteArray sql = QByteArray(kSecretRowSelect) + "$1";
    PGresult *result = PQprepare(m_conn, kStatement, sql.constData(), 1, nullptr);
    m_prepared = PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
}

RawPostgres::~RawPostgres()
{
    PQfinish(m_conn);
}

QString RawPostgres::errorMessage() const
{
    return QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
}

qint64 RawPostgres::findByHash(const QByteArray &hash)
{
    const char *values[] = {hash.constData()};
    const int lengths[] = {int(hash.size())};
    const int formats[] = {1}; // binary: the bytea goes as it is, no escaping
    PGresult *result = PQexecPrepared(m_conn, kStatement, 1, values, lengths, formats, 0);
    qint64 id = 0;
    if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1) {
        id = std::strtoll(PQgetvalue(result, 0, 0), nullptr, 10);
        // Every column touched, as a consumer would.
        qint64 bytes = 0;
        for (int column = 0; column < PQnfields(result); ++column)
            bytes += PQgetlength(result, 0, column) + (PQgetvalue(result, 0, column) != nullptr);
        m_touched += bytes;
    }
    PQclear(result);
    return id;
}

} // namespace Keyward::Bench
