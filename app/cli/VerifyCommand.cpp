#include "VerifyCommand.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "Terminal.h"
#include "store/SqlKeyStore.h"
#include "verify/Verifier.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Keyward::Cli {

namespace {

const QString kEnv = QStringLiteral("env");
const QString kGrant = QStringLiteral("grant");
const QString kSource = QStringLiteral("source");

QStringList splitGrants(const QStringList &values)
{
    QStringList grants;
    for (const QString &value : values) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            grants.append(part.trimmed());
    }
    return grants;
}

} // namespace

ExitCode VerifyCommand::run(CommandContext &context)
{
    CommandParser parser(
        context, QStringLiteral("--env live|stg|dev [--grant G]... [--source S] TOKEN|-"),
        tr("Checks a key as an API would: exit 0 when it is valid (HTTP 200), 1 otherwise. "
           "\"-\" reads one token from stdin, which keeps it out of the process list. Needs no "
           "member login. With --json: {\"outcome\":...,\"http\":...,...}."));
    parser.addValueOption(kEnv, tr("ENV"), tr("The environment the request is for."));
    parser.addValueOption(kGrant, tr("GRANT"), tr("A grant the request needs; repeat for more."));
    parser.addValueOption(kSource, tr("SOURCE"),
                          tr("Who presented the key (an IP address or service name)."));
    if (auto done = parser.parse(1, 1))
        return *done;
    if (!parser.isSet(kEnv))
        return parser.usageError(tr("--env is required."));
    const std::optional<Environment> env = environmentFromCode(parser.value(kEnv));
    if (!env)
        return parser.usageError(
            tr("Unknown environment \"%1\"; use live, stg or dev.").arg(parser.value(kEnv)));

    SqlKeyStore *store = context.openStore();
    if (!store)
        return context.failure();

    SecretString token;
    const QString argument = parser.positional().constFirst();
    if (argument == QLatin1String("-")) {
        token = Terminal::readLineFromStdin();
    } else {
        QByteArray bytes = argument.toUtf8();
        token = SecretString(bytes.constData(), std::size_t(bytes.size()));
        bytes.fill('\0');
    }
    Verifier verifier(*store, context.clock());
    auto result =
        verifier.verify(token, *env, splitGrants(parser.values(kGrant)), parser.value(kSource));
    token.clear();
    if (!result)
        return context.fail(result.error());
    report(context, *result);
    return result->isValid() ? ExitCode::Success : ExitCode::Refused;
}

void VerifyCommand::report(CommandContext &context, const VerifyResult &result)
{
    Output &output = context.output();
    if (output.isJson()) {
        QJsonObject object {{QStringLiteral("outcome"), result.code()},
                            {QStringLiteral("http"), result.httpStatus()}};
        if (result.hasKey()) {
            object.insert(QStringLiteral("key_id"), double(result.keyId));
            object.insert(QStringLiteral("key_name"), result.keyName);
        }
        if (result.isValid()) {
            object.insert(QStringLiteral("grants"), QJsonArray::fromStringList(result.grants));
            object.insert(QStringLiteral("customer"), result.customer);
            object.insert(QStringLiteral("environment"), environmentCode(result.environment));
        } else {
            object.insert(QStringLiteral("reason"), result.reason);
            if (!result.missingGrants.isEmpty())
                object.insert(QStringLiteral("missing_grants"),
                              QJsonArray::fromStringList(result.missingGrants));
        }
        output.printJson(object);
        return;
    }
    if (result.isValid()) {
        output.print(tr("%1 (%2): key %3 \"%4\", grants %5")
                         .arg(result.code())
                         .arg(result.httpStatus())
                         .arg(result.keyId)
                         .arg(result.keyName, result.grants.join(QStringLiteral(", "))));
    } else {
        output.print(
            tr("%1 (%2): %3").arg(result.code()).arg(result.httpStatus()).arg(result.reason));
    }
}

} // namespace Keyward::Cli
