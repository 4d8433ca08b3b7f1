#include "RotationPolicyRow.h"

#include "Formatting.h"
#include "MessageBox.h"
#include "store/KeyStore.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Keyward {

namespace {

constexpr int kDefaultPolicyDays = 90;

} // namespace

RotationPolicyRow::RotationPolicyRow(QWidget *parent)
    : QWidget(parent)
{
    m_label = new QLabel(tr("Rotation policy:"), this);
    m_policyOn = new QCheckBox(tr("Regenerate &secrets older than"), this);
    m_policyOn->setObjectName(QStringLiteral("rotationPolicyCheck"));
    m_policyDays = new QSpinBox(this);
    m_policyDays->setObjectName(QStringLiteral("rotationPolicyDays"));
    m_policyDays->setRange(1, RotationPolicy::kMaxDays);
    m_policyDays->setValue(kDefaultPolicyDays);
    m_policyDays->setSuffix(tr(" days"));
    m_policyDays->setAccessibleName(tr("Maximum secret age in days"));
    m_apply = new QPushButton(tr("A&pply Policy"), this);
    m_apply->setObjectName(QStringLiteral("applyPolicyButton"));
    connect(m_policyOn, &QCheckBox::toggled, this, &RotationPolicyRow::updateButtons);
    connect(m_policyDays, &QSpinBox::valueChanged, this, &RotationPolicyRow::updateButtons);
    connect(m_apply, &QPushButton::clicked, this, &RotationPolicyRow::apply);
    // The label on a line of its own: beside the controls, the German row alone needed more
    // than an 800-pixel screen has next to the navigation.
    auto *row = new QHBoxLayout;
    row->addWidget(m_policyOn);
    row->addWidget(m_policyDays);
    row->addWidget(m_apply);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addLayout(row);
    updateButtons();
}

void RotationPolicyRow::setEditable(bool owner)
{
    m_editable = owner;
    updateButtons();
}

void RotationPolicyRow::showPolicy(const RotationPolicy &policy)
{
    const QSignalBlocker blockCheck(m_policyOn);
    const QSignalBlocker blockDays(m_policyDays);
    m_policyOn->setChecked(policy.maxSecretAgeDays.has_value());
    m_policyDays->setValue(policy.maxSecretAgeDays.value_or(kDefaultPolicyDays));
    m_policyOn->setProperty("policyDays", policy.maxSecretAgeDays ? *policy.maxSecretAgeDays : 0);
    const QString set = policy.setBy.isEmpty()
        ? tr("No rotation policy has been set.")
        : tr("Set by %1 on %2.").arg(policy.setBy, Formatting::absoluteTime(policy.setAtMs));
    m_label->setToolTip(set);
    updateButtons();
}

void RotationPolicyRow::updateButtons()
{
    const bool owner = m_store && m_editable;
    m_policyOn->setEnabled(owner);
    m_policyDays->setEnabled(owner && m_policyOn->isChecked());
    const int stored = m_policyOn->property("policyDays").toInt();
    const int wanted = m_policyOn->isChecked() ? m_policyDays->value() : 0;
    m_apply->setEnabled(owner && stored != wanted);
    const QString ownersOnly =
        owner ? QString() : tr("Only Owners can change the rotation policy.");
    for (QWidget *widget : {static_cast<QWidget *>(m_policyOn),
                            static_cast<QWidget *>(m_policyDays), static_cast<QWidget *>(m_apply)})
        widget->setToolTip(ownersOnly);
}

void RotationPolicyRow::apply()
{
    if (!m_store)
        return;
    const std::optional<int> days =
        m_policyOn->isChecked() ? std::optional<int>(m_policyDays->value()) : std::nullopt;
    if (auto set = m_store->setRotationPolicy(days); !set) {
        MessageBox::warning(this, tr("Rotation Policy"), set.errorMessage());
        Q_EMIT message(set.errorMessage());
        return;
    }
    Q_EMIT message(days ? tr("Rotation policy set: secrets are due for regeneration after %n "
                             "day(s).",
                             nullptr, *days)
                        : tr("Rotation policy removed."));
    Q_EMIT policyChanged();
}

} // namespace Keyward
