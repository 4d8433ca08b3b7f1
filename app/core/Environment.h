#pragma once

#include <QString>

#include <array>
#include <optional>

namespace Keyward {

enum class Environment { Production = 0, Staging = 1, Development = 2 };

constexpr std::array<Environment, 3> kAllEnvironments = {
    Environment::Production, Environment::Staging, Environment::Development};

// The code used inside tokens and on the command line: live, stg, dev.
QString environmentCode(Environment env);
std::optional<Environment> environmentFromCode(const QString &code);
// Stable integer stored in the database.
inline int environmentToInt(Environment env)
{
    return static_cast<int>(env);
}
std::optional<Environment> environmentFromInt(int value);

} // namespace Keyward
