#include "AddMemberDialog.h"

#include "BusyCursor.h"
#include "DialogButtons.h"
#include "ErrorLabel.h"
#include "PassphraseFields.h"
#include "RolePicker.h"
#include "core/Permissions.h"
#include "store/KeyStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Keyward {

AddMemberDialog::AddMemberDialog(KeyStore &store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("addMemberDialog"));
    setWindowTitle(tr("Add Member"));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("memberNameEdit"));
    m_name->setMaxLength(Permissions::kMaxMemberNameLength);
    m_role = new RolePicker(this);
    m_passphrase = new PassphraseFields(this);

    m_passphrase->formLayout()->insertRow(0, tr("&Name:"), m_name);
    m_passphrase->formLayout()->insertRow(1, tr("R&ole:"), m_role);

    auto *note = new QLabel(tr("Give the new member this first passphrase in person, not by "
                               "e-mail or chat."),
                            this);
    note->setWordWrap(true);

    m_error = new ErrorLabel(this);

    const DialogButtons buttons =
        DialogButtons::acceptCancel(this, tr("&Add Member"), QStringLiteral("addMemberButton"));
    m_add = buttons.accept;

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_passphrase);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons.box);

    connect(m_name, &QLineEdit::textChanged, this, &AddMemberDialog::updateState);
    connect(m_passphrase, &PassphraseFields::changed, this, &AddMemberDialog::updateState);
    updateState();
    setMinimumWidth(460);
}

QString AddMemberDialog::inputProblem() const
{
    if (auto name = Permissions::validateMemberName(m_name->text()); !name)
        return name.errorMessage();
    return m_passphrase->problem();
}

void AddMemberDialog::updateState()
{
    const QString problem = inputProblem();
    m_add->setEnabled(problem.isEmpty());
    m_add->setToolTip(problem);
}

void AddMemberDialog::accept()
{
    if (const QString problem = inputProblem(); !problem.isEmpty()) {
        m_error->showError(problem);
        return;
    }
    Result<Member> added = [&] {
        BusyCursor busy(this);
        return m_store.addMember(m_name->text(), m_role->role(), m_passphrase->passphrase());
    }();
    if (!added) {
        m_error->showError(added.errorMessage());
        return;
    }
    m_added = added->name;
    m_passphrase->clear();
    QDialog::accept();
}

} // namespace Keyward
