#pragma once

#include "core/ApiKey.h"
#include "core/AuditEvent.h"

#include <QScrollArea>
#include <QVector>

class QFormLayout;
class QLabel;
class QVBoxLayout;

namespace Keyward {

class Clock;
class GrantCatalogue;

// Everything about the selected key: its settings, each secret (hint, created, grace period,
// last use) and its audit history, so "who regenerated this and when" is answered in place.
class KeyDetailsPane : public QScrollArea
{
    Q_OBJECT
public:
    explicit KeyDetailsPane(const Clock &clock, QWidget *parent = nullptr);

    void showKey(const ApiKey &key, const GrantCatalogue &catalogue,
                 const QVector<AuditEvent> &history);
    void clear();
    // The key shown, or 0.
    qint64 keyId() const { return m_keyId; }
    // Plain text of every value shown, for tests and accessibility checks.
    QString text() const;

private:
    QWidget *buildContent(const ApiKey &key, const GrantCatalogue &catalogue,
                          const QVector<AuditEvent> &history);
    QWidget *buildSecret(const KeySecret &secret, bool newest);
    QWidget *buildHistory(const QVector<AuditEvent> &history);

    const Clock &m_clock;
    qint64 m_keyId = 0;
};

} // namespace Keyward
