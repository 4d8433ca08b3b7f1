#include "VaultSeed.h"

#include "SqlErrors.h"

#include <QSqlQuery>

namespace Keyward {

Result<void> VaultSeed::write(QSqlDatabase &db, const QString &prefix,
                              const GrantCatalogue &catalogue,
                              const QList<QPair<QString, QString>> &extraSettings)
{
    SqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO vault_meta (name, value) VALUES (?, ?)"));
    QList<QPair<QString, QString>> meta {{QStringLiteral("prefix"), prefix},
                                         {QStringLiteral("change_seq"), QStringLiteral("0")}};
    meta += extraSettings;
    for (const auto &[name, value] : meta) {
        q.addBindValue(name);
        q.addBindValue(value);
        if (!q.exec())
            return SqlErrors::fromQuery(q, tr("Cannot write the vault settings."));
    }
    int order = 0;
    q.prepare(QStringLiteral(
        "INSERT INTO grants (id, label, description, sort_order) VALUES (?, ?, ?, ?)"));
    for (const GrantInfo &grant : catalogue.grants()) {
        q.addBindValue(grant.id);
        q.addBindValue(grant.label);
        q.addBindValue(grant.description);
        q.addBindValue(order++);
        if (!q.exec())
            return SqlErrors::fromQuery(q, tr("Cannot write the grant catalogue."));
    }
    q.prepare(QStringLiteral("INSERT INTO role_grants (role, grant_id) VALUES (?, ?)"));
    for (Role role : kAllRoles) {
        for (const QString &grant : catalogue.roleGrants(role)) {
            q.addBindValue(roleToInt(role));
            q.addBindValue(grant);
            if (!q.exec())
                return SqlErrors::fromQuery(q, tr("Cannot write the grant catalogue."));
        }
    }
    return {};
}

} // namespace Keyward
