#pragma once

#include "SingleDialog.h"
#include "core/ApiKey.h"
#include "crypto/SecretString.h"

#include <QDialog>

class QLabel;
class QMessageBox;
class QLineEdit;
class QPushButton;

namespace Keyward {

class ClipboardGuard;
class Clock;

// Shows a freshly issued token exactly once: read-only, monospace, copied only through the
// ClipboardGuard (so it carries the password-manager hint and is cleared later). Closing without
// copying asks first; closing wipes the token from the dialog.
class RevealKeyDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Occasion { Generated, Regenerated };

    RevealKeyDialog(SecretString token, const ApiKey &key, Occasion occasion,
                    ClipboardGuard &clipboard, const Clock &clock, QWidget *parent = nullptr);
    ~RevealKeyDialog() override;

    bool hasCopied() const { return m_copied; }
    // True once the token is gone from memory we control and from the line edit.
    bool isTokenWiped() const;

    void done(int result) override;

public Q_SLOTS:
    void copyToClipboard();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildLayout(const ApiKey &key, Occasion occasion, const Clock &clock);
    void showCountdown(int secondsLeft);
    void showCleared(bool clipboardStillHeldSecret);
    void wipe();

    SecretString m_token;
    ClipboardGuard &m_clipboard;
    QLineEdit *m_tokenEdit = nullptr;
    QPushButton *m_copyButton = nullptr;
    QLabel *m_countdownLabel = nullptr;
    bool m_copied = false;
    SingleDialog<QMessageBox> m_closeQuestion; // "Close without copying?" while it is open
};

} // namespace Keyward
