#include "ExpiryPolicy.h"

#include "Clock.h"

#include <QDateTime>
#include <QRegularExpression>

namespace Keyward {

ExpiryPolicy ExpiryPolicy::days(int days)
{
    ExpiryPolicy policy;
    policy.m_days = days;
    return policy;
}

ExpiryPolicy ExpiryPolicy::onDate(const QDate &date)
{
    ExpiryPolicy policy;
    policy.m_days = 0;
    policy.m_date = date;
    return policy;
}

ExpiryPolicy ExpiryPolicy::never()
{
    ExpiryPolicy policy;
    policy.m_days = 0;
    policy.m_never = true;
    return policy;
}

int ExpiryPolicy::choiceDays(Choice choice)
{
    switch (choice) {
    case Choice::Days7:
        return 7;
    case Choice::Days30:
        return 30;
    case Choice::Days60:
        return 60;
    case Choice::Days90:
        return 90;
    case Choice::Days180:
        return 180;
    case Choice::Days365:
        return 365;
    case Choice::CustomDate:
    case Choice::Never:
        break;
    }
    return 0;
}

ExpiryPolicy ExpiryPolicy::fromChoice(Choice choice, const QDate &customDate)
{
    if (choice == Choice::Never)
        return never();
    if (choice == Choice::CustomDate)
        return onDate(customDate);
    return days(choiceDays(choice));
}

std::optional<ExpiryPolicy> ExpiryPolicy::parse(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("never"))
        return never();
    static const QRegularExpression daysPattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[0-9]{1,4}d")));
    if (daysPattern.match(t).hasMatch()) {
        bool ok = false;
        const int n = t.chopped(1).toInt(&ok);
        if (ok && n >= 1 && n <= 3660)
            return days(n);
        return std::nullopt;
    }
    const QDate date = QDate::fromString(t, Qt::ISODate);
    if (date.isValid())
        return onDate(date);
    return std::nullopt;
}

std::optional<qint64> ExpiryPolicy::expiresAtMs(qint64 nowMs, Qt::TimeSpec spec) const
{
    if (m_never)
        return std::nullopt;
    if (m_date.isValid()) {
        const QDateTime endOfDay(m_date.addDays(1), QTime(0, 0), spec);
        return endOfDay.toMSecsSinceEpoch();
    }
    return nowMs + qint64(m_days) * kDayMs;
}

} // namespace Keyward
