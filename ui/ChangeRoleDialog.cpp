#include "ChangeRoleDialog.h"

#include "DialogButtons.h"
#include "ErrorLabel.h"
#include "RolePicker.h"
#include "core/DisplayNames.h"
#include "store/KeyStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Keyward {

ChangeRoleDialog::ChangeRoleDialog(KeyStore &store, const Member &member, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_member(member)
{
    setObjectName(QStringLiteral("changeRoleDialog"));
    setWindowTitle(tr("Change Role of %1").arg(member.name));

    m_role = new RolePicker(this);
    m_role->setRole(member.role);
    auto *form = new QFormLayout;
    auto *name = new QLabel(member.name, this);
    name->setTextFormat(Qt::PlainText);
    form->addRow(tr("Member:"), name);
    form->addRow(tr("Current role:"), new QLabel(DisplayNames::role(member.role), this));
    form->addRow(tr("&New role:"), m_role);

    m_consequence = new QLabel(this);
    m_consequence->setObjectName(QStringLiteral("consequenceLabel"));
    m_consequence->setWordWrap(true);
    m_consequence->setTextFormat(Qt::PlainText);
    m_error = new ErrorLabel(this);

    const DialogButtons buttons =
        DialogButtons::acceptCancel(this, tr("&Change Role"), QStringLiteral("changeRoleButton"));
    m_change = buttons.accept;

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_consequence);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons.box);

    connect(m_role, &RolePicker::roleChanged, this, &ChangeRoleDialog::updateState);
    updateState();
    setMinimumWidth(440);
}

void ChangeRoleDialog::updateState()
{
    const Role role = m_role->role();
    m_change->setEnabled(role != m_member.role);
    if (!roleAtLeast(role, m_member.role))
        m_consequence->setText(tr("Keys that %1 created with a role above %2 will be deactivated "
                                  "and flagged, so the demotion leaves no extra power behind.")
                                   .arg(m_member.name, DisplayNames::role(role)));
    else
        m_consequence->setText(QString());
    m_consequence->setVisible(!m_consequence->text().isEmpty());
}

void ChangeRoleDialog::accept()
{
    auto changed = m_store.setMemberRole(m_member.id, m_member.version, m_role->role());
    if (!changed) {
        m_error->showError(changed.errorMessage());
        return;
    }
    QDialog::accept();
}

} // namespace Keyward
