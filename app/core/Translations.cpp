#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <atomic>

namespace Keyward {

namespace {

std::atomic<int> g_generation {0};

bool installTranslator(QCoreApplication &app, const QLocale &locale, const QString &name,
                       const QString &directory)
{
    auto *translator = new QTranslator(&app);
    if (translator->load(locale, name, QStringLiteral("_"), directory)) {
        app.installTranslator(translator);
        return true;
    }
    delete translator;
    return false;
}

} // namespace

QString Translations::install(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);

    // Qt's own words (Cancel, Close, Yes, "Del" in shortcuts) come from Qt's catalogue, which
    // Debian ships in qt6-translations-l10n (scripts/setup.sh installs it).
    installTranslator(app, locale, QStringLiteral("qtbase"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    const QString i18n = QStringLiteral(":/i18n");
    // English first: it carries the plural forms ("1 day", "3 days") of the source strings, and
    // stays underneath as the fallback for anything another language has not translated yet.
    installTranslator(app, QLocale(QLocale::English), QStringLiteral("keyward"), i18n);
    if (locale.language() != QLocale::English)
        installTranslator(app, locale, QStringLiteral("keyward"), i18n);
    g_generation.fetch_add(1, std::memory_order_release);
    return locale.name();
}

int Translations::generation()
{
    return g_generation.load(std::memory_order_acquire);
}

} // namespace Keyward
