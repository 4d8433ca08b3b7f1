#pragma once

#include "OutcomeText.h"

#include <QChartView>
#include <QVector>

#include <array>

class QBarCategoryAxis;
class QBarSet;
class QStackedBarSeries;
class QValueAxis;

namespace Keyward {

class UsageReport;

// A key's requests of the last seven days as stacked bars, one bar per local calendar day
// (today last) and one colour per answer: Valid, 401, 403, 429. Per day rather than per hour
// because seven bars keep readable labels in a pane below the table; the request log beside it
// shows the details of the last hours.
class UsageChartView : public QChartView
{
    Q_OBJECT
public:
    static constexpr int kDays = 7;

    explicit UsageChartView(QWidget *parent = nullptr);

    // The legend, as a widget to place under the chart: it wraps its four full names onto two
    // lines where the chart's own legend would cut them short in a narrow pane.
    static QWidget *createLegend(QWidget *parent);

    // How many hours up to now a UsageReport must hold to cover all kDays local days.
    static int hoursNeeded(qint64 nowMs);
    // Sums the report's hours into the day buckets that end with the day of nowMs (local time).
    void setReport(const UsageReport &report, qint64 nowMs);
    void clear();

    int bucketCount() const { return kDays; }
    qint64 bucketStartMs(int bucket) const { return m_bucketStartMs.at(bucket); }
    QString bucketLabel(int bucket) const { return m_labels.at(bucket); }
    qint64 count(OutcomeText::Group group, int bucket) const;
    qint64 total(OutcomeText::Group group) const;
    qint64 total() const;

    QStackedBarSeries *series() const { return m_series; }
    QBarSet *barSet(OutcomeText::Group group) const { return m_sets.at(std::size_t(group)); }
    QValueAxis *countAxis() const { return m_countAxis; }
    QBarCategoryAxis *dayAxis() const { return m_dayAxis; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void setBuckets(qint64 nowMs);
    void applyCounts();
    void applyPalette();
    void showBarToolTip(bool hovering, int bucket);

    QStackedBarSeries *m_series = nullptr;
    std::array<QBarSet *, OutcomeText::kAllGroups.size()> m_sets {};
    QBarCategoryAxis *m_dayAxis = nullptr;
    QValueAxis *m_countAxis = nullptr;
    QVector<qint64> m_bucketStartMs;
    QStringList m_labels;
    QStringList m_longLabels;
    // [group][bucket]
    std::array<QVector<qint64>, OutcomeText::kAllGroups.size()> m_counts;
};

} // namespace Keyward
