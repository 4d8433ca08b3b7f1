#pragma once

#include "core/GrantCatalogue.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QSqlDatabase>

namespace Keyward {

// The rows every new vault starts with, whatever the engine: its settings (key prefix, change
// counter, engine-specific extras) and the grant catalogue. Runs inside the caller's write
// transaction.
class VaultSeed
{
    Q_DECLARE_TR_FUNCTIONS(VaultSeed)
public:
    static Result<void> write(QSqlDatabase &db, const QString &prefix,
                              const GrantCatalogue &catalogue,
                              const QList<QPair<QString, QString>> &extraSettings = {});
};

} // namespace Keyward
