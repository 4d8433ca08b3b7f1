// DesktopNotifier against a notification service of this test's own: an object exported as
// org.freedesktop.Notifications on a second connection to a private D-Bus session (ctest runs
// the suite under dbus-run-session). The service decides in which order its reply to Notify and
// its signals about that notice leave, so the notifier meets both orders a real service (dunst,
// GNOME Shell, Plasma) and Qt's queued deliveries can produce.
#include "ui/DesktopNotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QSignalSpy>
#include <QTest>

using namespace Keyward;

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");

} // namespace

class FakeNotificationService : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    enum class Order { ReplyFirst, SignalsFirst };

    struct Received
    {
        QString appName;
        QString summary;
        QString body;
        QStringList actions;
    };

    explicit FakeNotificationService(const QDBusConnection &bus)
        : m_bus(bus)
    { }

    // What the service does with the next Notify besides answering it.
    QStringList capabilities {QStringLiteral("actions"), QStringLiteral("body"),
                              QStringLiteral("body-markup")};
    Order order = Order::ReplyFirst;
    QString invokeNext; // an action the "user" invokes at once; empty: none
    bool closeNext = false; // the notice closes at once (expired or dismissed)
    QVector<Received> received;
    uint lastId = 0;

    void invoke(uint id, const QString &action)
    {
        m_bus.send(QDBusMessage::createSignal(kPath, kInterface, QStringLiteral("ActionInvoked"))
                   << id << action);
    }

public Q_SLOTS:
    QStringList GetCapabilities() { return capabilities; }

    uint Notify(const QString &appName, uint replacesId, const QString &icon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int timeout, const QDBusMessage &message)
    {
        Q_UNUSED(replacesId)
        Q_UNUSED(icon)
        Q_UNUSED(hints)
        Q_UNUSED(timeout)
        received.append(Received {appName, summary, body, actions});
        const uint id = ++lastId;
        message.setDelayedReply(true);
        const QDBusMessage reply = message.createReply(QVariant::fromValue(id));
        if (order == Order::ReplyFirst)
            m_bus.send(reply);
        if (const QString action = std::exchange(invokeNext, QString()); !action.isEmpty())
            invoke(id, action);
        if (std::exchange(closeNext, false)) {
            m_bus.send(QDBusMessage::createSignal(kPath, kInterface,
                                                  QStringLiteral("NotificationClosed"))
                       << id << uint(2)); // 2: dismissed by the user
        }
        if (order == Order::SignalsFirst)
            m_bus.send(reply);
        return id;
    }

private:
    QDBusConnection m_bus;
};

Q_DECLARE_METATYPE(FakeNotificationService::Order)

class TestDesktopNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void withoutAServiceNothingIsSent();
    void noticeReachesTheServiceWithItsAction();
    void bodyIsEscapedOnlyForAServiceThatReadsMarkup();
    void invokingTheNoticeOpensIt_data();
    void invokingTheNoticeOpensIt();
    void othersActionsAreIgnored();
    void aNoticeClosedBeforeItsReplyStaysClosed();

private:
    std::unique_ptr<DesktopNotifier> readyNotifier();

    std::unique_ptr<QDBusConnection> m_serviceBus;
    std::unique_ptr<FakeNotificationService> m_service;
};

void TestDesktopNotifier::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "Run through ctest: it starts this suite under dbus-run-session.");
    QVERIFY(QDBusConnection::sessionBus().isConnected());
    // The private session (private-session.conf): nothing installed would stand in for the
    // suite's own service, nor is this a user's real session with one running.
    const QDBusReply<QStringList> activatable =
        QDBusConnection::sessionBus().interface()->activatableServiceNames();
    QVERIFY(activatable.isValid());
    QVERIFY2(!activatable.value().contains(kService), "Run through ctest's private D-Bus session.");
    QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(kService));
}

std::unique_ptr<DesktopNotifier> TestDesktopNotifier::readyNotifier()
{
    auto notifier = std::make_unique<DesktopNotifier>(nullptr);
    QSignalSpy ready(notifier.get(), &DesktopNotifier::ready);
    if (!ready.wait(10000))
        return nullptr;
    return notifier;
}

void TestDesktopNotifier::withoutAServiceNothingIsSent()
{
    QVERIFY(m_serviceBus->unregisterService(kService)); // the service left the bus
    QTRY_VERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(kService));
    const auto notifier = readyNotifier();
    QVERIFY(notifier);
    QVERIFY(notifier->isReady());
    QVERIFY(!notifier->hasNotificationService());
    notifier->notify(Notice {QStringLiteral("1"), QStringLiteral("Title"), QStringLiteral("Body")});
    QTest::qWait(200);
    QVERIFY(m_service->received.isEmpty()); // not asked, though still on the bus by its address
}

