#pragma once

#include "Role.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVector>

namespace Keyward {

struct GrantInfo
{
    QString id; // "customers:read"
    QString label; // "Customer Read", shown to people
    QString description; // one line
};

// The vault's grants and each role's grants. A key's grants must be a subset of its role's.
class GrantCatalogue
{
    Q_DECLARE_TR_FUNCTIONS(GrantCatalogue)
public:
    // The catalogue a new vault starts with.
    static GrantCatalogue defaults();

    void addGrant(const GrantInfo &grant);
    void setRoleGrants(Role role, const QStringList &grantIds);

    const QVector<GrantInfo> &grants() const { return m_grants; }
    QStringList roleGrants(Role role) const;
    bool contains(const QString &grantId) const;
    const GrantInfo *find(const QString &grantId) const;
    // The readable label, or the id itself for an id the catalogue does not know.
    QString label(const QString &grantId) const;
    QString description(const QString &grantId) const;
    // True when every grant is known and part of the role's grants.
    bool allowedFor(Role role, const QStringList &grantIds, QString *firstOffender = nullptr) const;
    bool isEmpty() const { return m_grants.isEmpty(); }

private:
    QVector<GrantInfo> m_grants;
    QHash<int, QStringList> m_roleGrants;
};

} // namespace Keyward
