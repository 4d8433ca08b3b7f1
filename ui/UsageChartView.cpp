#include "UsageChartView.h"

#include "core/Clock.h"
#include "verify/UsageReport.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QDateTime>
#include <QEvent>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <climits>
#include <numeric>

namespace Keyward {

namespace {

// 1, 2 or 5 times a power of ten, at least value: axis steps people read without effort.
qint64 niceStep(double value)
{
    qint64 magnitude = 1;
    while (magnitude * 10 <= value)
        magnitude *= 10;
    for (const qint64 factor : {1, 2, 5, 10}) {
        if (double(factor * magnitude) >= value)
            return factor * magnitude;
    }
    return 10 * magnitude;
}

QDate localDate(qint64 atMs)
{
    return QDateTime::fromMSecsSinceEpoch(atMs).toLocalTime().date();
}

qint64 floorToHour(qint64 atMs)
{
    return atMs - (((atMs % kHourMs) + kHourMs) % kHourMs);
}

} // namespace

UsageChartView::UsageChartView(QWidget *parent)
    : QChartView(parent)
{
    setObjectName(QStringLiteral("usageChart"));
    setAccessibleName(tr("Requests per day in the last 7 days"));
    setRenderHint(QPainter::Antialiasing);
    setFrameShape(QFrame::NoFrame);
    setMinimumSize(360, 230);

    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation); // refreshed in place: no replaying bars
    chart->setBackgroundRoundness(0);
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setMargins(QMargins(4, 4, 4, 4));

    m_series = new QStackedBarSeries(chart);
    m_series->setBarWidth(0.6);
    for (const OutcomeText::Group group : OutcomeText::kAllGroups) {
        auto *set = new QBarSet(OutcomeText::groupName(group), m_series);
        const QColor color = OutcomeText::groupColor(group);
        set->setColor(color);
        set->setBorderColor(color);
        for (int i = 0; i < kDays; ++i)
            set->append(0);
        m_series->append(set);
        m_sets[std::size_t(group)] = set;
        m_counts[std::size_t(group)].fill(0, kDays);
    }
    chart->addSeries(m_series);

    m_dayAxis = new QBarCategoryAxis(chart);
    m_dayAxis->setGridLineVisible(false);
    // Seven short day names fit; Qt would otherwise elide them as soon as space is tight.
    m_dayAxis->setTruncateLabels(false);
    chart->addAxis(m_dayAxis, Qt::AlignBottom);
    m_series->attachAxis(m_dayAxis);
    m_countAxis = new QValueAxis(chart);
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    m_countAxis->setMinorTickCount(0);
    chart->addAxis(m_countAxis, Qt::AlignLeft);
    m_series->attachAxis(m_countAxis);

    chart->legend()->hide(); // see createLegend()
    setChart(chart);

    connect(m_series, &QStackedBarSeries::hovered, this,
            [this](bool hovering, int index, QBarSet *) { showBarToolTip(hovering, index); });

    applyPalette();
    setBuckets(QDateTime::currentMSecsSinceEpoch());
    applyCounts();
}

