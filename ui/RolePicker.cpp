#include "RolePicker.h"

#include "Formatting.h"
#include "core/DisplayNames.h"

#include <QComboBox>
#include <QLabel>
#include <QVBoxLayout>

namespace Keyward {

RolePicker::RolePicker(QWidget *parent)
    : QWidget(parent)
{
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("roleCombo"));
    for (Role role : kAllRoles) {
        m_combo->addItem(DisplayNames::role(role), roleToInt(role));
        m_combo->setItemData(m_combo->count() - 1, Formatting::roleDescription(role),
                             Qt::ToolTipRole);
    }
    m_description = new QLabel(this);
    m_description->setObjectName(QStringLiteral("roleDescriptionLabel"));
    m_description->setWordWrap(true);
    QPalette hint = m_description->palette();
    hint.setColor(QPalette::WindowText, hint.color(QPalette::PlaceholderText));
    m_description->setPalette(hint);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_combo);
    layout->addWidget(m_description);

    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        m_description->setText(Formatting::roleDescription(role()));
        Q_EMIT roleChanged(role());
    });
    setRole(Role::Developer);
    m_description->setText(Formatting::roleDescription(role()));
}

Role RolePicker::role() const
{
    return roleFromInt(m_combo->currentData().toInt()).value_or(Role::Viewer);
}

void RolePicker::setRole(Role role)
{
    m_combo->setCurrentIndex(m_combo->findData(roleToInt(role)));
}

} // namespace Keyward
