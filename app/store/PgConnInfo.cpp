#include "PgConnInfo.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QUrl>
#include <QUrlQuery>
#include <algorithm>

namespace Keyward {

namespace {

bool isValidKeyword(const QString &keyword)
{
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z][a-z0-9_]*")));
    return pattern.match(keyword).hasMatch();
}

// libpq quoting: single quotes, with \' and \\ inside.
QString quoted(const QString &value)
{
    const bool plain = !value.isEmpty() && std::none_of(value.begin(), value.end(), [](QChar c) {
        return c.isSpace() || c == QLatin1Char('\'') || c == QLatin1Char('\\');
    });
    if (plain)
        return value;
    QString out = value;
    out.replace(QLatin1String("\\"), QLatin1String("\\\\"));
    out.replace(QLatin1String("'"), QLatin1String("\\'"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

Error invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidInput, message);
}

} // namespace

Result<PgConnInfo> PgConnInfo::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1String("postgresql://"))
        || trimmed.startsWith(QLatin1String("postgres://")))
        return parseUri(trimmed);
    return parseKeywordValue(trimmed);
}

Result<PgConnInfo> PgConnInfo::parseKeywordValue(const QString &text)
{
    PgConnInfo info;
    const qsizetype n = text.size();
    qsizetype i = 0;
    auto skipSpace = [&] {
        while (i < n && text.at(i).isSpace())
            ++i;
    };
    while (true) {
        skipSpace();
        if (i >= n)
            break;
        const qsizetype keyStart = i;
        while (i < n && text.at(i) != QLatin1Char('=') && !text.at(i).isSpace())
            ++i;
        const QString keyword = text.mid(keyStart, i - keyStart);
        // A mistyped URI ("postgressql://alice:secret@db") reads as one long keyword: quoting it
        // would repeat its password.
        if (!isValidKeyword(keyword)
            && keyword.contains(QRegularExpression(QStringLiteral("[:/@]"))))
            return invalid(tr("The connection string is neither keyword=value settings nor a "
                              "postgresql:// URI. Write for example host=db.example.com "
                              "dbname=keys, or postgresql://alice@db.example.com/keys."));
        if (!isValidKeyword(keyword))
            return invalid(tr("\"%1\" is not a connection setting. Write settings as "
                              "keyword=value, for example host=db.example.com dbname=keys.")
                               .arg(keyword));
        skipSpace();
        if (i >= n || text.at(i) != QLatin1Char('='))
            return invalid(
                tr("The connection setting \"%1\" has no value (expected %1=value).").arg(keyword));
        ++i;
        skipSpace();
        QString value;
        if (i < n && text.at(i) == QLatin1Char('\'')) {
            ++i;
            bool closed = false;
            while (i < n) {
                const QChar c = text.at(i++);
                if (c == QLatin1Char('\\') && i < n) {
                    value += text.at(i++);
                } else if (c == QLatin1Char('\'')) {
                    closed = true;
                    break;
                } else {
                    value += c;
                }
            }
            if (!closed)
                return invalid(tr("The value of \"%1\" has an opening quote but no closing one.")
                                   .arg(keyword));
        } else {
            while (i < n && !text.at(i).isSpace()) {
                const QChar c = text.at(i++);
                if (c == QLatin1Char('\\') && i < n)
                    value += text.at(i++);
                else
                    value += c;
            }
        }
        info.setValue(keyword, value);
    }
    return info;
}

Result<PgConnInfo> PgConnInfo::parseUri(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        // QUrl goes on with "; source was \"<the whole URI>\"; userinfo = ...": the password.
        const QString problem = url.errorString().section(QLatin1Char(';'), 0, 0);
        return invalid(tr("The connection URI is not valid (%1). Several hosts or a socket "
                          "directory need the keyword=value form.")
                           .arg(problem));
    }
    PgConnInfo info;
    info.setValue(QStringLiteral("host"), url.host(QUrl::FullyDecoded));
    if (url.port() != -1)
        info.setValue(QStringLiteral("port"), QString::number(url.port()));
    info.setValue(QStringLiteral("user"), url.userName(QUrl::FullyDecoded));
    info.setValue(QStringLiteral("password"), url.password(QUrl::FullyDecoded));
    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    info.setValue(QStringLiteral("dbname"), path);
    const QUrlQuery query(url);
    for (const auto &[keyword, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!isValidKeyword(keyword))
            return invalid(tr("\"%1\" is not a connection setting.").arg(keyword));
        info.setValue(keyword, value);
    }
    return info;
}