void TestDesktopNotifier::init()
{
    m_serviceBus = std::make_unique<QDBusConnection>(
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake-service")));
    QVERIFY(m_serviceBus->isConnected());
    m_service = std::make_unique<FakeNotificationService>(*m_serviceBus);
    QVERIFY(m_serviceBus->registerObject(kPath, m_service.get(), QDBusConnection::ExportAllSlots));
    QVERIFY(m_serviceBus->registerService(kService));
}

void TestDesktopNotifier::cleanup()
{
    if (m_serviceBus) {
        m_serviceBus->unregisterService(kService);
        m_serviceBus->unregisterObject(kPath);
    }
    m_service.reset();
    m_serviceBus.reset();
    QDBusConnection::disconnectFromBus(QStringLiteral("fake-service"));
}

void TestDesktopNotifier::noticeReachesTheServiceWithItsAction()
{
    const auto notifier = readyNotifier();
    QVERIFY(notifier);
    QVERIFY(notifier->hasNotificationService());
    notifier->notify(Notice {QStringLiteral("1"), QStringLiteral("\"Billing\" expires in 1 day"),
                             QStringLiteral("In vault.keyward")});
    QTRY_COMPARE(m_service->received.size(), 1);
    const FakeNotificationService::Received &notice = m_service->received.at(0);
    QCOMPARE(notice.appName, QStringLiteral("Keyward"));
    QCOMPARE(notice.summary, QStringLiteral("\"Billing\" expires in 1 day"));
    QCOMPARE(notice.body, QStringLiteral("In vault.keyward"));
    QCOMPARE(notice.actions, QStringList({QStringLiteral("default"), QStringLiteral("Open Key")}));
}

// A key's name is the admin's text: a service that renders markup must not render it.
void TestDesktopNotifier::bodyIsEscapedOnlyForAServiceThatReadsMarkup()
{
    const QString body = QStringLiteral("<b>Ops</b> & <a href=\"https://evil.example\">co</a>");
    {
        const auto notifier = readyNotifier();
        QVERIFY(notifier);
        notifier->notify(Notice {QStringLiteral("1"), QStringLiteral("Title"), body});
        QTRY_COMPARE(m_service->received.size(), 1);
        QCOMPARE(m_service->received.at(0).body, body.toHtmlEscaped());
        QVERIFY(!m_service->received.at(0).body.contains(QLatin1Char('<')));
    }
    m_service->capabilities = {QStringLiteral("actions"), QStringLiteral("body")};
    const auto notifier = readyNotifier();
    QVERIFY(notifier);
    notifier->notify(Notice {QStringLiteral("2"), QStringLiteral("Title"), body});
    QTRY_COMPARE(m_service->received.size(), 2);
    QCOMPARE(m_service->received.at(1).body, body);
}

void TestDesktopNotifier::invokingTheNoticeOpensIt_data()
{
    QTest::addColumn<FakeNotificationService::Order>("order");
    QTest::newRow("reply first") << FakeNotificationService::Order::ReplyFirst;
    // What made the tray's desktop test flaky: the id was not known yet when the action came.
    QTest::newRow("action first") << FakeNotificationService::Order::SignalsFirst;
}

void TestDesktopNotifier::invokingTheNoticeOpensIt()
{
    QFETCH(FakeNotificationService::Order, order);
    const auto notifier = readyNotifier();
    QVERIFY(notifier);
    QSignalSpy activated(notifier.get(), &Notifier::activated);
    m_service->order = order;
    m_service->invokeNext = QStringLiteral("default");
    notifier->notify(
        Notice {QStringLiteral("42"), QStringLiteral("Title"), QStringLiteral("Body")});
    QTRY_COMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("42"));

    // Invoked again later (the service keeps the notice): opens it again.
    m_service->invoke(m_service->lastId, QStringLiteral("default"));
    QTRY_COMPARE(activated.size(), 2);
    QCOMPARE(activated.at(1).at(0).toString(), QStringLiteral("42"));
}

void TestDesktopNotifier::othersActionsAreIgnored()
{
    const auto notifier = readyNotifier();
    QVERIFY(notifier);
    QSignalSpy activated(notifier.get(), &Notifier::activated);
    // Another application's notice, while none of ours is out (given the moment to arrive), and
    // one while ours is.
    m_service->invoke(1000, QStringLiteral("default"));
    QTest::qWait(100);
    m_service->order = FakeNotificationService::Order::SignalsFirst;
    m_service->invokeNext = QStringLiteral("snooze"); // not the default action
    notifier->notify(Notice {QStringLiteral("1"), QStringLiteral("Title"), QStringLiteral("Body")});
    QTRY_COMPARE(m_service->received.size(), 1);
    m_service->invoke(1001, QStringLiteral("default"));
    // A later notice that is invoked: the only one that opens.
    m_service->invokeNext = QStringLiteral("default");
    notifier->notify(Notice {QStringLiteral("2"), QStringLiteral("Title"), QStringLiteral("Body")});
    QTRY_COMPARE(activated.size(), 1);
    QTest::qWait(200);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("2"));
}

void TestDesktopNotifier::aNoticeClosedBeforeItsReplyStaysClosed()
{
    const auto notifier = readyNotifier();
    QVERIFY(notifier);
    QSignalSpy activated(notifier.get(), &Notifier::activated);
    m_service->order = FakeNotificationService::Order::SignalsFirst;
    m_service->closeNext = true;
    notifier->notify(Notice {QStringLiteral("1"), QStringLiteral("Title"), QStringLiteral("Body")});
    QTRY_COMPARE(m_service->received.size(), 1);
    const uint closed = m_service->lastId;
    // A second notice, invoked: once it opens, the first one's reply has been handled too.
    m_service->invokeNext = QStringLiteral("default");
    notifier->notify(Notice {QStringLiteral("2"), QStringLiteral("Title"), QStringLiteral("Body")});
    QTRY_COMPARE(activated.size(), 1);
    // A closed notice's id may be given to another application's notice: not ours any more.
    m_service->invoke(closed, QStringLiteral("default"));
    m_service->invoke(m_service->lastId, QStringLiteral("default"));
    QTRY_COMPARE(activated.size(), 2);
    QTest::qWait(200);
    QCOMPARE(activated.size(), 2);
    QCOMPARE(activated.at(1).at(0).toString(), QStringLiteral("2"));
}

QTEST_GUILESS_MAIN(TestDesktopNotifier)
#include "test_desktop_notifier.moc"
