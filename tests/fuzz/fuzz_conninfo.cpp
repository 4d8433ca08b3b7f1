// PostgreSQL connection descriptions (--db, KEYWARD_DB, migrate's --from/--to, keyward-verifyd's
// db): libpq keyword=value strings and postgresql:// URIs.
#include "FuzzSupport.h"
#include "store/PgConnInfo.h"

#include <QSqlDatabase>

using Keyward::PgConnInfo;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Keyward::Fuzz::ensureApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = Keyward::Fuzz::utf8(data, size);
    const auto parsed = PgConnInfo::parse(text);
    if (!parsed) {
        FUZZ_CHECK(!parsed.errorMessage().isEmpty());
        // A message may be printed, logged or shown: it must not carry a whole string that has
        // a value in it (it may hold a password).
        const QString trimmed = text.trimmed();
        if (trimmed.size() >= 8
            && (trimmed.contains(QLatin1Char('=')) || trimmed.contains(QLatin1Char('@'))))
            FUZZ_CHECK(!parsed.errorMessage().contains(trimmed));
        return 0;
    }
    const PgConnInfo &info = *parsed;
    // Written out (as the recent-server list stores it) and read back: the same settings.
    const auto again = PgConnInfo::parse(info.toString(true));
    FUZZ_CHECK(again);
    FUZZ_CHECK(again->keywords() == info.keywords());
    for (const QString &keyword : info.keywords()) {
        FUZZ_CHECK(!info.value(keyword).isEmpty());
        FUZZ_CHECK(again->value(keyword) == info.value(keyword));
    }
    // The form for titles and logs has no password.
    const auto shown = PgConnInfo::parse(info.toString());
    FUZZ_CHECK(shown && !shown->contains(QStringLiteral("password")));
    FUZZ_CHECK(!info.displayName().isEmpty());
    const PgConnInfo withDefaults = info.withClientDefaults();
    FUZZ_CHECK(withDefaults.contains(QStringLiteral("connect_timeout")));

    static QSqlDatabase db =
        QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("fuzz"));
    (void)withDefaults.applyTo(db);
    return 0;
}
