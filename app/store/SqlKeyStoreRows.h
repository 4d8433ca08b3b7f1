#pragma once

#include "SqlErrors.h"
#include "SqlKeyStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

// Private to SqlKeyStore's files (SqlKeyStore*.cpp): the column list and row reader of its member
// SQL, and the value conversions its statements share. (Key rows: KeyReader.)

namespace Keyward::StoreRows {

inline QVariant nullableInt(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

// Qt SQL binds a null QString as NULL; text columns are NOT NULL, so bind "" instead.
inline QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

inline std::optional<qint64> optionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

inline QString toJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

inline const QString kMemberColumns = QStringLiteral("id, name, role, created_at, version");

inline Member memberFromRow(const QSqlQuery &q)
{
    Member member;
    member.id = q.value(0).toLongLong();
    member.name = q.value(1).toString();
    member.role = roleFromInt(q.value(2).toInt()).value_or(Role::Viewer);
    member.createdAtMs = q.value(3).toLongLong();
    member.version = q.value(4).toLongLong();
    return member;
}

inline Error staleError()
{
    return makeError(ErrorCode::StaleVersion,
                     SqlKeyStore::tr("The key was changed by someone else. It has been reloaded; "
                                     "check it and try again."));
}

// Loads the key inside the transaction and checks the caller saw the current version.
inline Result<ApiKey> currentKey(Result<ApiKey> loaded, qint64 expectedVersion)
{
    if (!loaded)
        return loaded;
    if (loaded->version != expectedVersion)
        return staleError();
    return loaded;
}

inline Result<Member> readCurrentMember(QSqlDatabase &db, qint64 memberId)
{
    SqlQuery q(db);
    q.prepare(QStringLiteral("SELECT ") + kMemberColumns
              + QStringLiteral(" FROM members WHERE id = ? AND removed_at IS NULL"));
    q.addBindValue(memberId);
    if (!q.exec())
        return SqlErrors::fromQuery(q, SqlKeyStore::tr("Cannot read the members."));
    if (!q.next())
        return makeError(ErrorCode::NotFound, SqlKeyStore::tr("There is no such member."));
    return memberFromRow(q);
}

} // namespace Keyward::StoreRows
