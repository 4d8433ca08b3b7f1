#pragma once

#include "core/ApiKey.h"
#include "core/BulkKeyChange.h"

#include <QObject>
#include <QPointer>
#include <QVector>

#include <functional>
#include <optional>

class QWidget;

namespace Keyward {

class Clock;
class KeyStore;

// The key table's actions on many keys (issue 16 §3): one confirmation that lists them
// (BulkConfirmDialog), one store change (KeyStore::changeKeys), and a report of any key that
// was refused while the others went through; and Export Selected as CSV or JSON.
class BulkKeyCommands : public QObject
{
    Q_OBJECT
public:
    // Asks where to save an export (suggested: a full path); empty means cancelled. The default
    // asks with QFileDialog; tests answer without a dialog.
    using FileChooser = std::function<QString(const QString &suggested)>;

    BulkKeyCommands(KeyStore &store, const Clock &clock, QWidget *dialogParent,
                    QObject *parent = nullptr);

    void setFileChooser(FileChooser chooser) { m_chooser = std::move(chooser); }

    // True when the store changed. suggestedExpiryMs: ShortenExpiry's first date (default: a
    // week from today).
    bool apply(BulkKeyAction action, const QVector<ApiKey> &keys,
               std::optional<qint64> suggestedExpiryMs = std::nullopt);
    // Metadata only; the file's extension (.csv or .json) picks the format.
    bool exportKeys(const QVector<ApiKey> &keys);

Q_SIGNALS:
    void message(const QString &text);
    void failed(const QString &text);

private:
    QString chooseExportFile(const QString &suggested);

    KeyStore &m_store;
    const Clock &m_clock;
    QPointer<QWidget> m_dialogParent;
    FileChooser m_chooser;
};

} // namespace Keyward
