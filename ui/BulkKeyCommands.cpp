#include "BulkKeyCommands.h"

#include "BulkConfirmDialog.h"
#include "MessageBox.h"
#include "core/Clock.h"
#include "store/KeyStore.h"
#include "verify/KeyExport.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QSaveFile>
#include <QStandardPaths>
#include <QWidget>

namespace Keyward {

namespace {

// Refusals listed in full up to this many; a message box is no place for a thousand lines.
constexpr int kListedRefusals = 15;

QString shortName(const QString &name)
{
    constexpr int kMaxShown = 60;
    return name.size() <= kMaxShown ? name : name.left(kMaxShown - 1) + QChar(u'…');
}

} // namespace

BulkKeyCommands::BulkKeyCommands(KeyStore &store, const Clock &clock, QWidget *dialogParent,
                                 QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_dialogParent(dialogParent)
{ }

BulkKeyCommands::~BulkKeyCommands()
{
    m_confirmation.destroy();
}

BulkConfirmDialog *BulkKeyCommands::openConfirmation() const
{
    return m_confirmation.get();
}

void BulkKeyCommands::apply(BulkKeyAction action, const QVector<ApiKey> &keys,
                            std::optional<qint64> suggestedExpiryMs)
{
    if (m_confirmation.raise())
        return;
    QWidget *parent = m_dialogParent.data();
    const std::optional<Member> member = m_store.currentMember();
    if (!member) {
        MessageBox::warning(parent, tr("Cannot Change Keys"), tr("Sign in first."));
        Q_EMIT failed(tr("Sign in first."));
        Q_EMIT finished(false);
        return;
    }
    // The core's verdict for each key before the dialog, so it lists exactly what will change.
    const qint64 now = m_clock.nowMs();
    QVector<ApiKey> changing;
    QVector<BulkConfirmDialog::LeftOut> leftOut;
    for (const ApiKey &key : keys) {
        const BulkKeyVerdict verdict = BulkKeyRules::verdictBeforeDate(*member, key, action, now);
        if (verdict.kind == BulkKeyVerdict::Kind::Change)
            changing.append(key);
        else
            leftOut.append({key, verdict.reason});
    }
    if (changing.isEmpty()) {
        QStringList reasons;
        for (const auto &[key, why] : std::as_const(leftOut).mid(0, kListedRefusals))
            reasons.append(tr("“%1”: %2").arg(shortName(key.name), why));
        const QString text = tr("None of the selected keys would change.") + QStringLiteral("\n\n")
            + reasons.join(QLatin1Char('\n'));
        MessageBox::information(parent, tr("Nothing to Change"), text);
        Q_EMIT failed(tr("None of the selected keys would change."));
        Q_EMIT finished(false);
        return;
    }

    auto *dialog = new BulkConfirmDialog(action, changing, leftOut, m_clock, parent);
    if (suggestedExpiryMs)
        dialog->suggestExpiry(*suggestedExpiryMs);
    m_confirmation.open(dialog, this, [this, dialog, action, changing](int result) {
        Q_EMIT finished(result == QDialog::Accepted
                        && commit(action, changing, dialog->expiresAtMs()));
    });
}

bool BulkKeyCommands::commit(BulkKeyAction action, const QVector<ApiKey> &changing,
                             std::optional<qint64> expiresAtMs)
{
    QWidget *parent = m_dialogParent.data();
    auto done = m_store.changeKeys(BulkKeyChange::of(action, changing, expiresAtMs));
    if (!done) {
        MessageBox::warning(parent, tr("Cannot Change Keys"), done.errorMessage());
        Q_EMIT failed(done.errorMessage());
        return false;
    }
    const int changed = int(done->changed.size());
    if (done->refused.isEmpty()) {
        Q_EMIT message(BulkKeyRules::doneText(action, changed));
        return changed > 0;
    }
    QStringList lines;
    for (const BulkKeyRefusal &refusal : std::as_const(done->refused).mid(0, kListedRefusals))
        lines.append(tr("“%1”: %2").arg(shortName(refusal.keyName), refusal.reason));
    const int more = int(done->refused.size()) - kListedRefusals;
    if (more > 0)
        lines.append(tr("… and %n more.", nullptr, more));
    const QString text = BulkKeyRules::doneText(action, changed) + QLatin1Char(' ')
        + tr("%n key(s) were not changed:", nullptr, int(done->refused.size()))
        + QStringLiteral("\n\n") + lines.join(QLatin1Char('\n'));
    MessageBox::warning(parent, tr("Some Keys Were Not Changed"), text);
    Q_EMIT failed(BulkKeyRules::doneText(action, changed) + QLatin1Char(' ')
                  + tr("%n key(s) were not changed.", nullptr, int(done->refused.size())));
    return changed > 0;
}

bool BulkKeyCommands::exportKeys(const QVector<ApiKey> &keys)
{
    QWidget *parent = m_dialogParent.data();
    if (keys.isEmpty())
        return false;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(folder.isEmpty() ? QDir::homePath() : folder)
                                  .filePath(QStringLiteral("keyward-keys-%1.csv")
                                                .arg(QDateTime::fromMSecsSinceEpoch(m_clock.nowMs())
                                                         .toString(QStringLiteral("yyyyMMdd"))));
    const QString path = chooseExportFile(suggested);
    if (path.isEmpty())
        return false;
    const KeyExport::Format format = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
        ? KeyExport::Format::Json
        : KeyExport::Format::Csv;
    const QByteArray bytes = KeyExport::write(format, keys, m_clock.nowMs());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        const QString text = tr("Cannot write “%1”: %2").arg(path, file.errorString());
        MessageBox::warning(parent, tr("Cannot Export Keys"), text);
        Q_EMIT failed(text);
        return false;
    }
    Q_EMIT message(tr("Exported %n key(s) to %1.", nullptr, int(keys.size()))
                       .arg(QDir::toNativeSeparators(path)));
    return true;
}

QString BulkKeyCommands::chooseExportFile(const QString &suggested)
{
    if (m_chooser)
        return m_chooser(suggested);
    QString filter = tr("CSV files (*.csv)");
    QString path = QFileDialog::getSaveFileName(
        m_dialogParent.data(), tr("Export Selected Keys"), suggested,
        tr("CSV files (*.csv)") + QStringLiteral(";;") + tr("JSON files (*.json)"), &filter);
    // A name typed without an extension gets the one of the chosen type.
    if (!path.isEmpty() && !path.contains(QLatin1Char('.')))
        path += filter.contains(QLatin1String("json")) ? QStringLiteral(".json")
                                                       : QStringLiteral(".csv");
    return path;
}

} // namespace Keyward
