#include "ServerBackupDialog.h"

#include "DialogButtons.h"
#include "PassphraseFields.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Keyward {

ServerBackupDialog::ServerBackupDialog(const QString &memberName, const QString &targetPath,
                                       QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("serverBackupDialog"));
    setWindowTitle(tr("Back Up Server Vault"));

    auto *intro = new QLabel(
        tr("The vault on the server is copied into a new vault file, checked, and signed with "
           "your key. A server keeps no passphrases, so choose the one you will sign in to the "
           "file with. The other members are copied without one: they stay in the member list "
           "and the audit log, but cannot sign in to the file."),
        this);
    intro->setObjectName(QStringLiteral("serverBackupIntroLabel"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_passphrase = new PassphraseFields(this);
    auto *file = new QLabel(QDir::toNativeSeparators(targetPath), this);
    file->setObjectName(QStringLiteral("serverBackupFileLabel"));
    file->setTextFormat(Qt::PlainText);
    file->setWordWrap(true);
    file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *member = new QLabel(memberName, this);
    member->setTextFormat(Qt::PlainText);
    m_passphrase->formLayout()->insertRow(0, tr("Backup file:"), file);
    m_passphrase->formLayout()->insertRow(1, tr("Member:"), member);

    auto *note = new QLabel(tr("To put the backup on a server again: keywardctl migrate --from "
                               "FILE --to CONNINFO, into an empty database."),
                            this);
    note->setObjectName(QStringLiteral("serverBackupNoteLabel"));
    note->setWordWrap(true);
    note->setTextFormat(Qt::PlainText);

    const DialogButtons buttons =
        DialogButtons::acceptCancel(this, tr("Back &Up"), QStringLiteral("backUpButton"));
    m_backUp = buttons.accept;

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_passphrase);
    layout->addWidget(note);
    layout->addStretch(1);
    layout->addWidget(buttons.box);

    connect(m_passphrase, &PassphraseFields::changed, this, &ServerBackupDialog::updateState);
    updateState();
    m_passphrase->passphraseEdit()->setFocus();
    setMinimumWidth(460);
}

void ServerBackupDialog::updateState()
{
    const QString problem = m_passphrase->problem();
    m_backUp->setEnabled(problem.isEmpty());
    m_backUp->setToolTip(problem);
}

void ServerBackupDialog::accept()
{
    if (!m_passphrase->isAcceptable())
        return;
    m_accepted = m_passphrase->passphrase();
    QDialog::accept();
}

void ServerBackupDialog::done(int result)
{
    m_passphrase->clear();
    QDialog::done(result);
}

} // namespace Keyward
