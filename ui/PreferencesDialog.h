#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Keyward {

class Settings;

// Auto-lock, clipboard timeout, language, the tray icon and starting at login, written on
// accept() (to Settings; the autostart entry to the desktop's autostart folder); and, for a vault
// file, its fingerprint and the one pinned here, with "Forget Pinned Fingerprint" (at once) for
// a vault re-created on purpose.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(Settings &settings, QWidget *parent = nullptr);
    // vaultPath: the vault file open (or last refused); fingerprint: the open vault's (empty:
    // not open, or not signed yet).
    PreferencesDialog(Settings &settings, const QString &vaultPath, const QString &fingerprint,
                      QWidget *parent = nullptr);

    // Forgets the fingerprint (and the history mark) pinned for the vault.
    void forgetPinnedFingerprint();

public Q_SLOTS:
    void accept() override;

private:
    QWidget *buildVaultGroup(const QString &fingerprint);
    QWidget *buildTrayGroup();
    void updatePin();

    Settings &m_settings;
    QString m_vaultPath;
    QLabel *m_pinned = nullptr;
    QPushButton *m_forgetPin = nullptr;
    QCheckBox *m_autoLock = nullptr;
    QSpinBox *m_autoLockMinutes = nullptr;
    QSpinBox *m_clipboardSeconds = nullptr;
    QComboBox *m_language = nullptr;
    QCheckBox *m_tray = nullptr;
    QCheckBox *m_autostart = nullptr;
};

} // namespace Keyward
