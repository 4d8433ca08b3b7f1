#pragma once

#include <QFrame>
#include <QTimer>

class QLabel;
class QPushButton;

namespace Keyward {

// The strip at the top of the window while the connection to the server is down: "Connection
// to keys@db lost — retrying in 4 s… [Retry now]", then "Reconnected", which hides itself after
// a few seconds. It counts the seconds down by itself; the session decides when to retry.
class ConnectionBanner : public QFrame
{
    Q_OBJECT
public:
    enum class State { Hidden, Lost, Reconnecting, Reconnected };
    Q_ENUM(State)

    explicit ConnectionBanner(QWidget *parent = nullptr);

    // where: "keys@db.example.com:5432"; detail: the store's message, shown as a tooltip and on
    // a second line (e.g. whether a write that failed was saved).
    void showLost(const QString &where, int retryInMs, const QString &detail = QString());
    void showReconnecting(const QString &where);
    void showReconnected(const QString &where);
    void dismiss();
    // How long "Reconnected" stays up. Default 4 s.
    void setReconnectedTimeoutMs(int ms) { m_hideTimer.setInterval(ms); }

    State state() const { return m_state; }
    QString text() const;
    QString detail() const;

Q_SIGNALS:
    void retryRequested();

private:
    void updateCountdown();
    void setTone(bool problem);

    State m_state = State::Hidden;
    QString m_where;
    qint64 m_retryAtMs = 0;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QLabel *m_detail = nullptr;
    QPushButton *m_retry = nullptr;
    QTimer m_countdown;
    QTimer m_hideTimer;
};

} // namespace Keyward
