#include "DisplayNames.h"

namespace Keyward {

QString DisplayNames::environment(Environment env)
{
    switch (env) {
    case Environment::Production:
        return tr("Production");
    case Environment::Staging:
        return tr("Staging");
    case Environment::Development:
        return tr("Development");
    }
    return {};
}

QString DisplayNames::role(Role role)
{
    switch (role) {
    case Role::Owner:
        return tr("Owner");
    case Role::Admin:
        return tr("Admin");
    case Role::Developer:
        return tr("Developer");
    case Role::Viewer:
        return tr("Viewer");
    }
    return {};
}

QString DisplayNames::status(KeyStatus status)
{
    switch (status) {
    case KeyStatus::Active:
        return tr("Active");
    case KeyStatus::Inactive:
        return tr("Inactive");
    case KeyStatus::Expired:
        return tr("Expired");
    case KeyStatus::Revoked:
        return tr("Revoked");
    }
    return {};
}

} // namespace Keyward
