#include "LoginDialog.h"

#include "DialogButtons.h"
#include "ErrorLabel.h"
#include "Icons.h"
#include "PasswordLineEdit.h"
#include "VaultSession.h"
#include "crypto/SecretString.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Keyward {

LoginDialog::LoginDialog(VaultSession &session, const QString &memberName, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("loginDialog"));
    const QString file = QFileInfo(session.path()).fileName();
    setWindowTitle(tr("Unlock %1").arg(file));

    auto *icon = new QLabel(this);
    icon->setPixmap(Icons::icon(QStringLiteral("lock")).pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop);
    auto *title = new QLabel(tr("Unlock %1").arg(file), this);
    title->setTextFormat(Qt::PlainText);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    title->setFont(titleFont);
    auto *where = new QLabel(session.path(), this);
    where->setTextFormat(Qt::PlainText);
    where->setWordWrap(true);
    QPalette hint = where->palette();
    hint.setColor(QPalette::WindowText, hint.color(QPalette::PlaceholderText));
    where->setPalette(hint);
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    m_reason->setWordWrap(true);
    m_reason->hide();
    auto *titleBox = new QVBoxLayout;
    titleBox->addWidget(title);
    titleBox->addWidget(where);
    titleBox->addWidget(m_reason);
    auto *header = new QHBoxLayout;
    header->addWidget(icon);
    header->addLayout(titleBox, 1);

    m_member = new QLineEdit(memberName, this);
    m_member->setObjectName(QStringLiteral("memberNameEdit"));
    m_passphrase = new PasswordLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Member:"), m_member);
    form->addRow(tr("&Passphrase:"), m_passphrase);

    m_error = new ErrorLabel(this);

    const DialogButtons buttons =
        DialogButtons::acceptCancel(this, tr("&Unlock"), QStringLiteral("unlockButton"));
    m_unlock = buttons.accept;

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons.box);

    // A dialog for a vault no longer open (another one opened, the file found damaged) goes,
    // and a check it was waiting for with it.
    connect(&m_session, &VaultSession::stateChanged, this, [this](VaultSession::State state) {
        if (state == VaultSession::State::Closed && (m_checking || isVisible()))
            reject();
    });
    connect(m_member, &QLineEdit::textChanged, this, &LoginDialog::updateState);
    connect(m_passphrase, &QLineEdit::textChanged, this, &LoginDialog::updateState);
    updateState();
    setMinimumWidth(440);
    (memberName.isEmpty() ? m_member : m_passphrase)->setFocus();
}

QString LoginDialog::memberName() const
{
    return m_member->text().trimmed();
}

QString LoginDialog::errorText() const
{
    return m_error->shownText();
}

void LoginDialog::setReason(const QString &reason)
{
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
}

void LoginDialog::updateState()
{
    m_unlock->setEnabled(!m_checking && !memberName().isEmpty() && !m_passphrase->text().isEmpty());
}

void LoginDialog::accept()
{
    if (!m_unlock->isEnabled() || m_checking)
        return;
    // The passphrase check (Argon2id) and a full check of a large vault take a while: they run
    // off the window's thread, and the dialog waits without blocking it. Cancel still works.
    setChecking(true);
    const SecretString passphrase = SecretString::fromQString(m_passphrase->text());
    m_session.signInInBackground(memberName(), passphrase, this,
                                 [this](const Result<Member> &signedIn) { onSignedIn(signedIn); });
}

void LoginDialog::reject()
{
    if (m_checking) {
        m_session.cancelSignIn();
        setChecking(false);
    }
    QDialog::reject();
}

void LoginDialog::setChecking(bool checking)
{
    m_checking = checking;
    m_member->setReadOnly(checking);
    m_passphrase->setReadOnly(checking);
    m_unlock->setText(checking ? tr("Checking…") : tr("&Unlock"));
    if (checking) {
        m_unlock->setEnabled(false);
        setCursor(Qt::BusyCursor);
    } else {
        unsetCursor();
        updateState();
    }
}

void LoginDialog::onSignedIn(const Result<Member> &signedIn)
{
    if (!m_checking)
        return; // abandoned meanwhile
    setChecking(false);
    if (!signedIn) {
        ++m_failures;
        m_error->showError(signedIn.code() == ErrorCode::AuthenticationFailed
                               ? tr("Wrong member name or passphrase. Check both and try again.")
                               : signedIn.errorMessage());
        m_passphrase->clear();
        m_passphrase->setFocus();
        updateState();
        return;
    }
    m_error->clearError();
    m_passphrase->clear();
    QDialog::accept();
}

} // namespace Keyward
