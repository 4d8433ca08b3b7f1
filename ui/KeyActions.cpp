#include "KeyActions.h"

#include "Icons.h"
#include "core/Permissions.h"

#include <QAction>
#include <QKeySequence>

#include <algorithm>

namespace Keyward {

KeyActions::KeyActions(QObject *parent)
    : QObject(parent)
{
    m_generate = makeAction(QStringLiteral("actionGenerate"), QStringLiteral("generate"),
                            tr("&Generate Key…"), QKeySequence::New, tr("Generate a new API key"));
    m_generate->setIconText(tr("Generate"));
    m_edit = makeAction(QStringLiteral("actionEdit"), QStringLiteral("edit"), tr("&Edit…"),
                        QKeySequence(Qt::Key_F2),
                        tr("Rename the key, change its notes, rate limit or shorten its expiry"));
    m_regenerate = makeAction(QStringLiteral("actionRegenerate"), QStringLiteral("regenerate"),
                              tr("&Regenerate…"), QKeySequence(Qt::CTRL | Qt::Key_R),
                              tr("Issue a new secret for this key and retire the old one"));
    m_duplicate = makeAction(QStringLiteral("actionDuplicate"), QStringLiteral("generate"),
                             tr("D&uplicate…"), QKeySequence(),
                             tr("Generate a new key with this key's configuration (for an "
                                "expired key, or other grants)"));
    m_toggleActive = makeAction(QStringLiteral("actionToggleActive"), QStringLiteral("deactivate"),
                                tr("&Deactivate"), QKeySequence(Qt::CTRL | Qt::Key_D),
                                tr("Stop the key from working until it is activated again"));
    // Ctrl+Shift+R: Ctrl+R is Regenerate, and KDE's Shift+Del means "delete for good", which
    // would blur Revoke with Delete; nothing in KDE's standard shortcuts uses Ctrl+Shift+R.
    m_revoke = makeAction(QStringLiteral("actionRevoke"), QStringLiteral("revoke"), tr("Re&voke…"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                          tr("Stop the key permanently; its history is kept"));
    m_endGrace = makeAction(QStringLiteral("actionEndGracePeriod"), QStringLiteral("revoke"),
                            tr("End Grace &Period Now…"), QKeySequence(),
                            tr("Stop the previous secret of a regenerated key now, not at the end "
                               "of its grace period"));
    m_remove = makeAction(QStringLiteral("actionDelete"), QStringLiteral("delete"), tr("De&lete…"),
                          QKeySequence::Delete,
                          tr("Remove the key from the list; the audit log keeps its history"));
    m_copyId = makeAction(QStringLiteral("actionCopyKeyId"), QStringLiteral("copy"),
                          tr("&Copy Key ID"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                          tr("Copy the key's ID (not the secret) to the clipboard"));
    m_shortenExpiry = makeAction(QStringLiteral("actionShortenExpiry"), QStringLiteral("edit"),
                                 tr("S&horten Expiry…"), QKeySequence(),
                                 tr("Make the selected keys expire sooner (never later)"));
    m_exportSelected = makeAction(QStringLiteral("actionExportSelected"), QStringLiteral("copy"),
                                  tr("E&xport Selected…"), QKeySequence(),
                                  tr("Save the selected keys' details as CSV or JSON (never a "
                                     "secret)"));
    update(std::nullopt, nullptr);
}

QAction *KeyActions::makeAction(const QString &objectName, const QString &icon, const QString &text,
                                const QKeySequence &shortcut, const QString &toolTip)
{
    auto *action = new QAction(Icons::icon(icon), text, this);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    // The table and its context menu share these: the shortcut works anywhere in the window.
    action->setShortcutContext(Qt::WindowShortcut);
    action->setProperty("baseToolTip", toolTip);
    action->setStatusTip(toolTip);
    return action;
}

QList<QAction *> KeyActions::keyActions() const
{
    return {m_edit,  m_regenerate, m_endGrace, m_duplicate, m_toggleActive,   m_shortenExpiry,
            nullptr, m_revoke,     m_remove,   nullptr,     m_exportSelected, m_copyId};
}

void KeyActions::setAllowed(QAction *action, bool allowed, const QString &toolTip,
                            const QString &why)
{
    action->setEnabled(allowed);
    QString text = allowed || why.isEmpty() ? toolTip : why;
    if (allowed && !action->shortcut().isEmpty())
        text = tr("%1 (%2)").arg(text, action->shortcut().toString(QKeySequence::NativeText));
    action->setToolTip(text);
}

void KeyActions::update(const std::optional<Member> &member, const ApiKey *selected,
                        const QString &tamperedProblem, qint64 nowMs)
{
    const auto base = [](QAction *action) {
        return action->property("baseToolTip").toString();
    };

    if (!member) {
        const QString locked = tr("The vault is locked.");
        for (QAction *action :
             {m_generate, m_edit, m_regenerate, m_endGrace, m_duplicate, m_toggleActive, m_revoke,
              m_remove, m_copyId, m_shortenExpiry, m_exportSelected})
            setAllowed(action, false, base(action), locked);
        return;
    }

    const bool mayCreate =
        roleAtLeast(member->role, Permissions::minimumRoleFor(KeyAction::Create));
    setAllowed(m_generate, mayCreate, base(m_generate),
               Permissions::roleNeededMessage(KeyAction::Create));

    setToggleActivates(selected && selected->state == KeyState::Inactive);

    const QString selectFirst = tr("Select a key first.");
    const auto check = [&](QAction *action, KeyAction keyAction) {
        if (!selected) {
            setAllowed(action, false, base(action), selectFirst);
            return;
        }
        const Result<void> allowed = Permissions::mayActOnKey(*member, *selected, keyAction);
        setAllowed(action, allowed.isOk(), base(action), allowed.errorMessage());
    };
    check(m_edit, KeyAction::Edit);
    check(m_regenerate, KeyAction::Regenerate);
    // Duplicating creates a key: whoever may generate keys may duplicate any key they see (at
    // most at their own role, which the Generate dialog enforces).
    if (selected)
        setAllowed(m_duplicate, mayCreate, base(m_duplicate),
                   Permissions::roleNeededMessage(KeyAction::Create));
    else
        setAllowed(m_duplicate, false, base(m_duplicate), selectFirst);
    check(m_toggleActive, m_toggleActivates ? KeyAction::Activate : KeyAction::Deactivate);
    check(m_revoke, KeyAction::Revoke);
    check(m_remove, KeyAction::Delete);
    check(m_shortenExpiry, KeyAction::Edit);
    setAllowed(m_exportSelected, selected != nullptr, base(m_exportSelected), selectFirst);
    if (selected) {
        const Result<void> mayEnd = Permissions::mayEndGracePeriod(*member, *selected, nowMs);
        setAllowed(m_endGrace, mayEnd.isOk(), base(m_endGrace), mayEnd.errorMessage());
    } else {
        setAllowed(m_endGrace, false, base(m_endGrace), selectFirst);
    }
    if (selected && !tamperedProblem.isEmpty()) {
        const QString why = tr("This key was changed outside Keyward (%1). It can only be "
                               "revoked or deleted.")
                                .arg(tamperedProblem);
        for (QAction *action :
             {m_edit, m_regenerate, m_endGrace, m_duplicate, m_toggleActive, m_shortenExpiry})
            setAllowed(action, false, base(action), why);
    }
    setAllowed(m_copyId, selected != nullptr, base(m_copyId), selectFirst);
}

void KeyActions::setToggleActivates(bool activates)
{
    m_toggleActivates = activates;
    m_toggleActive->setText(activates ? tr("&Activate") : tr("&Deactivate"));
    m_toggleActive->setIconText(activates ? tr("Activate") : tr("Deactivate"));
    m_toggleActive->setIcon(
        Icons::icon(activates ? QStringLiteral("activate") : QStringLiteral("deactivate")));
    m_toggleActive->setProperty("baseToolTip",
                                activates
                                    ? tr("Let the key work again")
                                    : tr("Stop the key from working until it is activated again"));
}

void KeyActions::updateForSelection(const std::optional<Member> &member,
                                    const QVector<ApiKey> &selection,
                                    const QString &tamperedProblem, qint64 nowMs)
{
    update(member, selection.size() == 1 ? &selection.constFirst() : nullptr, tamperedProblem,
           nowMs);
    if (member && selection.size() > 1)
        updateForMany(*member, selection, nowMs);
}

void KeyActions::updateForMany(const Member &member, const QVector<ApiKey> &selection, qint64 nowMs)
{
    const QString single = tr("Select a single key.");
    for (QAction *action : {m_edit, m_regenerate, m_endGrace, m_duplicate, m_copyId})
        setAllowed(action, false, action->property("baseToolTip").toString(), single);
    // Activate only when every selected key is inactive; otherwise Deactivate stops the others.
    setToggleActivates(std::all_of(selection.cbegin(), selection.cend(), [](const ApiKey &key) {
        return key.state == KeyState::Inactive;
    }));
    const int count = int(selection.size());
    const auto bulk = [&](QAction *action, BulkKeyAction bulkAction, const QString &toolTip) {
        QString firstRefusal;
        bool anyChanges = false;
        for (const ApiKey &key : selection) {
            const BulkKeyVerdict verdict =
                BulkKeyRules::verdictBeforeDate(member, key, bulkAction, nowMs);
            if (verdict.kind == BulkKeyVerdict::Kind::Change) {
                anyChanges = true;
                break;
            }
            if (verdict.kind == BulkKeyVerdict::Kind::Refused && firstRefusal.isEmpty())
                firstRefusal = verdict.reason;
        }
        setAllowed(action, anyChanges, toolTip,
                   firstRefusal.isEmpty() ? tr("Nothing to change in the selected keys.")
                                          : firstRefusal);
    };
    bulk(m_toggleActive, m_toggleActivates ? BulkKeyAction::Activate : BulkKeyAction::Deactivate,
         m_toggleActivates
             ? tr("Let the %n selected keys work again", nullptr, count)
             : tr("Stop the %n selected keys until they are activated again", nullptr, count));
    bulk(m_revoke, BulkKeyAction::Revoke,
         tr("Stop the %n selected keys permanently; their history is kept", nullptr, count));
    bulk(m_remove, BulkKeyAction::Delete,
         tr("Remove the %n selected keys; the audit log keeps their history", nullptr, count));
    bulk(m_shortenExpiry, BulkKeyAction::ShortenExpiry,
         tr("Make the %n selected keys expire sooner (never later)", nullptr, count));
    setAllowed(
        m_exportSelected, true,
        tr("Save the %n selected keys' details as CSV or JSON (never a secret)", nullptr, count),
        QString());
}

} // namespace Keyward
