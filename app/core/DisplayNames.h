#pragma once

#include "Environment.h"
#include "KeyStatus.h"
#include "Role.h"

#include <QCoreApplication>
#include <QString>

namespace Keyward {

// The names people read for the closed sets, translated once for the GUI and keywardctl alike
// (the command line does not link keyward_ui, so these cannot live in ui/Formatting). Codes for
// scripts and the database are beside each enum (environmentCode, roleCode).
class DisplayNames
{
    Q_DECLARE_TR_FUNCTIONS(DisplayNames)
public:
    static QString environment(Environment env); // "Production"
    static QString role(Role role); // "Developer"
    static QString status(KeyStatus status); // "Active"
};

} // namespace Keyward
