#include "KeyCreateCommand.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "KeyPresenter.h"
#include "TextFormat.h"
#include "ValueParser.h"
#include "core/Clock.h"
#include "core/DisplayNames.h"
#include "store/SqlKeyStore.h"

namespace Keyward::Cli {

namespace {

const QString kName = QStringLiteral("name");
const QString kEnv = QStringLiteral("env");
const QString kRole = QStringLiteral("role");
const QString kGrant = QStringLiteral("grant");
const QString kExpires = QStringLiteral("expires");
const QString kRateLimit = QStringLiteral("rate-limit");
const QString kUsageLimit = QStringLiteral("usage-limit");
const QString kCustomer = QStringLiteral("customer");
const QString kNotes = QStringLiteral("notes");
const QString kAllowIp = QStringLiteral("allow-ip");

// "--grant a --grant b" and "--grant a,b" both work.
QStringList splitGrants(const QStringList &values)
{
    QStringList grants;
    for (const QString &value : values) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            grants.append(part.trimmed());
    }
    return grants;
}

// The store binds a null QString as SQL NULL; notes and customer are NOT NULL columns.
QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace

ExitCode KeyCreateCommand::run(CommandContext &context)
{
    CommandParser parser(
        context,
        QStringLiteral("--name NAME --env live|stg|dev --role ROLE [--grant G]... "
                       "[--expires 90d|DATE|never] [--rate-limit 100/min] [--usage-limit N] "
                       "[--customer ID] [--allow-ip ADDR[/BITS]]... [--notes TEXT]"),
        tr("Creates a key and prints its token on stdout, once: it cannot be shown again, only "
           "regenerated. With --json, prints {\"id\":...,\"token\":...}."));
    parser.addValueOption(kName, tr("NAME"), tr("What the key is for."));
    parser.addValueOption(kEnv, tr("ENV"), tr("live (Production), stg (Staging) or dev."));
    parser.addValueOption(kRole, tr("ROLE"),
                          tr("owner, admin, developer or viewer; not above your own role."));
    parser.addValueOption(kGrant, tr("GRANT"),
                          tr("A grant of the role, e.g. customers:read; repeat for more "
                             "(default: all of the role's grants)."));
    parser.addValueOption(kExpires, tr("WHEN"),
                          tr("90d, 7d, ..., a date such as 2027-01-31, or never (default: 90d)."));
    parser.addValueOption(kRateLimit, tr("RATE"),
                          tr("e.g. 100/min, 5/s, 1000/hour (default: none). Holds across "
                             "every verifier on the vault or database, not per process."));
    parser.addValueOption(kUsageLimit, tr("N"),
                          tr("Total requests allowed, across every verifier (default: "
                             "unlimited)."));
    parser.addValueOption(kCustomer, tr("ID"),
                          tr("Customer the key is scoped to: a request naming another customer "
                             "is refused (exact match; case counts)."));
    parser.addValueOption(kAllowIp, tr("ADDR"),
                          tr("An IPv4 or IPv6 address or CIDR range the key may be used from, "
                             "e.g. 10.0.0.0/8; repeat or separate with commas for more "
                             "(default: any address)."));
    parser.addValueOption(kNotes, tr("TEXT"), tr("Free-form notes."));
    if (auto done = parser.parse(0, 0))
        return *done;

    for (const QString &required : {kName, kEnv, kRole}) {
        if (!parser.isSet(required))
            return parser.usageError(tr("--%1 is required.").arg(required));
    }
    NewKeyRequest request;
    request.name = parser.value(kName);
    request.notes = nonNull(parser.value(kNotes));
    request.customer = nonNull(parser.value(kCustomer));
    if (parser.isSet(kAllowIp)) {
        auto allowed = IpAllowlist::parseText(parser.values(kAllowIp).join(QLatin1Char(',')));
        if (!allowed)
            return parser.usageError(allowed.errorMessage());
        if (allowed->isEmpty())
            return parser.usageError(tr("--allow-ip needs an address or range."));
        request.allowedIps = *allowed;
    }
    const std::optional<Environment> env = environmentFromCode(parser.value(kEnv));
    if (!env)
        return parser.usageError(
            tr("Unknown environment \"%1\"; use live, stg or dev.").arg(parser.value(kEnv)));
    request.environment = *env;
    const std::optional<Role> role = roleFromCode(parser.value(kRole));
    if (!role)
        return parser.usageError(tr("Unknown role \"%1\"; use owner, admin, developer or viewer.")
                                     .arg(parser.value(kRole)));
    request.role = *role;
    const QString expiresText =
        parser.isSet(kExpires) ? parser.value(kExpires) : QStringLiteral("90d");
    const std::optional<ExpiryPolicy> expiry = parser.expiryValue(kExpires, expiresText);
    if (!expiry)
        return ExitCode::Usage;
    request.expiresAtMs = expiry->expiresAtMs(context.clock().nowMs());
    if (parser.isSet(kRateLimit)) {
        const std::optional<RateLimit> rate = RateLimit::parse(parser.value(kRateLimit));
        if (!rate)
            return parser.usageError(tr("Cannot read the rate limit \"%1\"; use e.g. 100/min.")
                                         .arg(parser.value(kRateLimit)));
        request.rateLimit = *rate;
    }
    if (parser.isSet(kUsageLimit)) {
        request.usageLimit = ValueParser::positiveInteger(parser.value(kUsageLimit));
        if (!request.usageLimit)
            return parser.usageError(tr("The usage limit must be a whole number of at least 1."));
    }

    SqlKeyStore *store = context.signIn();
    if (!store)
        return context.failure();
    request.grants = parser.isSet(kGrant) ? splitGrants(parser.values(kGrant))
                                          : store->grantCatalogue().roleGrants(request.role);
    auto issued = store->createKey(request);
    if (!issued)
        return context.fail(issued.error());

    Output &output = context.output();
    const bool shown = output.isJson() ? output.printTokenJson(issued->key.id, issued->token)
                                       : output.printToken(issued->token);
    issued->token.clear();
    // The key is stored but nobody has its token: regenerating it costs nothing.
    if (!shown)
        return context.fail(ExitCode::VaultError,
                            tr("Key %1 was created, but its token could not be written to stdout, "
                               "so nobody has it. Give it a new one with \"keywardctl key "
                               "regenerate %2\", or delete it.")
                                .arg(KeyPresenter::reference(issued->key))
                                .arg(issued->key.id));
    output.message(tr("Created key %1 for %2, expiring %3. This is the only time its token is "
                      "shown: store it now.")
                       .arg(KeyPresenter::reference(issued->key),
                            DisplayNames::environment(issued->key.environment),
                            TextFormat::humanExpiryOr(issued->key.expiresAtMs, tr("never"))));
    return ExitCode::Success;
}

} // namespace Keyward::Cli
