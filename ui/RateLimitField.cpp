#include "RateLimitField.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QSpinBox>

namespace Keyward {

namespace {

constexpr int kMaxRateCount = 1'000'000'000; // what RateLimit::parse accepts

} // namespace

RateLimitField::RateLimitField(QWidget *parent)
    : QWidget(parent)
    , m_countSpin(new QSpinBox(this))
    , m_unitCombo(new QComboBox(this))
{
    m_countSpin->setObjectName(QStringLiteral("rateCountSpin"));
    m_countSpin->setAccessibleName(tr("Rate limit, requests"));
    m_countSpin->setRange(0, kMaxRateCount);
    m_countSpin->setSpecialValueText(tr("Unlimited"));
    m_countSpin->setGroupSeparatorShown(true);
    m_unitCombo->setObjectName(QStringLiteral("rateUnitCombo"));
    m_unitCombo->setAccessibleName(tr("Rate limit, period"));
    m_unitCombo->addItem(tr("per second"), static_cast<int>(RateLimit::Unit::Second));
    m_unitCombo->addItem(tr("per minute"), static_cast<int>(RateLimit::Unit::Minute));
    m_unitCombo->addItem(tr("per hour"), static_cast<int>(RateLimit::Unit::Hour));
    setRateLimit(RateLimit());

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_countSpin);
    row->addWidget(m_unitCombo);
    row->addStretch(1);

    connect(m_countSpin, &QSpinBox::valueChanged, this, [this](int count) {
        m_unitCombo->setEnabled(count > 0);
        Q_EMIT changed();
    });
    connect(m_unitCombo, &QComboBox::currentIndexChanged, this, &RateLimitField::changed);
}

RateLimit RateLimitField::rateLimit() const
{
    RateLimit limit;
    limit.count = m_countSpin->value();
    limit.unit = static_cast<RateLimit::Unit>(m_unitCombo->currentData().toInt());
    return limit;
}

void RateLimitField::setRateLimit(const RateLimit &limit)
{
    m_countSpin->setValue(limit.isUnlimited() ? 0 : limit.count);
    m_unitCombo->setCurrentIndex(m_unitCombo->findData(static_cast<int>(limit.unit)));
    m_unitCombo->setEnabled(m_countSpin->value() > 0);
}

} // namespace Keyward
