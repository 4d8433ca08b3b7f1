#include "HygieneActions.h"

#include "BulkKeyCommands.h"
#include "HygieneDismissDialog.h"
#include "KeyCommands.h"
#include "MessageBox.h"
#include "core/Clock.h"
#include "store/KeyStore.h"

#include <QDialog>
#include <utility>

namespace Keyward {

namespace {

constexpr qint64 kFixExpiryMs = 90 * kDayMs; // "Set an expiry (90 days)"

QString quoted(const QString &name)
{
    return HygieneActions::tr("“%1”").arg(name);
}

} // namespace

HygieneActions::HygieneActions(const Clock &clock, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_clock(clock)
    , m_dialogParent(dialogParent)
{ }

HygieneActions::~HygieneActions() = default;

void HygieneActions::setStore(KeyStore *store, KeyCommands *commands)
{
    m_store = store;
    m_commands = commands;
    // The bulk flow holds the store: a confirmation still open for the previous one closes.
    m_bulk.reset();
    if (!store)
        return;
    m_bulk = std::make_unique<BulkKeyCommands>(*store, m_clock, m_dialogParent);
    connect(m_bulk.get(), &BulkKeyCommands::message, this, &HygieneActions::message);
    connect(m_bulk.get(), &BulkKeyCommands::failed, this, &HygieneActions::message);
    connect(m_bulk.get(), &BulkKeyCommands::finished, this, [this] {
        reportRefusals(tr("Fix Findings"), std::exchange(m_missing, {}));
        Q_EMIT finished();
    });
}

void HygieneActions::fix(const QVector<HygieneFinding> &selected)
{
    if (selected.isEmpty() || !m_store)
        return;
    const HygieneFinding::Fix fix = selected.constFirst().fix;
    QVector<qint64> keyIds;
    for (const HygieneFinding &finding : selected) {
        if (finding.fix != fix) {
            Q_EMIT message(tr("Select findings with the same fix to fix them together."));
            return;
        }
        if (!keyIds.contains(finding.keyId))
            keyIds.append(finding.keyId);
    }
    if (fix == HygieneFinding::Fix::EndGracePeriodLater) {
        Q_EMIT message(tr("No change in the vault fixes this: ask the integration to switch to "
                          "the new secret, or dismiss the finding."));
        return;
    }
    // One key: the key table's own flow, with its confirmation and impact. Setting an expiry
    // is the page's one-click fix (the edit dialog would ask for the date).
    if (keyIds.size() == 1 && m_commands && fix != HygieneFinding::Fix::SetExpiry) {
        auto key = m_store->key(keyIds.constFirst());
        if (!key) {
            Q_EMIT message(key.errorMessage());
            return;
        }
        if (QDialog *open = m_commands->openDialog()) {
            open->raise(); // a flow is under way: it finishes first
            return;
        }
        // The flow ends when its last dialog closes, not when it starts.
        const auto whenDone = [this] {
            connect(m_commands, &KeyCommands::finished, this, &HygieneActions::finished,
                    Qt::SingleShotConnection);
        };
        switch (fix) {
        case HygieneFinding::Fix::Deactivate:
            whenDone();
            m_commands->setActive(*key, false);
            break;
        case HygieneFinding::Fix::Regenerate:
            whenDone();
            m_commands->regenerate(*key);
            break;
        case HygieneFinding::Fix::Revoke:
            whenDone();
            m_commands->revoke(*key);
            break;
        default:
            break;
        }
        return;
    }
    if (fix == HygieneFinding::Fix::Regenerate) {
        MessageBox::information(m_dialogParent, tr("Regenerate Keys"),
                                tr("Regenerate one key at a time: each new secret is shown once, "
                                   "to be handed to its integration."));
        return;
    }
    fixMany(fix, keyIds);
}

void HygieneActions::fixMany(HygieneFinding::Fix fix, const QVector<qint64> &keyIds)
{
    if (fix != HygieneFinding::Fix::Deactivate && fix != HygieneFinding::Fix::Revoke
        && fix != HygieneFinding::Fix::SetExpiry)
        return;
    // Fresh from the store: versions the table read may be stale by now.
    QVector<ApiKey> keys;
    QStringList missing;
    for (qint64 id : keyIds) {
        auto key = m_store->key(id);
        if (key)
            keys.append(*key);
        else
            missing.append(tr("Key %1: %2").arg(id).arg(key.errorMessage()));
    }
    const BulkKeyAction action = fix == HygieneFinding::Fix::Deactivate ? BulkKeyAction::Deactivate
        : fix == HygieneFinding::Fix::Revoke                            ? BulkKeyAction::Revoke
                                             : BulkKeyAction::ShortenExpiry;
    // The key table's own flow: one confirmation that lists the keys (and those left out, with
    // why), the Production count typed when Production keys would stop, one transaction, and a
    // report of the keys refused while the others went through.
    // The keys that could not be read are reported when the flow ends.
    if (!keys.isEmpty() && m_bulk) {
        m_missing = missing;
        const std::optional<qint64> expiry = action == BulkKeyAction::ShortenExpiry
            ? std::optional<qint64>(m_clock.nowMs() + kFixExpiryMs)
            : std::nullopt;
        m_bulk->apply(action, keys, expiry);
        return;
    }
    reportRefusals(tr("Fix Findings"), missing);
    Q_EMIT finished();
}

void HygieneActions::reportRefusals(const QString &title, const QStringList &refusals)
{
    if (refusals.isEmpty())
        return;
    MessageBox::warning(
        m_dialogParent, title,
        tr("These keys were left as they were:\n\n%1").arg(refusals.join(QLatin1Char('\n'))));
}

void HygieneActions::dismiss(const QVector<HygieneFinding> &findings)
{
    QVector<HygieneFinding> open;
    for (const HygieneFinding &finding : findings) {
        if (!finding.dismissed)
            open.append(finding);
    }
    if (open.isEmpty() || !m_store)
        return;
    QStringList listed;
    for (const HygieneFinding &finding : std::as_const(open))
        listed.append(
            tr("%1: %2").arg(quoted(finding.keyName), HygieneFinding::describeKind(finding.kind)));
    auto *dialog = new HygieneDismissDialog(listed, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, open] {
        const QString reason = dialog->reason();
        QStringList refusals;
        int done = 0;
        const KeyStore::ChangeBatch oneChange(*m_store);
        for (const HygieneFinding &finding : open) {
            if (auto dismissed = m_store->dismissFinding(finding.keyId, finding.kind, reason))
                ++done;
            else
                refusals.append(
                    tr("%1: %2").arg(quoted(finding.keyName), dismissed.errorMessage()));
        }
        Q_EMIT message(tr("%n finding(s) dismissed.", nullptr, done));
        reportRefusals(tr("Dismiss Findings"), refusals);
        Q_EMIT finished();
    });
    dialog->open();
}

void HygieneActions::restore(const QVector<HygieneFinding> &findings)
{
    if (!m_store)
        return;
    QStringList refusals;
    int done = 0;
    const KeyStore::ChangeBatch oneChange(*m_store);
    for (const HygieneFinding &finding : findings) {
        if (!finding.dismissed)
            continue;
        if (auto restored = m_store->restoreFinding(finding.keyId, finding.kind))
            ++done;
        else
            refusals.append(tr("%1: %2").arg(quoted(finding.keyName), restored.errorMessage()));
    }
    Q_EMIT message(tr("%n finding(s) restored.", nullptr, done));
    reportRefusals(tr("Restore Findings"), refusals);
    Q_EMIT finished();
}

} // namespace Keyward