QWidget *UsageChartView::createLegend(QWidget *parent)
{
    auto *legend = new QWidget(parent);
    legend->setObjectName(QStringLiteral("usageLegend"));
    auto *grid = new QGridLayout(legend);
    grid->setContentsMargins(4, 0, 0, 0);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(2);
    const int side = legend->fontMetrics().height() * 2 / 3;
    int index = 0;
    for (const OutcomeText::Group group : OutcomeText::kAllGroups) {
        QPixmap swatch(side, side);
        swatch.fill(OutcomeText::groupColor(group));
        auto *colour = new QLabel(legend);
        colour->setPixmap(swatch);
        auto *name = new QLabel(OutcomeText::groupName(group), legend);
        const int row = index / 2;
        const int column = (index % 2) * 2;
        grid->addWidget(colour, row, column);
        grid->addWidget(name, row, column + 1);
        ++index;
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    return legend;
}

int UsageChartView::hoursNeeded(qint64 nowMs)
{
    const QDate firstDay = localDate(nowMs).addDays(-(kDays - 1));
    const qint64 firstMs = firstDay.startOfDay().toMSecsSinceEpoch();
    return int((floorToHour(nowMs) - floorToHour(firstMs)) / kHourMs) + 1;
}

void UsageChartView::setBuckets(qint64 nowMs)
{
    const QDate today = localDate(nowMs);
    m_bucketStartMs.clear();
    m_labels.clear();
    m_longLabels.clear();
    const QLocale locale;
    for (int i = 0; i < kDays; ++i) {
        const QDate day = today.addDays(i - (kDays - 1));
        // startOfDay(): midnight may not exist on a daylight-saving day.
        m_bucketStartMs.append(day.startOfDay().toMSecsSinceEpoch());
        if (i == kDays - 1)
            m_labels.append(tr("Today"));
        else
            m_labels.append(
                locale.toString(day, tr("ddd d", "short day label in the usage chart")));
        m_longLabels.append(locale.toString(day, QLocale::LongFormat));
    }
}

void UsageChartView::setReport(const UsageReport &report, qint64 nowMs)
{
    setBuckets(nowMs);
    for (auto &counts : m_counts)
        counts.fill(0, kDays);
    for (const UsageReport::Hour &hour : report.hours()) {
        // An hour belongs to the day its start falls on (in zones with half-hour offsets, the
        // hour that straddles midnight counts for the day it starts in).
        const auto next =
            std::upper_bound(m_bucketStartMs.cbegin(), m_bucketStartMs.cend(), hour.hourMs);
        const int bucket = int(next - m_bucketStartMs.cbegin()) - 1;
        if (bucket < 0)
            continue;
        for (const VerifyOutcome outcome : kAllVerifyOutcomes) {
            const qint64 n = hour.count(outcome);
            if (n > 0)
                m_counts[std::size_t(OutcomeText::group(outcome))][bucket] += n;
        }
    }
    applyCounts();
}

void UsageChartView::clear()
{
    for (auto &counts : m_counts)
        counts.fill(0, kDays);
    applyCounts();
}

qint64 UsageChartView::count(OutcomeText::Group group, int bucket) const
{
    return m_counts[std::size_t(group)].value(bucket);
}

qint64 UsageChartView::total(OutcomeText::Group group) const
{
    const QVector<qint64> &counts = m_counts[std::size_t(group)];
    return std::accumulate(counts.cbegin(), counts.cend(), qint64(0));
}

qint64 UsageChartView::total() const
{
    qint64 sum = 0;
    for (const OutcomeText::Group group : OutcomeText::kAllGroups)
        sum += total(group);
    return sum;
}

void UsageChartView::applyCounts()
{
    qint64 highest = 0;
    QStringList description;
    for (int bucket = 0; bucket < kDays; ++bucket) {
        qint64 dayTotal = 0;
        for (const OutcomeText::Group group : OutcomeText::kAllGroups)
            dayTotal += count(group, bucket);
        highest = qMax(highest, dayTotal);
        description.append(tr("%1: %n request(s)", nullptr, int(qMin<qint64>(dayTotal, INT_MAX)))
                               .arg(m_longLabels.value(bucket)));
    }
    for (const OutcomeText::Group group : OutcomeText::kAllGroups) {
        QBarSet *set = m_sets[std::size_t(group)];
        for (int bucket = 0; bucket < kDays; ++bucket)
            set->replace(bucket, qreal(count(group, bucket)));
        // An empty series would still take a legend entry: keep the four for a stable legend.
    }
    m_dayAxis->setCategories(m_labels);

    // Whole numbers only, and some headroom so the tallest bar does not touch the frame.
    const qint64 step = niceStep(qMax<double>(1.0, double(highest) / 4.0));
    const qint64 top = qMax<qint64>(step * 4, ((highest + step - 1) / step) * step);
    m_countAxis->setRange(0, qreal(top));
    m_countAxis->setTickCount(int(top / step) + 1);
    setAccessibleDescription(description.join(QLatin1Char('\n')));
}

void UsageChartView::applyPalette()
{
    QChart *c = chart();
    const QPalette pal = palette();
    c->setBackgroundBrush(pal.color(QPalette::Window));
    c->setBackgroundPen(Qt::NoPen);
    setBackgroundBrush(pal.color(QPalette::Window));
    QColor grid = pal.color(QPalette::WindowText);
    grid.setAlphaF(0.15);
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_dayAxis), static_cast<QAbstractAxis *>(m_countAxis)}) {
        axis->setLabelsColor(pal.color(QPalette::WindowText));
        axis->setLabelsFont(font());
        axis->setLinePenColor(grid);
        axis->setGridLineColor(grid);
    }
}

void UsageChartView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyPalette();
}

void UsageChartView::showBarToolTip(bool hovering, int bucket)
{
    if (!hovering || bucket < 0 || bucket >= kDays) {
        QToolTip::hideText();
        return;
    }
    QStringList lines {m_longLabels.value(bucket)};
    qint64 dayTotal = 0;
    for (const OutcomeText::Group group : OutcomeText::kAllGroups) {
        const qint64 n = count(group, bucket);
        dayTotal += n;
        if (n > 0)
            lines.append(tr("%1: %2").arg(OutcomeText::groupName(group), QLocale().toString(n)));
    }
    lines.append(tr("Total: %1").arg(QLocale().toString(dayTotal)));
    QToolTip::showText(QCursor::pos(), lines.join(QLatin1Char('\n')), this);
}

} // namespace Keyward
