#pragma once

#include "ConfirmDestructiveDialog.h"
#include "SingleDialog.h"
#include "core/ApiKey.h"
#include "crypto/SecretString.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QWidget;

namespace Keyward {

class ClipboardGuard;
class Clock;
class KeyImpact;
class KeyStore;
struct KeyEdit;
class UsageSource;

// Commands own flows: each user action checks permission in core, runs its dialog(s), calls the
// store and reports. The window only wires actions to these and enables them.
//
// A flow never blocks: its dialogs open window-modal with open() (no event loop of their own),
// each step runs from the previous dialog's finished(), and finished() ends every flow that was
// started. While a flow's dialog is open, starting another flow only raises that dialog (the
// window is blocked anyway; this guards calls from code). Questions and notices still go
// through MessageBox.
class KeyCommands : public QObject
{
    Q_OBJECT
public:
    KeyCommands(KeyStore &store, const Clock &clock, ClipboardGuard &clipboard,
                QWidget *dialogParent, QObject *parent = nullptr);
    ~KeyCommands() override; // closes a flow's open dialog: nothing more of that flow happens

    // Where the confirmations of revoke, delete, deactivate and end-grace read the key's impact
    // (KeyImpact) from; without one they say only when the key was last used. Not owned.
    void setUsageSource(UsageSource *usage) { m_usage = usage; }

    // The grace period "Regenerate with Grace Period" preselects from a confirmation.
    static constexpr qint64 kSuggestedGraceMs = 24 * 60 * 60 * 1000;

    // Refusals and failures are reported through failed() (and shown to the user), never
    // silently ignored.
    void generate(const std::optional<ApiKey> &prefillFrom = std::nullopt);
    void edit(const ApiKey &key);
    // An expired key is not regenerated (its new secret would answer Expired): the user is
    // offered Duplicate instead.
    void regenerate(const ApiKey &key);
    // Generate, prefilled with the key's configuration (a new key with its own secret).
    void duplicate(const ApiKey &key);
    void setActive(const ApiKey &key, bool active);
    void revoke(const ApiKey &key);
    // The previous secret stops now instead of at the end of its grace period; the
    // confirmation says when and from where it was last used.
    void endGracePeriod(const ApiKey &key);
    void remove(const ApiKey &key);

    // The dialog of the flow under way, or null.
    QDialog *openDialog() const;

Q_SIGNALS:
    // A command is done with this key (created, changed or deleted): the window selects it.
    // The change itself reaches the window through the store (VaultSession::vaultChanged()).
    void actedOn(qint64 keyId);
    // For the status bar: "Key “CI deploy” revoked."
    void message(const QString &text);
    // A refusal or error, already shown to the user.
    void failed(const QString &text);
    // The end of a flow, once per flow started (not for one that only raised an open dialog):
    // true when the store changed.
    void finished(bool changed);

private:
    void regenerateWith(const ApiKey &shown, std::optional<qint64> presetGraceMs);
    void commitActive(const ApiKey &key, bool active);
    // Revoke or delete, after ConfirmDestructiveDialog (which may offer a regeneration instead).
    void cutAfterConfirmation(const ApiKey &shown, ConfirmDestructiveDialog::Mode mode);
    void save(const ApiKey &key, const KeyEdit &change, std::optional<qint64> usageLimit,
              bool resetUsage);
    // The new secret, once; the flow ends when the dialog closes.
    void reveal(SecretString token, const ApiKey &key, bool regenerated);
    void finish(bool changed);
    // Fresh from the store; nullopt without a usage source or when it cannot be read.
    std::optional<KeyImpact> impactOf(const ApiKey &key, qint64 secretId = 0) const;
    QString impactText(const KeyImpact &impact) const;
    // Still in use, and a regeneration would keep it working: suggest that instead of a cut.
    bool suggestsRegenerate(const ApiKey &key, const std::optional<KeyImpact> &impact) const;

    KeyStore &m_store;
    const Clock &m_clock;
    ClipboardGuard &m_clipboard;
    QPointer<QWidget> m_dialogParent;
    UsageSource *m_usage = nullptr;
    SingleDialog<QDialog> m_dialog; // the open dialog of the flow under way
};

} // namespace Keyward
