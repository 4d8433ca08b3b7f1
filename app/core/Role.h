#pragma once

#include <QString>

#include <array>
#include <optional>

namespace Keyward {

// Ordered lowest to highest so that comparisons read naturally: Role::Admin > Role::Developer.
enum class Role { Viewer = 0, Developer = 1, Admin = 2, Owner = 3 };

constexpr std::array<Role, 4> kAllRoles = {Role::Owner, Role::Admin, Role::Developer, Role::Viewer};

inline bool roleAtLeast(Role role, Role minimum)
{
    return static_cast<int>(role) >= static_cast<int>(minimum);
}

// owner|admin|developer|viewer, as spelled on the command line and in JSON.
QString roleCode(Role role);
std::optional<Role> roleFromCode(const QString &code); // any case
inline int roleToInt(Role role)
{
    return static_cast<int>(role);
}
std::optional<Role> roleFromInt(int value);

} // namespace Keyward
