#include "TrayIcon.h"

#include "DesktopNotifier.h"
#include "ExpiryWatcher.h"
#include "Icons.h"
#include "MainWindow.h"
#include "Notifier.h"
#include "PasswordVault.h"
#include "Settings.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSystemTrayIcon>

namespace Keyward {

TrayIcon::TrayIcon(Settings &settings, const Clock &clock, MainWindow &window, Notifier *notifier,
                   QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_window(window)
    , m_icon(new QSystemTrayIcon(Icons::app(), this))
{
    m_icon->setObjectName(QStringLiteral("trayIcon"));
    m_icon->setToolTip(tr("Keyward: watching for API keys about to expire"));
    if (!notifier) {
        m_ownNotifier = std::make_unique<DesktopNotifier>(m_icon);
        notifier = m_ownNotifier.get();
    }
    m_notifier = notifier;
    // The notice without a key (the hint below): clicking it brings the window back.
    connect(m_notifier, &Notifier::activated, this, [this](const QString &noticeId) {
        if (noticeId.isEmpty())
            m_window.bringBack();
    });
    m_watcher =
        std::make_unique<ExpiryWatcher>(settings, clock, *notifier, new PasswordVault(this));
    connect(m_watcher.get(), &ExpiryWatcher::openKeyRequested, &m_window, &MainWindow::showKey);
    connect(m_watcher.get(), &ExpiryWatcher::openServerKeyRequested, &m_window,
            &MainWindow::showServerKey);

    // The menu belongs to no widget, so it is deleted with the icon's owner, this object.
    auto *menu = new QMenu;
    connect(this, &QObject::destroyed, menu, &QObject::deleteLater);
    m_open = menu->addAction(tr("&Open Keyward"));
    m_open->setObjectName(QStringLiteral("trayOpenAction"));
    connect(m_open, &QAction::triggered, &m_window, &MainWindow::bringBack);
    m_check = menu->addAction(tr("&Check Expiring Keys Now"));
    m_check->setObjectName(QStringLiteral("trayCheckAction"));
    connect(m_check, &QAction::triggered, m_watcher.get(), &ExpiryWatcher::checkNow);
    menu->addSeparator();
    m_quit = menu->addAction(tr("&Quit Keyward"));
    m_quit->setObjectName(QStringLiteral("trayQuitAction"));
    connect(m_quit, &QAction::triggered, &m_window, &MainWindow::quit);
    m_icon->setContextMenu(menu);
    connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason why) {
                if (why == QSystemTrayIcon::Trigger || why == QSystemTrayIcon::DoubleClick)
                    m_window.bringBack();
            });
    connect(&m_window, &MainWindow::settingsChanged, this, &TrayIcon::apply);
    connect(&m_window, &MainWindow::closedWithoutQuitting, this, &TrayIcon::onWindowClosed);
    apply();
}

TrayIcon::~TrayIcon()
{
    QApplication::setQuitOnLastWindowClosed(true);
}

void TrayIcon::onWindowClosed()
{
    // Once: a user who closed the window and finds Keyward still running should know why.
    if (!m_active || m_settings.trayHintShown())
        return;
    m_settings.setTrayHintShown();
    m_settings.sync();
    m_notifier->notify(Notice {QString(), tr("Keyward is still running in the tray"),
                               tr("It closed the vault and keeps warning of keys about to expire. "
                                  "Quit from the tray's menu to end it.")});
}

void TrayIcon::apply()
{
    m_active = m_settings.trayEnabled() && QSystemTrayIcon::isSystemTrayAvailable();
    m_icon->setVisible(m_active);
    if (m_active && !m_watcher->isRunning())
        m_watcher->start();
    else if (!m_active)
        m_watcher->stop();
    QApplication::setQuitOnLastWindowClosed(!m_active);
}

} // namespace Keyward
