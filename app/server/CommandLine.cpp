#include "CommandLine.h"

#include "store/VaultFile.h"

#include <QCommandLineParser>

#include <cstdio>

namespace Keyward::Verifyd {

Result<CommandLine> CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Verifies API keys over HTTP for API gateways (forward auth) and services (JSON)."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version."));
    const QCommandLineOption config(QStringLiteral("config"), tr("The configuration file (INI)."),
                                    tr("FILE"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    tr("Where to listen: ADDRESS:PORT (default 127.0.0.1:8087)."),
                                    tr("ADDRESS:PORT"));
    const QCommandLineOption vault(QStringLiteral("vault"), tr("The vault file."), tr("FILE"));
    const QCommandLineOption db(QStringLiteral("db"),
                                tr("A PostgreSQL vault (libpq conninfo or URI)."), tr("CONNINFO"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     tr("Verifying threads (default: one per core)."), tr("N"));
    const QCommandLineOption check(QStringLiteral("check-config"),
                                   tr("Read the configuration and open the vault, then exit."));
    parser.addOptions({help, version, config, listen, vault, db, threads, check});
    if (!parser.parse(arguments))
        return makeError(ErrorCode::InvalidInput, parser.errorText());
    CommandLine line;
    if (parser.isSet(help) || parser.isSet(version)) {
        const QString text = parser.isSet(help)
            ? parser.helpText()
            : QStringLiteral("keyward-verifyd %1\n").arg(QCoreApplication::applicationVersion());
        std::fputs(text.toLocal8Bit().constData(), stdout);
        line.done = true;
        return line;
    }
    if (!parser.positionalArguments().isEmpty())
        return makeError(
            ErrorCode::InvalidInput,
            tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().first()));
    if (parser.isSet(vault) && parser.isSet(db))
        return makeError(ErrorCode::InvalidInput, tr("Give either --vault or --db, not both."));
    line.configPath = parser.value(config);
    if (parser.isSet(listen))
        line.listen = parser.value(listen);
    if (parser.isSet(vault))
        line.vault = parser.value(vault);
    if (parser.isSet(db))
        line.db = parser.value(db);
    if (parser.isSet(threads)) {
        bool ok = false;
        const int count = parser.value(threads).toInt(&ok);
        if (!ok || count < 0 || count > 1024)
            return makeError(ErrorCode::InvalidInput,
                             tr("--threads needs a number from 0 (one per core) to 1024."));
        line.threads = count;
    }
    line.checkConfig = parser.isSet(check);
    return line;
}

Result<ServerConfig> CommandLine::load() const
{
    auto loaded = ServerConfigLoader::load(configPath);
    if (!loaded)
        return loaded;
    ServerConfig config = *loaded;
    if (listen) {
        if (auto parsed = ServerConfigLoader::parseListen(*listen, config); !parsed)
            return makeError(ErrorCode::InvalidInput,
                             tr("--listen: %1").arg(parsed.errorMessage()));
    }
    if (vault) {
        config.vaultPath = *vault;
        config.dbConninfo.clear();
    }
    if (db) {
        config.dbConninfo = *db;
        config.vaultPath.clear();
    }
    if (threads)
        config.threads = *threads;
    if (config.vaultPath.isEmpty() && config.dbConninfo.isEmpty()) {
        config.dbConninfo = qEnvironmentVariable("KEYWARD_DB");
        if (config.dbConninfo.isEmpty())
            config.vaultPath = VaultFile::defaultPath();
    }
    return config;
}

} // namespace Keyward::Verifyd
