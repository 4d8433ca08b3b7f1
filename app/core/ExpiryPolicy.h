#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <optional>

namespace Keyward {

// The expiry choices offered when a key is generated: 7/30/60/90 (default)/180/365 days,
// a custom date, or never.
class ExpiryPolicy
{
    Q_DECLARE_TR_FUNCTIONS(ExpiryPolicy)
public:
    enum class Choice { Days7, Days30, Days60, Days90, Days180, Days365, CustomDate, Never };
    static constexpr Choice kDefault = Choice::Days90;

    ExpiryPolicy() = default;
    static ExpiryPolicy days(int days);
    static ExpiryPolicy onDate(const QDate &date);
    static ExpiryPolicy never();
    static ExpiryPolicy fromChoice(Choice choice, const QDate &customDate = {});

    // "90d", "7d", "2027-01-31", "never". Returns nullopt for anything else.
    static std::optional<ExpiryPolicy> parse(const QString &text);

    bool isNever() const { return m_never; }
    int days() const { return m_days; }
    QDate date() const { return m_date; }

    // The absolute expiry, or nullopt for never. A date expires at the end of that day in
    // the given time (UTC for keywardctl, local time in the window): stored as the first
    // instant of the next day, so the key works through the whole chosen day.
    std::optional<qint64> expiresAtMs(qint64 nowMs, Qt::TimeSpec spec = Qt::UTC) const;
    // Days-based presets ("7 days" …) as shown in pickers.
    static int choiceDays(Choice choice);

private:
    int m_days = 90;
    QDate m_date;
    bool m_never = false;
};

} // namespace Keyward
