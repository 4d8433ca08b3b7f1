#include "ClipboardGuard.h"

#include "core/Clock.h"
#include "crypto/Sha256.h"

#include <QClipboard>
#include <QMimeData>
#include <QSignalBlocker>

namespace Keyward {

namespace {

// KDE's Klipper and other password-manager-aware clipboard tools skip entries with this hint.
const QString kPasswordManagerHint = QStringLiteral("x-kde-passwordManagerHint");
constexpr int kMaxTimeoutSeconds = 3600;

QByteArray fingerprintOf(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    const QByteArray hash = Sha256::hash(utf8);
    utf8.fill('\0'); // a temporary copy of the secret: do not leave it in freed memory
    return hash;
}

} // namespace

ClipboardGuard::ClipboardGuard(QClipboard *clipboard, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clipboard(clipboard)
    , m_clock(clock)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &ClipboardGuard::tick);
    if (m_clipboard) {
        // Someone copied something else: nothing of ours is left to clear, and a countdown
        // would claim otherwise.
        connect(m_clipboard, &QClipboard::dataChanged, this, [this]() {
            if (!isArmed() || !m_clipboard)
                return;
            if (constantTimeEquals(fingerprintOf(m_clipboard->text(QClipboard::Clipboard)),
                                   m_fingerprint))
                return;
            m_fingerprint.clear();
            m_deadlineMs = 0;
            m_timer.stop();
            Q_EMIT cleared(false);
        });
    }
}

ClipboardGuard::~ClipboardGuard()
{
    // Receivers may be half torn down during shutdown; clear quietly.
    const QSignalBlocker blocker(this);
    clearNow();
}

void ClipboardGuard::setTimeoutSeconds(int seconds)
{
    // Zero or less would mean "never clear", which the threat model does not allow.
    m_timeoutSeconds = seconds > 0 ? qMin(seconds, kMaxTimeoutSeconds) : kDefaultTimeoutSeconds;
}

void ClipboardGuard::copySecret(const QString &secret)
{
    if (!m_clipboard || secret.isEmpty())
        return;
    // Set before the clipboard changes: dataChanged fires synchronously and must recognise us.
    m_fingerprint = fingerprintOf(secret);
    m_deadlineMs = m_clock.nowMs() + qint64(m_timeoutSeconds) * kSecondMs;
    auto *mime = new QMimeData;
    mime->setText(secret);
    mime->setData(kPasswordManagerHint, QByteArrayLiteral("secret"));
    m_clipboard->setMimeData(mime, QClipboard::Clipboard);
    if (!isArmed())
        return; // the platform refused the data; dataChanged already reported it
    m_timer.start();
    Q_EMIT countdownChanged(secondsLeft());
}

void ClipboardGuard::clearNow()
{
    if (!isArmed())
        return;
    const bool stillOurs = m_clipboard
        && constantTimeEquals(fingerprintOf(m_clipboard->text(QClipboard::Clipboard)),
                              m_fingerprint);
    // Disarm before clearing, so our own dataChanged handler does not report it a second time.
    m_fingerprint.clear();
    m_deadlineMs = 0;
    m_timer.stop();
    if (stillOurs)
        m_clipboard->clear(QClipboard::Clipboard);
    Q_EMIT cleared(stillOurs);
}

bool ClipboardGuard::isArmed() const
{
    return !m_fingerprint.isEmpty();
}

int ClipboardGuard::secondsLeft() const
{
    if (!isArmed())
        return 0;
    const qint64 leftMs = m_deadlineMs - m_clock.nowMs();
    if (leftMs <= 0)
        return 0;
    return int((leftMs + kSecondMs - 1) / kSecondMs); // round up: "1 s" until it is really gone
}

void ClipboardGuard::tick()
{
    if (!isArmed())
        return;
    if (m_clock.nowMs() >= m_deadlineMs) {
        clearNow();
        return;
    }
    Q_EMIT countdownChanged(secondsLeft());
}

} // namespace Keyward
