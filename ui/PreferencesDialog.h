#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace Keyward {

class Settings;

// Auto-lock, clipboard timeout and language. Writes to Settings on accept().
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(Settings &settings, QWidget *parent = nullptr);

public Q_SLOTS:
    void accept() override;

private:
    Settings &m_settings;
    QCheckBox *m_autoLock = nullptr;
    QSpinBox *m_autoLockMinutes = nullptr;
    QSpinBox *m_clipboardSeconds = nullptr;
    QComboBox *m_language = nullptr;
};

} // namespace Keyward
