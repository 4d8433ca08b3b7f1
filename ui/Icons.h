#pragma once

#include <QIcon>
#include <QString>

namespace Keyward {

// Icons from the desktop theme where it has a fitting one, else Keyward's own SVGs
// (embedded under :/keyward/icons), so the app looks native on Plasma and complete elsewhere.
class Icons
{
public:
    static QIcon app();
    // name is the file name in resources/icons without ".svg", e.g. "generate".
    static QIcon icon(const QString &name);
    static QString resourcePath(const QString &name);
};

} // namespace Keyward
