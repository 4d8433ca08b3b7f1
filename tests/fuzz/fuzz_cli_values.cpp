// Every value a person types on a command line (keywardctl's and keyward-verifyd's): the first
// byte picks the parser, the rest is the text. Each parser must refuse or accept without harm,
// and what it accepts must survive its own round trip.
#include "FuzzSupport.h"
#include "cli/ValueParser.h"
#include "core/Clock.h"
#include "core/Environment.h"
#include "core/ExpiryPolicy.h"
#include "core/IpAllowlist.h"
#include "core/RateLimit.h"
#include "core/Role.h"
#include "server/IniFile.h"
#include "server/ServerConfig.h"

#include <QHostAddress>

using namespace Keyward;

namespace {

void positiveInteger(const QString &text)
{
    if (const auto value = Cli::ValueParser::positiveInteger(text))
        FUZZ_CHECK(*value >= 1);
}

void duration(const QString &text)
{
    if (const auto ms = Cli::ValueParser::duration(text))
        FUZZ_CHECK(*ms >= 0 && *ms <= 366 * kDayMs);
}

void expiry(const QString &text)
{
    const auto policy = ExpiryPolicy::parse(text);
    if (!policy)
        return;
    const qint64 now = 1'800'000'000'000;
    const std::optional<qint64> at = policy->expiresAtMs(now);
    FUZZ_CHECK(policy->isNever() == !at.has_value());
    if (!policy->isNever() && !policy->date().isValid())
        FUZZ_CHECK(*at > now && *at <= now + 3660 * kDayMs);
    policy->expiresAtMs(now, Qt::LocalTime);
}

void rateLimit(const QString &text)
{
    const auto limit = RateLimit::parse(text);
    if (!limit)
        return;
    FUZZ_CHECK(limit->count >= 0);
    FUZZ_CHECK(limit->periodMs() > 0);
    const auto again = RateLimit::parse(limit->toCode());
    FUZZ_CHECK(again && *again == *limit);
}

void ipList(const QString &text, const QHostAddress &probe)
{
    const auto list = IpAllowlist::parseText(text);
    if (!list) {
        FUZZ_CHECK(!list.errorMessage().isEmpty());
        return;
    }
    FUZZ_CHECK(list->size() <= IpAllowlist::kMaxEntries);
    // The stored form reads back as the same list with the same verdicts, and normalised text
    // parses to itself.
    const IpAllowlist stored = IpAllowlist::fromStored(list->toStored());
    FUZZ_CHECK(stored == *list);
    const auto retyped = IpAllowlist::parseText(list->toDisplay());
    FUZZ_CHECK(retyped && *retyped == *list);
    FUZZ_CHECK(stored.allows(probe) == list->allows(probe));
    for (const QString &entry : list->entries()) {
        // A single address (no prefix) is allowed by its own list.
        if (!entry.contains(QLatin1Char('/')))
            FUZZ_CHECK(list->allows(QHostAddress(entry)));
    }
    FUZZ_CHECK(!list->allows(QHostAddress()) || list->isEmpty());
}

void codes(const QString &text)
{
    if (const auto env = environmentFromCode(text))
        FUZZ_CHECK(environmentFromCode(environmentCode(*env)) == env);
    if (const auto role = roleFromCode(text))
        FUZZ_CHECK(roleFromCode(roleCode(*role)) == role);
}

void listen(const QString &text)
{
    Verifyd::ServerConfig config;
    if (Verifyd::ServerConfigLoader::parseListen(text, config))
        FUZZ_CHECK(!config.listenAddress.isNull());
}

void subnets(const QString &text, const QHostAddress &probe)
{
    const auto parsed = Verifyd::ServerConfigLoader::parseSubnets(text);
    if (!parsed)
        return;
    Verifyd::ServerConfig config;
    config.trustedProxies = *parsed;
    config.isTrustedProxy(probe);
}

// keyward-verifyd's configuration file: an error or keys that read back as the file gave them.
void ini(const QByteArray &bytes)
{
    const auto parsed = Verifyd::IniFile::parse(bytes, QStringLiteral("fuzz.conf"));
    if (!parsed) {
        FUZZ_CHECK(parsed.errorMessage().startsWith(QLatin1String("fuzz.conf")));
        return;
    }
    FUZZ_CHECK(parsed->keys().size()
               == qsizetype(QSet<QString>(parsed->keys().cbegin(), parsed->keys().cend()).size()));
    for (const QString &key : parsed->keys()) {
        FUZZ_CHECK(parsed->contains(key) && !parsed->value(key).isNull());
        FUZZ_CHECK(!key.isEmpty() && !key.endsWith(QLatin1Char('/')));
        // A value is one line of text: no line end or other control character gets into it.
        for (const QChar c : parsed->value(key))
            FUZZ_CHECK(c.unicode() >= 0x20 || c == QLatin1Char('\t'));
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Keyward::Fuzz::ensureApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QString text = Keyward::Fuzz::utf8(data + 1, size - 1);
    // An address to test lists against: the text's first word, or a fixed one.
    QHostAddress probe(text.section(QLatin1Char(' '), 0, 0));
    if (probe.isNull())
        probe = QHostAddress(QStringLiteral("10.1.2.3"));
    switch (data[0] % 9) {
    case 0:
        positiveInteger(text);
        break;
    case 1:
        duration(text);
        break;
    case 2:
        expiry(text);
        break;
    case 3:
        rateLimit(text);
        break;
    case 4:
        ipList(text, probe);
        break;
    case 5:
        codes(text);
        break;
    case 6:
        listen(text);
        break;
    case 7:
        subnets(text, probe);
        break;
    case 8:
        ini(QByteArray(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)));
        break;
    }
    return 0;
}
