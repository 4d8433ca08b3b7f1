#pragma once

#include <QString>

namespace Keyward {

// The XDG autostart entry ($XDG_CONFIG_HOME/autostart/org.keyward.Keyward.desktop) that starts
// Keyward in the tray when the user logs in.
class AutostartEntry
{
public:
    static QString path();
    // True when the entry exists and is not hidden (a user may switch it off in the desktop's
    // own settings, which writes Hidden=true).
    static bool isEnabled();
    // Writes the entry for program (started with --tray), or removes it. False: it could not
    // be written or removed (read-only configuration folder).
    static bool setEnabled(bool enabled, const QString &program);
    // program as an Exec= value: quoted and escaped as the Desktop Entry spec says.
    static QString execValue(const QString &program);
};

} // namespace Keyward
