#pragma once

#include "core/RateLimit.h"

#include <QWidget>

class QComboBox;
class QSpinBox;

namespace Keyward {

// "N per second/minute/hour" or Unlimited (0): the rate-limit editor of the Generate and Edit
// dialogs. The period is only enabled while there is a limit.
class RateLimitField : public QWidget
{
    Q_OBJECT
public:
    explicit RateLimitField(QWidget *parent = nullptr);

    RateLimit rateLimit() const;
    void setRateLimit(const RateLimit &limit);

    // For the form's buddy and the dialog's tab order.
    QSpinBox *countSpin() const { return m_countSpin; }
    QComboBox *unitCombo() const { return m_unitCombo; }

Q_SIGNALS:
    void changed();

private:
    QSpinBox *m_countSpin;
    QComboBox *m_unitCombo;
};

} // namespace Keyward
