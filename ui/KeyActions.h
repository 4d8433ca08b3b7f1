#pragma once

#include "core/ApiKey.h"
#include "core/BulkKeyChange.h"
#include "core/Member.h"

#include <QList>
#include <QObject>

#include <optional>

class QAction;

namespace Keyward {

// The key actions of the toolbar, the Keys menu and the table's context menu. Enabled from the
// selection and the member's role by asking Permissions; a disabled action's tooltip says why.
class KeyActions : public QObject
{
    Q_OBJECT
public:
    explicit KeyActions(QObject *parent = nullptr);

    QAction *generate() const { return m_generate; }
    QAction *edit() const { return m_edit; }
    QAction *regenerate() const { return m_regenerate; }
    // Generate prefilled with the selected key's configuration (KeyCommands::duplicate).
    QAction *duplicate() const { return m_duplicate; }
    // "Deactivate" for an active key, "Activate" for an inactive one.
    QAction *toggleActive() const { return m_toggleActive; }
    QAction *revoke() const { return m_revoke; }
    // The previous secret of a regenerated key stops now (KeyCommands::endGracePeriod).
    QAction *endGracePeriod() const { return m_endGrace; }
    QAction *remove() const { return m_remove; }
    QAction *copyId() const { return m_copyId; }
    // On one key or many (ui/BulkKeyCommands).
    QAction *shortenExpiry() const { return m_shortenExpiry; }
    QAction *exportSelected() const { return m_exportSelected; }

    // Actions on the selected key, in menu order (nullptr marks a separator).
    QList<QAction *> keyActions() const;
    // True when toggleActive() would activate the selected key.
    bool toggleActivates() const { return m_toggleActivates; }

    // tamperedProblem: why the selected key's signature does not hold (empty: it holds). A
    // tampered key may only be revoked or deleted: anything else would sign what an attacker
    // wrote, or build on it.
    // nowMs: whether a previous secret is still in its grace period.
    void update(const std::optional<Member> &member, const ApiKey *selected,
                const QString &tamperedProblem = QString(), qint64 nowMs = 0);
    // The same for the table's whole selection. With several keys selected, the actions on one
    // key are off ("Select a single key") and Deactivate/Activate, Revoke, Delete, Shorten
    // Expiry and Export Selected apply to all of them, enabled while at least one would change.
    void updateForSelection(const std::optional<Member> &member, const QVector<ApiKey> &selection,
                            const QString &tamperedProblem, qint64 nowMs);

private:
    QAction *makeAction(const QString &objectName, const QString &icon, const QString &text,
                        const QKeySequence &shortcut, const QString &toolTip);
    void setAllowed(QAction *action, bool allowed, const QString &toolTip, const QString &why);
    void updateForMany(const Member &member, const QVector<ApiKey> &selection, qint64 nowMs);
    void setToggleActivates(bool activates);

    QAction *m_generate = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_regenerate = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_toggleActive = nullptr;
    QAction *m_revoke = nullptr;
    QAction *m_endGrace = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_copyId = nullptr;
    QAction *m_shortenExpiry = nullptr;
    QAction *m_exportSelected = nullptr;
    bool m_toggleActivates = false;
};

} // namespace Keyward
