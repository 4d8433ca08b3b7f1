#pragma once

#include "Role.h"

#include <QString>

namespace Keyward {

// A person who signs in to a vault. The passphrase hash stays inside the store.
struct Member
{
    qint64 id = 0;
    QString name;
    Role role = Role::Viewer;
    qint64 createdAtMs = 0;
    qint64 version = 1;
};

} // namespace Keyward
