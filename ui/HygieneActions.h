#pragma once

#include "core/HygieneReport.h"

#include <QObject>
#include <QStringList>
#include <QVector>

#include <memory>

class QWidget;

namespace Keyward {

class BulkKeyCommands;
class Clock;
class KeyCommands;
class KeyStore;

// What the hygiene page does to its findings: fix them (one key through KeyCommands, with the
// key table's confirmations; many through BulkKeyCommands' bulk confirmation), dismiss them with
// a reason, or restore dismissed ones. Refusals are listed per key; finished() after every
// attempt, so that the page checks again.
class HygieneActions : public QObject
{
    Q_OBJECT
public:
    // dialogParent: the page, for confirmations and warnings.
    HygieneActions(const Clock &clock, QWidget *dialogParent);
    ~HygieneActions() override;

    void setStore(KeyStore *store, KeyCommands *commands);

    // The findings must share one fix.
    void fix(const QVector<HygieneFinding> &findings);
    // Asks for the reason; the dismissed findings among these are skipped.
    void dismiss(const QVector<HygieneFinding> &findings);
    // The open findings among these are skipped.
    void restore(const QVector<HygieneFinding> &findings);

Q_SIGNALS:
    void message(const QString &text);
    // An action ended (done or not): the findings may differ now.
    void finished();

private:
    // One fix on many keys through BulkKeyCommands; refusals listed per key.
    void fixMany(HygieneFinding::Fix fix, const QVector<qint64> &keyIds);
    void reportRefusals(const QString &title, const QStringList &refusals);

    const Clock &m_clock;
    QWidget *m_dialogParent;
    KeyStore *m_store = nullptr;
    KeyCommands *m_commands = nullptr;
    std::unique_ptr<BulkKeyCommands> m_bulk; // with a store
    QStringList m_missing; // keys of the running bulk fix that could not be read
};

} // namespace Keyward
