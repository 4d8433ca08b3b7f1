#include "Role.h"

namespace Keyward {

QString roleCode(Role role)
{
    switch (role) {
    case Role::Owner:
        return QStringLiteral("owner");
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Developer:
        return QStringLiteral("developer");
    case Role::Viewer:
        return QStringLiteral("viewer");
    }
    return {};
}

std::optional<Role> roleFromCode(const QString &code)
{
    const QString c = code.trimmed().toLower();
    for (Role role : kAllRoles) {
        if (roleCode(role) == c)
            return role;
    }
    return std::nullopt;
}

std::optional<Role> roleFromInt(int value)
{
    if (value < 0 || value > 3)
        return std::nullopt;
    return static_cast<Role>(value);
}

} // namespace Keyward
