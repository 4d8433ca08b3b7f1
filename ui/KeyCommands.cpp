#include "KeyCommands.h"

#include "ClipboardGuard.h"
#include "ConfirmDestructiveDialog.h"
#include "EditKeyDialog.h"
#include "Formatting.h"
#include "GenerateKeyDialog.h"
#include "LastUseText.h"
#include "MessageBox.h"
#include "OutcomeText.h"
#include "RegenerateKeyDialog.h"
#include "RevealKeyDialog.h"
#include "core/Clock.h"
#include "core/KeyStatus.h"
#include "core/Permissions.h"
#include "store/KeyStore.h"
#include "verify/UsageSource.h"

#include <QWidget>

#include <memory>

namespace Keyward {

namespace {

// Names are data of any length; a message box needs a readable handle, not 16 K characters.
QString shortName(const QString &name)
{
    constexpr int kMaxShown = 80;
    if (name.size() <= kMaxShown)
        return name;
    return name.left(kMaxShown - 1) + QChar(u'…');
}

void reportFailure(KeyCommands *commands, QWidget *parent, const QString &title,
                   const QString &text)
{
    MessageBox::warning(parent, title, text);
    Q_EMIT commands->failed(text);
}

void reportStoreError(KeyCommands *commands, QWidget *parent, const QString &title,
                      const ApiKey &key, const Error &error)
{
    switch (error.code) {
    case ErrorCode::StaleVersion: {
        const QString text = KeyCommands::tr("“%1” was changed by someone else while you were "
                                             "working on it. The list has been reloaded; check "
                                             "the key and try again.")
                                 .arg(shortName(key.name));
        reportFailure(commands, parent, title, text);
        return;
    }
    case ErrorCode::NotFound: {
        const QString text = KeyCommands::tr("“%1” no longer exists; someone else deleted it.")
                                 .arg(shortName(key.name));
        reportFailure(commands, parent, title, text);
        return;
    }
    default:
        reportFailure(commands, parent, title, error.message);
        return;
    }
}

// The key as the store has it now. Confirmations say when the key was last used, and usage
// recorded by a verifier a second ago must be in that sentence: the table may be older.
std::optional<ApiKey> freshKey(KeyCommands *commands, KeyStore &store, QWidget *parent,
                               const ApiKey &key, const QString &title)
{
    Result<ApiKey> fresh = store.key(key.id);
    if (!fresh) {
        reportStoreError(commands, parent, title, key, fresh.error());
        return std::nullopt;
    }
    return std::move(fresh).value();
}

// The core's verdict before any dialog opens, so nobody fills in a form only to be refused.
bool mayAct(KeyCommands *commands, const KeyStore &store, QWidget *parent, const ApiKey &key,
            KeyAction action, const QString &title)
{
    const std::optional<Member> member = store.currentMember();
    if (!member) {
        reportFailure(commands, parent, title, KeyCommands::tr("Sign in first."));
        return false;
    }
    if (const Result<void> allowed = Permissions::mayActOnKey(*member, key, action); !allowed) {
        reportFailure(commands, parent, title, allowed.errorMessage());
        return false;
    }
    return true;
}

} // namespace

KeyCommands::KeyCommands(KeyStore &store, const Clock &clock, ClipboardGuard &clipboard,
                         QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_clipboard(clipboard)
    , m_dialogParent(dialogParent)
{ }

KeyCommands::~KeyCommands()
{
    m_dialog.destroy();
}

QDialog *KeyCommands::openDialog() const
{
    // Not one that has closed and is still running its answer (which may start the next step).
    QDialog *dialog = m_dialog.get();
    return dialog && dialog->isVisible() ? dialog : nullptr;
}

void KeyCommands::finish(bool changed)
{
    Q_EMIT finished(changed);
}

std::optional<KeyImpact> KeyCommands::impactOf(const ApiKey &key, qint64 secretId) const
{
    if (!m_usage)
        return std::nullopt;
    Result<KeyImpact> impact = m_usage->keyImpact(key, m_clock.nowMs(), secretId);
    if (!impact) {
        // The confirmation still says when the key was last used; the cut is not held up by a
        // usage table that cannot be read.
        qWarning("Cannot read the impact of key %lld: %s", key.id,
                 qPrintable(impact.errorMessage()));
        return std::nullopt;
    }
    return std::move(impact).value();
}

QString KeyCommands::impactText(const KeyImpact &impact) const
{
    const qint64 now = m_clock.nowMs();
    return impact.text({[now](qint64 atMs) { return Formatting::relativeTime(atMs, now); },
                        [](VerifyOutcome outcome) {
                            return OutcomeText::name(outcome);
                        }});
}

bool KeyCommands::suggestsRegenerate(const ApiKey &key,
                                     const std::optional<KeyImpact> &impact) const
{
    if (!impact || !impact->isStillInUse())
        return false;
    // An inactive key's new secret would not work, an expired key cannot be regenerated, a
    // revoked one never again.
    const qint64 now = m_clock.nowMs();
    if (effectiveStatus(key, now) != KeyStatus::Active || !Permissions::mayRegenerateAt(key, now))
        return false;
    const std::optional<Member> member = m_store.currentMember();
    return member && Permissions::mayActOnKey(*member, key, KeyAction::Regenerate).isOk();
}

void KeyCommands::generate(const std::optional<ApiKey> &prefillFrom)
{
    if (m_dialog.raise())
        return;
    QWidget *parent = m_dialogParent.data();
    const QString title = tr("Cannot Generate Key");
    const std::optional<Member> member = m_store.currentMember();
    if (!member) {
        reportFailure(this, parent, title, tr("Sign in first."));
        return finish(false);
    }
    if (!roleAtLeast(member->role, Permissions::minimumRoleFor(KeyAction::Create))) {
        reportFailure(this, parent, title, Permissions::roleNeededMessage(KeyAction::Create));
        return finish(false);
    }

    auto *dialog = new GenerateKeyDialog(m_store.grantCatalogue(), *member, m_clock, parent);
    if (prefillFrom)
        dialog->prefillFrom(*prefillFrom);
    auto issued = std::make_shared<std::optional<IssuedKey>>();
    // The store's refusal is shown in the dialog, which keeps the input: no second dialog.
    dialog->setSubmit([this, issued](const NewKeyRequest &request) -> Result<void> {
        Result<IssuedKey> created = m_store.createKey(request);
        if (!created) {
            Q_EMIT failed(created.errorMessage());
            return created.error();
        }
        issued->emplace(std::move(created).value());
        return {};
    });
    m_dialog.open(dialog, this, [this, issued](int result) {
        if (result != QDialog::Accepted || !*issued)
            return finish(false);
        const ApiKey key = (*issued)->key;
        SecretString token = std::move((*issued)->token);
        issued->reset();
        Q_EMIT actedOn(key.id);
        Q_EMIT message(tr("Key “%1” generated.").arg(shortName(key.name)));
        reveal(std::move(token), key, false);
    });
}

void KeyCommands::reveal(SecretString token, const ApiKey &key, bool regenerated)
{
    auto *dialog = new RevealKeyDialog(std::move(token), key,
                                       regenerated ? RevealKeyDialog::Occasion::Regenerated
                                                   : RevealKeyDialog::Occasion::Generated,
                                       m_clipboard, m_clock, m_dialogParent.data());
    m_dialog.open(dialog, this, [this](int) { finish(true); });
}

void KeyCommands::edit(const ApiKey &key)
{
    if (m_dialog.raise())
        return;
    QWidget *parent = m_dialogParent.data();
    if (!mayAct(this, m_store, parent, key, KeyAction::Edit, tr("Cannot Edit Key")))
        return finish(false);

    const std::optional<Member> member = m_store.currentMember();
    const bool mayChangeUsage = member && Permissions::mayChangeUsageLimit(*member, key).isOk();
    auto *dialog = new EditKeyDialog(key, m_store.grantCatalogue(), m_clock, parent,
                                     mayChangeUsage ? EditKeyDialog::UsageLimit::Editable
                                                    : EditKeyDialog::UsageLimit::ReadOnly);
    m_dialog.open(dialog, this, [this, dialog, key](int result) {
        if (result == EditKeyDialog::DuplicateRequested)
            return duplicate(key);
        if (result != QDialog::Accepted)
            return finish(false);
        save(key, dialog->edit(), dialog->usageLimit(), dialog->resetUsage());
    });
}

void KeyCommands::save(const ApiKey &key, const KeyEdit &change, std::optional<qint64> usageLimit,
                       bool resetUsage)
{
    // Each store call checks the version it was given: the next one uses the version the
    // previous one wrote.
    Result<ApiKey> edited = key;
    if (change.name != key.name || change.notes != key.notes || change.rateLimit != key.rateLimit
        || change.expiresAtMs != key.expiresAtMs
        || (change.allowedIps && *change.allowedIps != key.allowedIps))
        edited = m_store.editKey(key.id, key.version, change);
    if (edited && usageLimit != key.usageLimit)
        edited = m_store.setUsageLimit(key.id, edited->version, usageLimit);
    if (edited && resetUsage)
        edited = m_store.resetUsage(key.id, edited->version);
    if (!edited) {
        reportStoreError(this, m_dialogParent.data(), tr("Cannot Edit Key"), key, edited.error());
        return finish(false);
    }
    Q_EMIT actedOn(key.id);
    Q_EMIT message(tr("Key “%1” saved.").arg(shortName(edited->name)));
    finish(true);
}

void KeyCommands::regenerate(const ApiKey &shown)
{
    if (m_dialog.raise())
        return;
    regenerateWith(shown, std::nullopt);
}

void KeyCommands::regenerateWith(const ApiKey &shown, std::optional<qint64> presetGraceMs)
{
    QWidget *parent = m_dialogParent.data();
    const QString title = tr("Cannot Regenerate Key");
    const std::optional<ApiKey> fresh = freshKey(this, m_store, parent, shown, title);
    if (!fresh)
        return finish(false);
    const ApiKey &key = *fresh;
    if (!mayAct(this, m_store, parent, key, KeyAction::Regenerate, title))
        return finish(false);
    if (const Result<void> allowed = Permissions::mayRegenerateAt(key, m_clock.nowMs()); !allowed) {
        m_dialog.track(MessageBox::confirm(
            parent, title,
            tr("%1\n\nDuplicate “%2” now?").arg(allowed.errorMessage(), shortName(key.name)),
            tr("&Duplicate Key"), tr("Cancel"), this,
            [this, key, refusal = allowed.errorMessage()](bool duplicate) {
                if (duplicate)
                    return generate(key);
                Q_EMIT failed(refusal);
                finish(false);
            }));
        return;
    }

    auto *dialog = new RegenerateKeyDialog(key, m_clock, parent);
    if (presetGraceMs)
        dialog->setGraceMs(*presetGraceMs);
    m_dialog.open(dialog, this, [this, dialog, key](int result) {
        if (result != QDialog::Accepted)
            return finish(false);
        const qint64 graceMs = dialog->graceMs();
        Result<IssuedKey> regenerated = m_store.regenerateKey(key.id, key.version, graceMs);
        if (!regenerated) {
            reportStoreError(this, m_dialogParent.data(), tr("Cannot Regenerate Key"), key,
                             regenerated.error());
            return finish(false);
        }
        IssuedKey issued = std::move(regenerated).value();
        Q_EMIT actedOn(key.id);
        // The same words and the same function as the details pane ("It stops working in 1
        // day"), so the status bar and the pane never disagree about the deadline.
        const qint64 now = m_clock.nowMs();
        Q_EMIT message(graceMs > 0 ? tr("Key “%1” regenerated. The previous secret stops working "
                                        "%2.")
                                         .arg(shortName(key.name),
                                              Formatting::relativeTime(now + graceMs, now))
                                   : tr("Key “%1” regenerated. The previous secret no longer "
                                        "works.")
                                         .arg(shortName(key.name)));
        reveal(std::move(issued.token), issued.key, true);
    });
}

void KeyCommands::duplicate(const ApiKey &key)
{
    generate(key);
}

void KeyCommands::setActive(const ApiKey &shown, bool active)
{
    if (m_dialog.raise())
        return;
    QWidget *parent = m_dialogParent.data();
    const QString title = active ? tr("Cannot Activate Key") : tr("Cannot Deactivate Key");
    const std::optional<ApiKey> fresh = freshKey(this, m_store, parent, shown, title);
    if (!fresh)
        return finish(false);
    const ApiKey &key = *fresh;
    if (!mayAct(this, m_store, parent, key, active ? KeyAction::Activate : KeyAction::Deactivate,
                title))
        return finish(false);
    if (active)
        return commitActive(key, true);
    {
        QString text = tr("Deactivate “%1”? Integrations that use it get 401 Unauthorized until "
                          "you activate it again.\n\n%2")
                           .arg(shortName(key.name), LastUseText::sentence(key, m_clock.nowMs()));
        const std::optional<KeyImpact> impact = impactOf(key);
        if (impact)
            text += QStringLiteral("\n\n") + impactText(*impact);
        if (suggestsRegenerate(key, impact)) {
            text += QStringLiteral("\n\n")
                + tr("The key is still in use. To replace its secret without breaking anything, "
                     "regenerate it with a grace period instead.");
            m_dialog.track(MessageBox::confirmOrAlternative(
                parent, tr("Deactivate Key"), text, tr("&Deactivate"),
                tr("Regenerate with &Grace Period"), tr("&Keep Active"), this,
                [this, key](MessageBox::Choice choice) {
                    switch (choice) {
                    case MessageBox::Choice::Action:
                        return commitActive(key, false);
                    case MessageBox::Choice::Alternative:
                        return regenerateWith(key, kSuggestedGraceMs);
                    case MessageBox::Choice::Keep:
                        return finish(false);
                    }
                }));
            return;
        }
        m_dialog.track(MessageBox::confirm(parent, tr("Deactivate Key"), text, tr("&Deactivate"),
                                           tr("&Keep Active"), this, [this, key](bool deactivate) {
                                               if (!deactivate)
                                                   return finish(false);
                                               commitActive(key, false);
                                           }));
    }
}

void KeyCommands::commitActive(const ApiKey &key, bool active)
{
    Result<ApiKey> changed = m_store.setKeyActive(key.id, key.version, active);
    if (!changed) {
        reportStoreError(this, m_dialogParent.data(),
                         active ? tr("Cannot Activate Key") : tr("Cannot Deactivate Key"), key,
                         changed.error());
        return finish(false);
    }
    Q_EMIT actedOn(key.id);
    Q_EMIT message(active ? tr("Key “%1” activated.").arg(shortName(key.name))
                          : tr("Key “%1” deactivated.").arg(shortName(key.name)));
    finish(true);
}

void KeyCommands::revoke(const ApiKey &shown)
{
    cutAfterConfirmation(shown, ConfirmDestructiveDialog::Mode::Revoke);
}

void KeyCommands::remove(const ApiKey &shown)
{
    cutAfterConfirmation(shown, ConfirmDestructiveDialog::Mode::Delete);
}

void KeyCommands::cutAfterConfirmation(const ApiKey &shown, ConfirmDestructiveDialog::Mode mode)
{
    if (m_dialog.raise())
        return;
    const bool revoking = mode == ConfirmDestructiveDialog::Mode::Revoke;
    QWidget *parent = m_dialogParent.data();
    const QString title = revoking ? tr("Cannot Revoke Key") : tr("Cannot Delete Key");
    const std::optional<ApiKey> fresh = freshKey(this, m_store, parent, shown, title);
    if (!fresh)
        return finish(false);
    const ApiKey &key = *fresh;
    if (!mayAct(this, m_store, parent, key, revoking ? KeyAction::Revoke : KeyAction::Delete,
                title))
        return finish(false);
    const std::optional<KeyImpact> impact = impactOf(key);
    auto *dialog = new ConfirmDestructiveDialog(mode, key, m_clock, parent,
                                                impact ? impactText(*impact) : QString(),
                                                suggestsRegenerate(key, impact));
    m_dialog.open(dialog, this, [this, key, title, revoking](int result) {
        if (result == ConfirmDestructiveDialog::RegenerateRequested)
            return regenerateWith(key, kSuggestedGraceMs);
        if (result != QDialog::Accepted)
            return finish(false);
        Result<void> cut;
        if (!revoking)
            cut = m_store.deleteKey(key.id, key.version);
        else if (Result<ApiKey> revoked = m_store.revokeKey(key.id, key.version); !revoked)
            cut = revoked.error();
        if (!cut) {
            reportStoreError(this, m_dialogParent.data(), title, key, cut.error());
            return finish(false);
        }
        Q_EMIT actedOn(key.id);
        Q_EMIT message(revoking ? tr("Key “%1” revoked.").arg(shortName(key.name))
                                : tr("Key “%1” deleted.").arg(shortName(key.name)));
        finish(true);
    });
}

void KeyCommands::endGracePeriod(const ApiKey &shown)
{
    if (m_dialog.raise())
        return;
    QWidget *parent = m_dialogParent.data();
    const QString title = tr("Cannot End Grace Period");
    const std::optional<ApiKey> fresh = freshKey(this, m_store, parent, shown, title);
    if (!fresh)
        return finish(false);
    const ApiKey &key = *fresh;
    const qint64 now = m_clock.nowMs();
    const std::optional<Member> member = m_store.currentMember();
    if (!member) {
        reportFailure(this, parent, title, tr("Sign in first."));
        return finish(false);
    }
    if (const Result<void> allowed = Permissions::mayEndGracePeriod(*member, key, now); !allowed) {
        reportFailure(this, parent, title, allowed.errorMessage());
        return finish(false);
    }
    // Per previous secret: its deadline, then the same impact keywardctl key end-grace prints.
    QStringList impact;
    for (const KeySecret &secret : key.secretsInGraceAt(now)) {
        impact.append(tr("The previous secret %1 would stop working %2.")
                          .arg(secret.hint, Formatting::relativeTime(*secret.retiresAtMs, now)));
        if (const std::optional<KeyImpact> ofSecret = impactOf(key, secret.id))
            impact.append(impactText(*ofSecret));
        else
            impact.append(LastUseText::sentence(key, now));
    }
    m_dialog.track(MessageBox::confirm(
        parent, tr("End Grace Period"),
        tr("Stop the previous secret of “%1” now? Integrations that still use it get 401 "
           "Unauthorized at once; the newest secret keeps working.\n\n%2")
            .arg(shortName(key.name), impact.join(QLatin1Char('\n'))),
        tr("&End Grace Period"), tr("&Keep Until Then"), this, [this, key, title](bool end) {
            if (!end)
                return finish(false);
            Result<ApiKey> ended = m_store.endGracePeriod(key.id, key.version);
            if (!ended) {
                reportStoreError(this, m_dialogParent.data(), title, key, ended.error());
                return finish(false);
            }
            Q_EMIT actedOn(key.id);
            Q_EMIT message(
                tr("The previous secret of “%1” no longer works.").arg(shortName(key.name)));
            finish(true);
        }));
}

} // namespace Keyward
