#pragma once

#include "Notifier.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QVector>

class QSystemTrayIcon;

namespace Keyward {

// Notices through the freedesktop.org notification service on the session bus
// (org.freedesktop.Notifications), with an "Open" action that comes back as activated(). Where
// there is no such service, the tray icon's own balloon shows them instead.
class DesktopNotifier : public Notifier
{
    Q_OBJECT
public:
    explicit DesktopNotifier(QSystemTrayIcon *fallback, QObject *parent = nullptr);

    void notify(const Notice &notice) override;
    // Whether the session bus has a notification service (else the tray's balloon is used).
    // Known once the service answered GetCapabilities (asked without blocking); notices given
    // before then wait for the answer.
    bool hasNotificationService() const { return m_service == Service::Present; }
    bool isReady() const { return m_service != Service::Unknown; }

Q_SIGNALS:
    void ready();

private Q_SLOTS:
    // D-Bus signals (connected by name: QDBusConnection::connect takes SLOT()).
    void onActionInvoked(uint notificationId, const QString &action);
    void onNotificationClosed(uint notificationId, uint reason);

private:
    void onCapabilities(const QStringList &capabilities, bool present);
    void send(const Notice &notice);
    // Records a notice's id; true when the user already invoked it (its early action).
    bool onShown(uint notificationId, const QString &noticeId);
    void showInTray(const Notice &notice);

    enum class Service { Unknown, Present, Absent };
    QPointer<QSystemTrayIcon> m_fallback;
    Service m_service = Service::Unknown;
    QVector<Notice> m_waiting;
    bool m_bodyMarkup = false; // the service reads the body as markup: escape it
    QHash<uint, QString> m_shown; // notification id → Notice::id
    // A notice's signals can come before the reply to its Notify call: a service may send them
    // first, and a reply that is in before its QDBusPendingCallWatcher exists takes one more
    // queued hop to it. What arrives for an unknown id while a call is out waits here for that
    // reply.
    int m_notifiesOut = 0;
    QHash<uint, QString> m_earlyActions; // notification id → action key
    QSet<uint> m_earlyClosed;
    QString m_lastInTray;
};

} // namespace Keyward
