#pragma once

#include <QObject>

#include <memory>

class QAction;
class QSystemTrayIcon;

namespace Keyward {

class Clock;
class ExpiryWatcher;
class MainWindow;
class Notifier;
class Settings;

// Keyward in the system tray (issue 16 §1): while it is there, closing the window leaves
// Keyward running (the vault is closed, nothing secret stays in memory) and an ExpiryWatcher
// keeps warning of keys about to stop working; a click on a notice opens that key. Follows the
// Preferences switch; absent where the desktop has no tray.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    // notifier: where notices go; nullptr: the desktop's notification service (DesktopNotifier).
    TrayIcon(Settings &settings, const Clock &clock, MainWindow &window,
             Notifier *notifier = nullptr, QObject *parent = nullptr);
    ~TrayIcon() override;

    // Shows or hides the icon and starts or stops watching, after the settings changed.
    void apply();
    // Shown and watching: closing the window does not quit.
    bool isActive() const { return m_active; }

    QSystemTrayIcon *icon() const { return m_icon; }
    ExpiryWatcher *watcher() const { return m_watcher.get(); }
    QAction *openAction() const { return m_open; }
    QAction *checkAction() const { return m_check; }
    QAction *quitAction() const { return m_quit; }

private:
    void onWindowClosed();

    Settings &m_settings;
    Notifier *m_notifier = nullptr;
    MainWindow &m_window;
    QSystemTrayIcon *m_icon = nullptr;
    std::unique_ptr<Notifier> m_ownNotifier;
    std::unique_ptr<ExpiryWatcher> m_watcher;
    QAction *m_open = nullptr;
    QAction *m_check = nullptr;
    QAction *m_quit = nullptr;
    bool m_active = false;
};

} // namespace Keyward