QString PgConnInfo::value(const QString &keyword) const
{
    for (const auto &[key, value] : m_entries) {
        if (key == keyword)
            return value;
    }
    return {};
}

bool PgConnInfo::contains(const QString &keyword) const
{
    return std::any_of(m_entries.begin(), m_entries.end(),
                       [&](const auto &entry) { return entry.first == keyword; });
}

void PgConnInfo::setValue(const QString &keyword, const QString &value)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).first == keyword) {
            if (value.isEmpty())
                m_entries.removeAt(i);
            else
                m_entries[i].second = value;
            return;
        }
    }
    if (!value.isEmpty())
        m_entries.append({keyword, value});
}

QStringList PgConnInfo::keywords() const
{
    QStringList out;
    for (const auto &entry : m_entries)
        out.append(entry.first);
    return out;
}

QString PgConnInfo::toString(bool withPassword) const
{
    QStringList parts;
    for (const auto &[key, value] : m_entries) {
        if (key == QLatin1String("password") && !withPassword)
            continue;
        parts.append(key + QLatin1Char('=') + quoted(value));
    }
    return parts.join(QLatin1Char(' '));
}

QString PgConnInfo::displayName() const
{
    const QString service = value(QStringLiteral("service"));
    QString host = value(QStringLiteral("host"));
    if (host.isEmpty())
        host = value(QStringLiteral("hostaddr"));
    const QString port = value(QStringLiteral("port"));
    const QString db = value(QStringLiteral("dbname"));
    QString where;
    if (!host.isEmpty())
        where = port.isEmpty() ? host : host + QLatin1Char(':') + port;
    if (!service.isEmpty() && where.isEmpty())
        return db.isEmpty() ? tr("service %1").arg(service)
                            : tr("%1 (service %2)").arg(db, service);
    if (where.isEmpty())
        where = tr("local server");
    return db.isEmpty() ? where : db + QLatin1Char('@') + where;
}

Result<void> PgConnInfo::applyTo(QSqlDatabase &db) const
{
    QStringList options;
    for (const auto &[key, value] : m_entries) {
        if (key == QLatin1String("host")) {
            db.setHostName(value);
        } else if (key == QLatin1String("dbname")) {
            db.setDatabaseName(value);
        } else if (key == QLatin1String("user")) {
            db.setUserName(value);
        } else if (key == QLatin1String("password")) {
            db.setPassword(value);
        } else {
            bool isNumber = false;
            const int port = value.toInt(&isNumber);
            if (key == QLatin1String("port") && isNumber) {
                db.setPort(port);
                continue;
            }
            if (value.contains(QLatin1Char(';')))
                return invalid(tr("The value of \"%1\" contains ';', which the Qt PostgreSQL "
                                  "driver cannot pass on. Put it in a service file and use "
                                  "service=NAME.")
                                   .arg(key));
            options.append(key + QLatin1Char('=') + quoted(value));
        }
    }
    db.setConnectOptions(options.join(QLatin1Char(';')));
    return {};
}

PgConnInfo PgConnInfo::withClientDefaults(int connectTimeoutSeconds) const
{
    PgConnInfo info = *this;
    const QList<QPair<QString, QString>> defaults {
        {QStringLiteral("connect_timeout"), QString::number(connectTimeoutSeconds)},
        {QStringLiteral("keepalives"), QStringLiteral("1")},
        {QStringLiteral("keepalives_idle"), QStringLiteral("30")},
        {QStringLiteral("keepalives_interval"), QStringLiteral("10")},
        {QStringLiteral("keepalives_count"), QStringLiteral("3")},
        {QStringLiteral("tcp_user_timeout"), QStringLiteral("30000")},
        {QStringLiteral("application_name"), QStringLiteral("keyward")},
    };
    for (const auto &[keyword, value] : defaults) {
        if (!info.contains(keyword))
            info.setValue(keyword, value);
    }
    return info;
}

} // namespace Keyward
