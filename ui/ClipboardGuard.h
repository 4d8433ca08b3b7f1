#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

class QClipboard;

namespace Keyward {

class Clock;

// Puts a secret on the clipboard, marked for password-manager-aware tools
// (x-kde-passwordManagerHint: secret), and clears it after the timeout — only if the clipboard
// still holds it. clearNow() runs on quit too.
class ClipboardGuard : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultTimeoutSeconds = 30;

    ClipboardGuard(QClipboard *clipboard, const Clock &clock, QObject *parent = nullptr);
    ~ClipboardGuard() override;

    void setTimeoutSeconds(int seconds);
    int timeoutSeconds() const { return m_timeoutSeconds; }
    void copySecret(const QString &secret);
    // Clears the clipboard now if it still holds our secret; forgets the secret either way.
    void clearNow();
    bool isArmed() const;
    int secondsLeft() const;
    // Checks the clock; the 1-second timer calls it, tests may call it after moving the clock.
    void tick();

Q_SIGNALS:
    void countdownChanged(int secondsLeft);
    void cleared(bool clipboardStillHeldSecret);

private:
    QPointer<QClipboard> m_clipboard;
    const Clock &m_clock;
    QTimer m_timer;
    int m_timeoutSeconds = kDefaultTimeoutSeconds;
    qint64 m_deadlineMs = 0;
    QByteArray m_fingerprint; // SHA-256 of what we copied, to recognise it without keeping it
};

} // namespace Keyward
