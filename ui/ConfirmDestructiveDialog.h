#pragma once

#include "core/ApiKey.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Keyward {

class Clock;

// Confirms a revoke or a delete. Says what breaks, when the key was last used, and what stays
// (history); the button names the verb. A Production key also needs its exact name typed.
class ConfirmDestructiveDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Revoke, Delete };

    ConfirmDestructiveDialog(Mode mode, const ApiKey &key, const Clock &clock,
                             QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    bool needsTypedName() const;
    bool isConfirmed() const;

    void accept() override;

private:
    void buildLayout(const Clock &clock);
    void updateConfirmButton();

    const Mode m_mode;
    const ApiKey m_key;
    QLineEdit *m_nameEdit = nullptr; // only for Production keys
    QPushButton *m_confirmButton = nullptr;
};

} // namespace Keyward
