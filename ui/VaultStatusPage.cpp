#include "VaultStatusPage.h"

#include "Icons.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace Keyward {

VaultStatusPage::VaultStatusPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("vaultStatusPage"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);

    m_picture = new QLabel(this);
    m_picture->setAlignment(Qt::AlignCenter);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("statusTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    m_title->setFont(titleFont);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("statusMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Wide enough for a path and a sentence per line; word wrap alone would squeeze it.
    m_message->setFixedWidth(qMax(420, m_message->fontMetrics().averageCharWidth() * 70));

    m_unlock = new QPushButton(Icons::icon(QStringLiteral("lock")), tr("&Unlock…"), this);
    m_unlock->setObjectName(QStringLiteral("unlockVaultButton"));
    m_openAnother =
        new QPushButton(Icons::icon(QStringLiteral("open")), tr("&Open Another Vault…"), this);
    m_openAnother->setObjectName(QStringLiteral("openAnotherButton"));
    m_newVault = new QPushButton(Icons::icon(QStringLiteral("new-vault")), tr("&New Vault…"), this);
    m_newVault->setObjectName(QStringLiteral("newVaultButton"));
    // Outside a dialog a push button answers Enter only when it is an auto-default one.
    for (QPushButton *button : {m_unlock, m_openAnother, m_newVault})
        button->setAutoDefault(true);
    connect(m_unlock, &QPushButton::clicked, this, &VaultStatusPage::unlockRequested);
    connect(m_openAnother, &QPushButton::clicked, this, &VaultStatusPage::openAnotherRequested);
    connect(m_newVault, &QPushButton::clicked, this, &VaultStatusPage::newVaultRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_unlock);
    buttons->addWidget(m_openAnother);
    buttons->addWidget(m_newVault);
    buttons->addStretch(1);

    auto *messageRow = new QHBoxLayout;
    messageRow->addStretch(1);
    messageRow->addWidget(m_message);
    messageRow->addStretch(1);

    // Busy, not a percentage: SQLite's check and upgrade say nothing of how far they are.
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("openingProgress"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setFixedWidth(m_message->width() / 2);
    m_busy->hide();
    auto *busyRow = new QHBoxLayout;
    busyRow->addStretch(1);
    busyRow->addWidget(m_busy);
    busyRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_picture);
    layout->addWidget(m_title);
    layout->addLayout(messageRow);
    layout->addLayout(busyRow);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch(2);
    showNoVault();
}

void VaultStatusPage::showLocked(const QString &path)
{
    present(Mode::Locked, "locked-large", tr("%1 is locked").arg(QFileInfo(path).fileName()),
            tr("Every key is hidden until a member signs in again."));
}

void VaultStatusPage::showOpening(const QString &path)
{
    present(Mode::Opening, "locked-large", tr("Opening %1…").arg(QFileInfo(path).fileName()),
            tr("A large vault is checked, and brought up to this version of Keyward if it is "
               "older, before it opens. This can take some seconds; you will be asked for your "
               "passphrase then."));
}

void VaultStatusPage::showError(const QString &path, const QString &message)
{
    present(Mode::Error, "vault-error", tr("Cannot open %1").arg(QFileInfo(path).fileName()),
            message + QStringLiteral("\n\n")
                + tr("The file was not changed. Open another vault, or create a new one."));
}

void VaultStatusPage::showNoVault()
{
    present(Mode::NoVault, "locked-large", tr("No vault is open"),
            tr("Open an existing vault, or create a new one."));
}

void VaultStatusPage::present(Mode mode, const char *picture, const QString &title,
                              const QString &message)
{
    m_mode = mode;
    m_picture->setPixmap(QIcon(Icons::resourcePath(QString::fromLatin1(picture)))
                             .pixmap(QSize(96, 96), devicePixelRatioF()));
    m_title->setText(title);
    m_message->setText(message);
    // Nothing was open, so there is no other vault to speak of.
    m_openAnother->setText(mode == Mode::NoVault ? tr("&Open Vault…") : tr("&Open Another Vault…"));
    m_unlock->setVisible(mode == Mode::Locked);
    m_busy->setVisible(mode == Mode::Opening);
    focusPrimary();
}

QPushButton *VaultStatusPage::primaryButton() const
{
    return m_mode == Mode::Locked ? m_unlock : m_openAnother;
}

void VaultStatusPage::focusPrimary()
{
    QPushButton *button = primaryButton();
    // Qt draws the focus frame only after keyboard navigation; this page is where keyboard
    // users land, so it is shown from the start (else Space presses an invisible focus).
    window()->setAttribute(Qt::WA_KeyboardFocusChange);
    button->setFocus(Qt::OtherFocusReason);
}

void VaultStatusPage::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        primaryButton()->click();
        return;
    }
    QWidget::keyPressEvent(event);
}

QString VaultStatusPage::message() const
{
    return m_message->text();
}

} // namespace Keyward
