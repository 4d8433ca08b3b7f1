#pragma once

#include "core/RateLimit.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace Keyward {

// "[x] Limit to N per second/minute/hour", or Unlimited when unticked: the rate-limit editor of
// the Generate and Edit dialogs. Unlimited is an explicit choice, not a count of 0 that silently
// means "no limit"; a limit is at least 1 request.
class RateLimitField : public QWidget
{
    Q_OBJECT
public:
    explicit RateLimitField(QWidget *parent = nullptr);

    RateLimit rateLimit() const;
    void setRateLimit(const RateLimit &limit);

    // For the form's buddy and the dialog's tab order.
    QCheckBox *limitCheck() const { return m_limitCheck; }
    QSpinBox *countSpin() const { return m_countSpin; }
    QComboBox *unitCombo() const { return m_unitCombo; }

Q_SIGNALS:
    void changed();

private:
    void updateEnabled();

    QCheckBox *m_limitCheck;
    QSpinBox *m_countSpin;
    QComboBox *m_unitCombo;
};

} // namespace Keyward
