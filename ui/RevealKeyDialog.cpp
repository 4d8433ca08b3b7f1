#include "RevealKeyDialog.h"

#include "ClipboardGuard.h"
#include "Formatting.h"
#include "MessageBox.h"
#include "core/Clock.h"
#include "core/DisplayNames.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Keyward {

namespace {

QLabel *iconLabel(QWidget *parent, const QString &themeName, QStyle::StandardPixmap fallback,
                  int size)
{
    auto *label = new QLabel(parent);
    const QIcon icon = QIcon::fromTheme(themeName, parent->style()->standardIcon(fallback));
    label->setPixmap(icon.pixmap(size, size));
    label->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    return label;
}

bool isSelectionKey(const QKeyEvent *event)
{
    if (event->matches(QKeySequence::SelectAll))
        return true;
    if (!(event->modifiers() & Qt::ShiftModifier))
        return false;
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Home:
    case Qt::Key_End:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        return true;
    default:
        return false;
    }
}

} // namespace

RevealKeyDialog::RevealKeyDialog(SecretString token, const ApiKey &key, Occasion occasion,
                                 ClipboardGuard &clipboard, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_token(std::move(token))
    , m_clipboard(clipboard)
{
    setObjectName(QStringLiteral("revealKeyDialog"));
    setWindowTitle(occasion == Occasion::Generated ? tr("New API Key") : tr("Regenerated API Key"));
    buildLayout(key, occasion, clock);

    connect(&m_clipboard, &ClipboardGuard::countdownChanged, this, &RevealKeyDialog::showCountdown);
    connect(&m_clipboard, &ClipboardGuard::cleared, this, &RevealKeyDialog::showCleared);
}

RevealKeyDialog::~RevealKeyDialog()
{
    wipe();
}

void RevealKeyDialog::buildLayout(const ApiKey &key, Occasion occasion, const Clock &clock)
{
    auto *heading = new QLabel(this);
    heading->setObjectName(QStringLiteral("headingLabel"));
    heading->setTextFormat(Qt::PlainText);
    heading->setWordWrap(true);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    heading->setFont(headingFont);
    const QString shownName = heading->fontMetrics().elidedText(key.name, Qt::ElideMiddle, 360);
    heading->setText(occasion == Occasion::Generated
                         ? tr("Copy the new key for “%1” now").arg(shownName)
                         : tr("Copy the new secret for “%1” now").arg(shownName));

    auto *details = new QLabel(this);
    details->setObjectName(QStringLiteral("detailsLabel"));
    details->setTextFormat(Qt::PlainText);
    details->setWordWrap(true);
    details->setText(
        tr("%1 · %2 role · expires %3")
            .arg(DisplayNames::environment(key.environment), DisplayNames::role(key.role),
                 key.expiresAtMs ? Formatting::relativeTime(*key.expiresAtMs, clock.nowMs())
                                 : tr("never")));
    details->setForegroundRole(QPalette::PlaceholderText);

    m_tokenEdit = new QLineEdit(this);
    m_tokenEdit->setObjectName(QStringLiteral("tokenEdit"));
    m_tokenEdit->setAccessibleName(tr("API key"));
    m_tokenEdit->setAccessibleDescription(
        tr("Read-only. Use Copy to put it on the clipboard; it is cleared again automatically."));
    m_tokenEdit->setReadOnly(true);
    m_tokenEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    {
        QString shown = m_token.toQString();
        m_tokenEdit->setText(shown);
        m_tokenEdit->setMinimumWidth(m_tokenEdit->fontMetrics().horizontalAdvance(shown) + 24);
        shown.fill(QChar(u'\0'));
    }
    m_tokenEdit->setCursorPosition(0);
    // The token may leave only through the guard: no mouse selection (X11 would put it in the
    // primary selection, which nobody clears), no stock context menu, Ctrl+C goes to the guard.
    m_tokenEdit->installEventFilter(this);
    m_tokenEdit->setContextMenuPolicy(Qt::DefaultContextMenu);

    m_copyButton =
        new QPushButton(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy"), this);
    m_copyButton->setObjectName(QStringLiteral("copyButton"));
    m_copyButton->setAccessibleName(tr("Copy key to clipboard"));
    m_copyButton->setToolTip(tr("Copies the key; the clipboard is cleared after %n second(s)",
                                nullptr, m_clipboard.timeoutSeconds()));
    connect(m_copyButton, &QPushButton::clicked, this, &RevealKeyDialog::copyToClipboard);

    m_countdownLabel = new QLabel(this);
    m_countdownLabel->setObjectName(QStringLiteral("countdownLabel"));
    m_countdownLabel->setTextFormat(Qt::PlainText);
    m_countdownLabel->setForegroundRole(QPalette::PlaceholderText);
    m_countdownLabel->setText(tr("Not copied yet."));

    auto *warningText = new QLabel(this);
    warningText->setObjectName(QStringLiteral("onceWarningLabel"));
    warningText->setTextFormat(Qt::PlainText);
    warningText->setWordWrap(true);
    warningText->setText(tr("This key will not be shown again. Keyward keeps only a fingerprint of "
                            "it, so store it now, for example in your password manager or your "
                            "CI's secret store. If it is lost, regenerate the key."));

    auto *previousText = new QLabel(this);
    previousText->setObjectName(QStringLiteral("previousSecretLabel"));
    previousText->setTextFormat(Qt::PlainText);
    previousText->setWordWrap(true);
    previousText->setVisible(false);
    if (occasion == Occasion::Regenerated && key.secrets.size() > 1) {
        const KeySecret &previous = key.secrets.at(1);
        const qint64 now = clock.nowMs();
        if (previous.isInGracePeriodAt(now)) {
            previousText->setText(tr("The previous secret keeps working until %1 (%2). Update "
                                     "your integrations before then.")
                                      .arg(Formatting::absoluteTime(*previous.retiresAtMs),
                                           Formatting::relativeTime(*previous.retiresAtMs, now)));
        } else {
            previousText->setText(tr("The previous secret has stopped working. Integrations that "
                                     "still use it get 401 Unauthorized."));
        }
        previousText->setVisible(true);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("buttonBox"));
    QPushButton *closeButton = buttons->button(QDialogButtonBox::Close);
    closeButton->setObjectName(QStringLiteral("closeButton"));
    closeButton->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter copies, unless the keyboard has moved to Close: a focused button does what it says
    // (both are auto-default, so the dialog hands Enter to whichever has the focus).
    m_copyButton->setAutoDefault(true);
    closeButton->setAutoDefault(true);
    m_copyButton->setDefault(true);

    auto *textColumn = new QVBoxLayout;
    textColumn->addWidget(heading);
    textColumn->addWidget(details);
    auto *top = new QHBoxLayout;
    top->addWidget(
        iconLabel(this, QStringLiteral("dialog-password"), QStyle::SP_MessageBoxInformation, 48));
    top->addLayout(textColumn, 1);

    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_tokenEdit, 1);
    tokenRow->addWidget(m_copyButton);

    auto *warningRow = new QHBoxLayout;
    warningRow->addWidget(
        iconLabel(this, QStringLiteral("dialog-warning"), QStyle::SP_MessageBoxWarning, 22));
    warningRow->addWidget(warningText, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(6);
    layout->addLayout(tokenRow);
    layout->addWidget(m_countdownLabel);
    layout->addSpacing(6);
    layout->addLayout(warningRow);
    layout->addWidget(previousText);
    layout->addStretch(1);
    layout->addWidget(buttons);

    setTabOrder(m_tokenEdit, m_copyButton);
    setTabOrder(m_copyButton, closeButton);
    m_copyButton->setFocus();
}

bool RevealKeyDialog::isTokenWiped() const
{
    return m_token.isEmpty() && m_tokenEdit->text().isEmpty();
}

void RevealKeyDialog::copyToClipboard()
{
    if (m_token.isEmpty())
        return;
    // Before copying: the guard announces its countdown from inside copySecret().
    m_copied = true;
    QString text = m_token.toQString();
    m_clipboard.copySecret(text);
    text.fill(QChar(u'\0'));
    m_copyButton->setText(tr("&Copy Again"));
}

void RevealKeyDialog::showCountdown(int secondsLeft)
{
    // The guard is shared: a countdown for a key copied from another dialog is not ours.
    if (!m_copied)
        return;
    m_countdownLabel->setText(tr("Clipboard clears in %n s", nullptr, secondsLeft));
}

void RevealKeyDialog::showCleared(bool clipboardStillHeldSecret)
{
    if (!m_copied)
        return;
    m_countdownLabel->setText(clipboardStillHeldSecret
                                  ? tr("Clipboard cleared. Copy again if you still need the key.")
                                  : tr("The clipboard now holds something else; nothing to "
                                       "clear."));
}

void RevealKeyDialog::done(int result)
{
    if (!m_copied && !m_token.isEmpty()) {
        if (m_closeQuestion.raise())
            return;
        // The dialog stays open until the answer; "Go Back" leaves it as it is.
        m_closeQuestion.track(MessageBox::confirm(
            this, tr("Close Without Copying?"),
            tr("You have not copied the key. Have you stored the key? It will not be shown "
               "again."),
            tr("Close &Without Copying"), tr("&Go Back"), this, [this, result](bool close) {
                if (!close)
                    return;
                wipe();
                QDialog::done(result);
            }));
        return;
    }
    wipe();
    QDialog::done(result);
}

void RevealKeyDialog::wipe()
{
    m_token.clear();
    if (m_tokenEdit) {
        // setText() also drops the undo history, which would otherwise keep the token.
        m_tokenEdit->setText(QString());
        m_tokenEdit->setPlaceholderText(tr("The key is no longer shown."));
    }
    if (m_copyButton)
        m_copyButton->setEnabled(false);
}

bool RevealKeyDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_tokenEdit)
        return QDialog::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::ShortcutOverride:
    case QEvent::KeyPress: {
        auto *keyEvent = static_cast<QKeyEvent *>(event);
        if (keyEvent->matches(QKeySequence::Copy) || keyEvent->matches(QKeySequence::Cut)) {
            if (event->type() == QEvent::KeyPress)
                copyToClipboard();
            event->accept();
            return true;
        }
        if (isSelectionKey(keyEvent)) {
            event->accept();
            return true;
        }
        break;
    }
    case QEvent::MouseButtonPress:
        m_tokenEdit->setFocus(Qt::MouseFocusReason);
        return true;
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
        return true;
    case QEvent::ContextMenu: {
        auto *menuEvent = static_cast<QContextMenuEvent *>(event);
        QMenu menu(this);
        QAction *copy =
            menu.addAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("Copy Key"));
        copy->setEnabled(!m_token.isEmpty());
        connect(copy, &QAction::triggered, this, &RevealKeyDialog::copyToClipboard);
        menu.exec(menuEvent->globalPos());
        return true;
    }
    default:
        break;
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Keyward
