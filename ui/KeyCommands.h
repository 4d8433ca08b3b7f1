#pragma once

#include "core/ApiKey.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QWidget;

namespace Keyward {

class ClipboardGuard;
class Clock;
class KeyImpact;
class KeyStore;
class UsageSource;

// Commands own flows: each user action checks permission in core, runs its dialog(s), calls the
// store and reports. The window only wires actions to these and enables them.
class KeyCommands : public QObject
{
    Q_OBJECT
public:
    KeyCommands(KeyStore &store, const Clock &clock, ClipboardGuard &clipboard,
                QWidget *dialogParent, QObject *parent = nullptr);

    // Where the confirmations of revoke, delete, deactivate and end-grace read the key's impact
    // (KeyImpact) from; without one they say only when the key was last used. Not owned.
    void setUsageSource(UsageSource *usage) { m_usage = usage; }

    // The grace period "Regenerate with Grace Period" preselects from a confirmation.
    static constexpr qint64 kSuggestedGraceMs = 24 * 60 * 60 * 1000;

    // Each returns true when the store changed. Refusals and failures are reported through
    // failed() (and shown to the user), never silently ignored.
    bool generate(const std::optional<ApiKey> &prefillFrom = std::nullopt);
    bool edit(const ApiKey &key);
    // An expired key is not regenerated (its new secret would answer Expired): the user is
    // offered Duplicate instead.
    bool regenerate(const ApiKey &key);
    // Generate, prefilled with the key's configuration (a new key with its own secret).
    bool duplicate(const ApiKey &key);
    bool setActive(const ApiKey &key, bool active);
    bool revoke(const ApiKey &key);
    // The previous secret stops now instead of at the end of its grace period; the
    // confirmation says when and from where it was last used.
    bool endGracePeriod(const ApiKey &key);
    bool remove(const ApiKey &key);

Q_SIGNALS:
    // A command is done with this key (created, changed or deleted): the window selects it.
    // The change itself reaches the window through the store (VaultSession::vaultChanged()).
    void actedOn(qint64 keyId);
    // For the status bar: "Key “CI deploy” revoked."
    void message(const QString &text);
    // A refusal or error, already shown to the user.
    void failed(const QString &text);

private:
    bool regenerateWith(const ApiKey &shown, std::optional<qint64> presetGraceMs);
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
};

} // namespace Keyward
