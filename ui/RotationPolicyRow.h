#pragma once

#include "core/HygieneReport.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace Keyward {

class KeyStore;

// The hygiene page's rotation policy: the age after which secrets are due for regeneration,
// shown to everyone and changed by Owners only.
class RotationPolicyRow : public QWidget
{
    Q_OBJECT
public:
    explicit RotationPolicyRow(QWidget *parent = nullptr);

    // null store: locked; the row shows no policy.
    void setStore(KeyStore *store) { m_store = store; }
    // Only Owners may change the policy; the others see why not.
    void setEditable(bool owner);
    // The policy as stored, and the state Apply compares against.
    void showPolicy(const RotationPolicy &policy);

    QCheckBox *policyBox() const { return m_policyOn; }
    QSpinBox *daysBox() const { return m_policyDays; }
    QPushButton *applyButton() const { return m_apply; }

public Q_SLOTS:
    void apply();

Q_SIGNALS:
    void message(const QString &text);
    // The vault's policy changed: the keys' findings differ now.
    void policyChanged();

private:
    void updateButtons();

    KeyStore *m_store = nullptr;
    bool m_editable = false;
    QLabel *m_label = nullptr;
    QCheckBox *m_policyOn = nullptr;
    QSpinBox *m_policyDays = nullptr;
    QPushButton *m_apply = nullptr;
};

} // namespace Keyward
