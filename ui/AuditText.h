#pragma once

#include "core/AuditEvent.h"

#include <QCoreApplication>
#include <QString>

namespace Keyward {

// Audit rows as people read them: the action code ("key.revoke") as a phrase and the JSON
// details as a sentence. Unknown actions and fields are shown as they are, never dropped.
class AuditText
{
    Q_DECLARE_TR_FUNCTIONS(AuditText)
public:
    static QString action(const QString &code);
    static QString details(const AuditEvent &event);
    // The key's name as recorded in the row (keys can be renamed or deleted later).
    static QString keyName(const AuditEvent &event);
};

} // namespace Keyward
