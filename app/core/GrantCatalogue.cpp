#include "GrantCatalogue.h"

namespace Keyward {

GrantCatalogue GrantCatalogue::defaults()
{
    GrantCatalogue catalogue;
    catalogue.addGrant({QStringLiteral("licenses:read"),
                        QString::fromLatin1(QT_TRANSLATE_NOOP("GrantCatalogue", "License Read")),
                        QString::fromLatin1(QT_TRANSLATE_NOOP(
                            "GrantCatalogue", "Look up licenses and their state"))});
    catalogue.addGrant(
        {QStringLiteral("customers:read"),
         QString::fromLatin1(QT_TRANSLATE_NOOP("GrantCatalogue", "Customer Read")),
         QString::fromLatin1(QT_TRANSLATE_NOOP("GrantCatalogue", "Read customer records"))});
    catalogue.addGrant({QStringLiteral("billing:read"),
                        QString::fromLatin1(QT_TRANSLATE_NOOP("GrantCatalogue", "Billing Read")),
                        QString::fromLatin1(QT_TRANSLATE_NOOP("GrantCatalogue",
                                                              "Read invoices and billing data"))});
    catalogue.addGrant(
        {QStringLiteral("telemetry:write"),
         QString::fromLatin1(QT_TRANSLATE_NOOP("GrantCatalogue", "Telemetry Upload")),
         QString::fromLatin1(QT_TRANSLATE_NOOP("GrantCatalogue", "Send usage telemetry"))});
    catalogue.addGrant(
        {QStringLiteral("licenses:manage"),
         QString::fromLatin1(QT_TRANSLATE_NOOP("GrantCatalogue", "License Management")),
         QString::fromLatin1(
             QT_TRANSLATE_NOOP("GrantCatalogue", "Issue, renew and suspend licenses"))});
    catalogue.addGrant(
        {QStringLiteral("customers:write"),
         QString::fromLatin1(QT_TRANSLATE_NOOP("GrantCatalogue", "Customer Management")),
         QString::fromLatin1(
             QT_TRANSLATE_NOOP("GrantCatalogue", "Create and change customer records"))});
    catalogue.addGrant(
        {QStringLiteral("admin:full"),
         QString::fromLatin1(QT_TRANSLATE_NOOP("GrantCatalogue", "Full Administration")),
         QString::fromLatin1(
             QT_TRANSLATE_NOOP("GrantCatalogue", "Every operation, including account settings"))});

    const QStringList viewer {QStringLiteral("licenses:read"), QStringLiteral("customers:read"),
                              QStringLiteral("billing:read")};
    const QStringList developer =
        viewer + QStringList {QStringLiteral("telemetry:write"), QStringLiteral("licenses:manage")};
    const QStringList admin = developer + QStringList {QStringLiteral("customers:write")};
    const QStringList owner = admin + QStringList {QStringLiteral("admin:full")};
    catalogue.setRoleGrants(Role::Viewer, viewer);
    catalogue.setRoleGrants(Role::Developer, developer);
    catalogue.setRoleGrants(Role::Admin, admin);
    catalogue.setRoleGrants(Role::Owner, owner);
    return catalogue;
}

QString GrantCatalogue::description(const QString &grantId) const
{
    const GrantInfo *grant = find(grantId);
    return grant ? tr(grant->description.toUtf8().constData()) : QString();
}

void GrantCatalogue::addGrant(const GrantInfo &grant)
{
    m_grants.append(grant);
}

void GrantCatalogue::setRoleGrants(Role role, const QStringList &grantIds)
{
    m_roleGrants.insert(roleToInt(role), grantIds);
}

QStringList GrantCatalogue::roleGrants(Role role) const
{
    return m_roleGrants.value(roleToInt(role));
}

bool GrantCatalogue::contains(const QString &grantId) const
{
    return find(grantId) != nullptr;
}

const GrantInfo *GrantCatalogue::find(const QString &grantId) const
{
    for (const GrantInfo &grant : m_grants) {
        if (grant.id == grantId)
            return &grant;
    }
    return nullptr;
}

QString GrantCatalogue::label(const QString &grantId) const
{
    const GrantInfo *grant = find(grantId);
    // Labels are stored in English and translated when shown.
    return grant ? tr(grant->label.toUtf8().constData()) : grantId;
}

bool GrantCatalogue::allowedFor(Role role, const QStringList &grantIds,
                                QString *firstOffender) const
{
    const QStringList allowed = roleGrants(role);
    for (const QString &id : grantIds) {
        if (!contains(id) || !allowed.contains(id)) {
            if (firstOffender)
                *firstOffender = id;
            return false;
        }
    }
    return true;
}

} // namespace Keyward
