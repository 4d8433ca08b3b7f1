#pragma once

#include "SingleDialog.h"
#include "core/ApiKey.h"
#include "core/BulkKeyChange.h"

#include <QObject>
#include <QPointer>
#include <QVector>

#include <functional>
#include <optional>

class QWidget;

namespace Keyward {

class BulkConfirmDialog;
class Clock;
class KeyStore;

// The key table's actions on many keys (issue 16 §3): one confirmation that lists them
// (BulkConfirmDialog), one store change (KeyStore::changeKeys), and a report of any key that
// was refused while the others went through; and Export Selected as CSV or JSON.
//
// The confirmation is opened with open(), not exec(): window-modal, with no event loop of its
// own, so apply() returns while it is open and the change follows from its finished() signal.
class BulkKeyCommands : public QObject
{
    Q_OBJECT
public:
    // Asks where to save an export (suggested: a full path); empty means cancelled. The default
    // asks with QFileDialog; tests answer without a dialog.
    using FileChooser = std::function<QString(const QString &suggested)>;

    BulkKeyCommands(KeyStore &store, const Clock &clock, QWidget *dialogParent,
                    QObject *parent = nullptr);
    // Closes a confirmation still open: nothing changes (the store may be going away).
    ~BulkKeyCommands() override;

    void setFileChooser(FileChooser chooser) { m_chooser = std::move(chooser); }

    // Opens the confirmation and returns; the store changes when it is confirmed. What is
    // refused before any dialog (nobody signed in, no key would change) is reported at once.
    // Either way finished() follows. suggestedExpiryMs: ShortenExpiry's first date (default: a
    // week from today). A second call while a confirmation is open raises that one.
    void apply(BulkKeyAction action, const QVector<ApiKey> &keys,
               std::optional<qint64> suggestedExpiryMs = std::nullopt);
    // The confirmation apply() opened, while it is open.
    BulkConfirmDialog *openConfirmation() const;
    // Metadata only; the file's extension (.csv or .json) picks the format.
    bool exportKeys(const QVector<ApiKey> &keys);

Q_SIGNALS:
    void message(const QString &text);
    void failed(const QString &text);
    // apply()'s flow ended; changed: the store changed.
    void finished(bool changed);

private:
    // The confirmed change and its report; true when the store changed.
    bool commit(BulkKeyAction action, const QVector<ApiKey> &keys,
                std::optional<qint64> expiresAtMs);
    QString chooseExportFile(const QString &suggested);

    KeyStore &m_store;
    const Clock &m_clock;
    QPointer<QWidget> m_dialogParent;
    SingleDialog<BulkConfirmDialog> m_confirmation;
    FileChooser m_chooser;
};

} // namespace Keyward
