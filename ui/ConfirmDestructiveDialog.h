#pragma once

#include "core/ApiKey.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Keyward {

class Clock;

// Confirms a revoke or a delete. Says what breaks, when the key was last used, what the last 7
// days' usage was (the impact, when given), and what stays (history); the button names the verb.
// A Production key also needs its exact name typed. A key still in use may be offered
// "Regenerate with Grace Period" instead: the dialog then ends with RegenerateRequested.
class ConfirmDestructiveDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Revoke, Delete };
    // exec()'s result when the admin chose to regenerate the key with a grace period instead.
    static constexpr int RegenerateRequested = 2;

    // impact: the words of a KeyImpact (empty: none read); offerRegenerate: show the button.
    ConfirmDestructiveDialog(Mode mode, const ApiKey &key, const Clock &clock,
                             QWidget *parent = nullptr, const QString &impact = QString(),
                             bool offerRegenerate = false);

    Mode mode() const { return m_mode; }
    bool needsTypedName() const;
    bool isConfirmed() const;

    void accept() override;

private:
    void buildLayout(const Clock &clock, const QString &impact, bool offerRegenerate);
    void updateConfirmButton();

    const Mode m_mode;
    const ApiKey m_key;
    QLineEdit *m_nameEdit = nullptr; // only for Production keys
    QPushButton *m_confirmButton = nullptr;
};

} // namespace Keyward
