#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace Keyward {

// A libpq connection description: "host=db.example.com port=5432 dbname=keys user=alice
// sslmode=verify-full", "service=keyward" (pg_service.conf) or a URI
// "postgresql://alice@db.example.com/keys?sslmode=require". Anything left out is taken by libpq
// from its environment (PGHOST, PGUSER, PGPASSWORD, PGPASSFILE, PGSERVICE, ...), so a password
// normally comes from ~/.pgpass and never has to appear here.
class PgConnInfo
{
    Q_DECLARE_TR_FUNCTIONS(PgConnInfo)
public:
    PgConnInfo() = default;
    static Result<PgConnInfo> parse(const QString &text);

    QString value(const QString &keyword) const;
    bool contains(const QString &keyword) const;
    // An empty value removes the keyword (libpq then falls back to its environment).
    void setValue(const QString &keyword, const QString &value);
    QStringList keywords() const;
    bool isEmpty() const { return m_entries.isEmpty(); }

    // keyword=value form with values quoted where needed. Without the password unless asked for:
    // this is the form for recent-server lists, titles and logs.
    QString toString(bool withPassword = false) const;
    // "keys@db.example.com:5432", "service keyward": what a title bar or a banner shows.
    QString displayName() const;

    // With what every Keyward connection should have unless the user said otherwise: a connect
    // timeout (libpq would otherwise wait for the system's TCP timeout, minutes), TCP keepalives
    // and a TCP user timeout (so a query on a connection whose network silently went away fails
    // within half a minute instead of hanging), and application_name=keyward (so a DBA sees who
    // is connected in pg_stat_activity).
    PgConnInfo withClientDefaults(int connectTimeoutSeconds = 10) const;

    // Hands the description to Qt's QPSQL driver (setHostName, setDatabaseName, setUserName,
    // setPassword, setPort; the rest through setConnectOptions). Qt joins connect options with
    // ';', so an option value containing ';' is refused rather than silently mangled.
    Result<void> applyTo(QSqlDatabase &db) const;

private:
    static Result<PgConnInfo> parseUri(const QString &text);
    static Result<PgConnInfo> parseKeywordValue(const QString &text);

    QList<QPair<QString, QString>> m_entries;
};

} // namespace Keyward
