#include "DesktopNotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusReply>
#include <QGuiApplication>
#include <QSystemTrayIcon>

namespace Keyward {

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
const QString kDefaultAction = QStringLiteral("default");

} // namespace

DesktopNotifier::DesktopNotifier(QSystemTrayIcon *fallback, QObject *parent)
    : Notifier(parent)
    , m_fallback(fallback)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        // Asked once and without blocking: a service that starts on demand answers too.
        auto *watcher = new QDBusPendingCallWatcher(
            bus.asyncCall(QDBusMessage::createMethodCall(kService, kPath, kInterface,
                                                         QStringLiteral("GetCapabilities"))),
            this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this,
                [this, watcher](QDBusPendingCallWatcher *) {
                    watcher->deleteLater();
                    const QDBusPendingReply<QStringList> reply = *watcher;
                    onCapabilities(reply.isError() ? QStringList() : reply.value(),
                                   !reply.isError());
                });
    } else {
        m_service = Service::Absent;
    }
    if (m_fallback) {
        connect(m_fallback, &QSystemTrayIcon::messageClicked, this, [this] {
            if (!m_lastInTray.isEmpty())
                Q_EMIT activated(m_lastInTray);
        });
    }
}

void DesktopNotifier::onCapabilities(const QStringList &capabilities, bool present)
{
    m_service = present ? Service::Present : Service::Absent;
    m_bodyMarkup = capabilities.contains(QStringLiteral("body-markup"));
    if (present) {
        QDBusConnection bus = QDBusConnection::sessionBus();
        bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                    SLOT(onActionInvoked(uint, QString)));
        bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                    SLOT(onNotificationClosed(uint, uint)));
    }
    const QVector<Notice> waiting = std::exchange(m_waiting, {});
    for (const Notice &notice : waiting)
        send(notice);
    Q_EMIT ready();
}

void DesktopNotifier::notify(const Notice &notice)
{
    if (m_service == Service::Unknown)
        m_waiting.append(notice);
    else
        send(notice);
}

void DesktopNotifier::send(const Notice &notice)
{
    if (m_service == Service::Absent) {
        showInTray(notice);
        return;
    }
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    // A key's name is the admin's text, not markup: a service that reads markup gets it escaped.
    const QString body = m_bodyMarkup ? notice.body.toHtmlEscaped() : notice.body;
    const QVariantMap hints {
        {QStringLiteral("desktop-entry"), QGuiApplication::desktopFileName()},
        {QStringLiteral("category"), QStringLiteral("presence")},
    };
    call << QStringLiteral("Keyward") << uint(0) << QStringLiteral("org.keyward.Keyward")
         << notice.title << body << QStringList {kDefaultAction, tr("Open Key")} << hints
         << int(-1);
    ++m_notifiesOut;
    auto *watcher =
        new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, watcher, notice](QDBusPendingCallWatcher *) {
                watcher->deleteLater();
                const QDBusPendingReply<uint> reply = *watcher;
                const bool invoked = !reply.isError() && onShown(reply.value(), notice.id);
                if (--m_notifiesOut == 0) {
                    // Whatever is left belonged to other applications' notices.
                    m_earlyActions.clear();
                    m_earlyClosed.clear();
                }
                // Last: a slot may open a dialog with an event loop of its own.
                if (reply.isError())
                    showInTray(notice); // the service went away since: the tray says it
                else if (invoked)
                    Q_EMIT activated(notice.id);
            });
}

bool DesktopNotifier::onShown(uint notificationId, const QString &noticeId)
{
    const QString action = m_earlyActions.take(notificationId);
    if (!m_earlyClosed.remove(notificationId))
        m_shown.insert(notificationId, noticeId);
    return action == kDefaultAction;
}

void DesktopNotifier::onActionInvoked(uint notificationId, const QString &action)
{
    const auto found = m_shown.constFind(notificationId);
    if (found == m_shown.cend()) {
        if (m_notifiesOut > 0)
            m_earlyActions.insert(notificationId, action); // perhaps ours, its id not yet known
        return; // else another application's notice
    }
    if (action == kDefaultAction)
        Q_EMIT activated(*found);
}

void DesktopNotifier::onNotificationClosed(uint notificationId, uint reason)
{
    Q_UNUSED(reason)
    if (!m_shown.remove(notificationId) && m_notifiesOut > 0)
        m_earlyClosed.insert(notificationId);
}

void DesktopNotifier::showInTray(const Notice &notice)
{
    if (!m_fallback || !m_fallback->isVisible())
        return;
    m_lastInTray = notice.id;
    m_fallback->showMessage(notice.title, notice.body, QSystemTrayIcon::Warning);
}

} // namespace Keyward
