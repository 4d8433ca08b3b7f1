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
    // Changes with every install(), the way Keyward installs translations: what
    // CachedTranslation keeps is made again after it.
    static int generation();
};

// A translated text kept until the translations change (Translations::generation), for texts given
// with every request, such as a refusal's reason: QCoreApplication::translate costs more than
// parsing and refusing a malformed key (about 1,800 instructions a call, measured with
// callgrind). Not thread-safe: keep one per thread (thread_local where it is used).
class CachedTranslation
{
public:
    template<typename Translate>
    const QString &get(Translate translate)
    {
        const int current = Translations::generation();
        if (m_generation != current) {
            m_text = translate();
            m_generation = current;
        }
        return m_text;
    }

private:
    int m_generation = -1; // never a generation: the first get() translates
    QString m_text;
};

} // namespace Keyward
