#include "RateLimitField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QSpinBox>

namespace Keyward {

namespace {

constexpr int kMaxRateCount = 1'000'000'000; // what RateLimit::parse accepts
constexpr int kSuggestedCount = 100; // offered when a limit is ticked on

} // namespace

RateLimitField::RateLimitField(QWidget *parent)
    : QWidget(parent)
    , m_limitCheck(new QCheckBox(tr("Limit to"), this))
    , m_countSpin(new QSpinBox(this))
    , m_unitCombo(new QComboBox(this))
{
    m_limitCheck->setObjectName(QStringLiteral("rateLimitCheck"));
    m_limitCheck->setAccessibleName(tr("Limit the request rate"));
    m_limitCheck->setToolTip(tr("Unticked: unlimited requests"));
    m_countSpin->setObjectName(QStringLiteral("rateCountSpin"));
    m_countSpin->setAccessibleName(tr("Rate limit, requests"));
    m_countSpin->setRange(1, kMaxRateCount);
    m_countSpin->setGroupSeparatorShown(true);
    m_unitCombo->setObjectName(QStringLiteral("rateUnitCombo"));
    m_unitCombo->setAccessibleName(tr("Rate limit, period"));
    m_unitCombo->addItem(tr("per second"), static_cast<int>(RateLimit::Unit::Second));
    m_unitCombo->addItem(tr("per minute"), static_cast<int>(RateLimit::Unit::Minute));
    m_unitCombo->addItem(tr("per hour"), static_cast<int>(RateLimit::Unit::Hour));
    setRateLimit(RateLimit());

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_limitCheck);
    row->addWidget(m_countSpin);
    row->addWidget(m_unitCombo);
    row->addStretch(1);

    connect(m_limitCheck, &QCheckBox::toggled, this, [this]() {
        updateEnabled();
        Q_EMIT changed();
    });
    connect(m_countSpin, &QSpinBox::valueChanged, this, &RateLimitField::changed);
    connect(m_unitCombo, &QComboBox::currentIndexChanged, this, &RateLimitField::changed);
}

void RateLimitField::updateEnabled()
{
    m_countSpin->setEnabled(m_limitCheck->isChecked());
    m_unitCombo->setEnabled(m_limitCheck->isChecked());
}

RateLimit RateLimitField::rateLimit() const
{
    RateLimit limit;
    limit.unit = static_cast<RateLimit::Unit>(m_unitCombo->currentData().toInt());
    limit.count = m_limitCheck->isChecked() ? m_countSpin->value() : 0;
    return limit;
}

void RateLimitField::setRateLimit(const RateLimit &limit)
{
    m_limitCheck->setChecked(!limit.isUnlimited());
    m_countSpin->setValue(limit.isUnlimited() ? kSuggestedCount : limit.count);
    m_unitCombo->setCurrentIndex(m_unitCombo->findData(static_cast<int>(limit.unit)));
    updateEnabled();
}

} // namespace Keyward
