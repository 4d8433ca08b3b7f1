#pragma once

#include <QString>

class QCoreApplication;

namespace Keyward {

// Installs Qt's own translations and Keyward's embedded :/i18n/keyward_<lang>.qm when present.
class Translations
{
public:
    // language: "de", "pt_BR", ...; empty follows the system locale. Returns the locale used.
    static QString install(QCoreApplication &app, const QString &language);
};

} // namespace Keyward
