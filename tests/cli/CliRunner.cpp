#include "CliRunner.h"

#include <QJsonDocument>
#include <QProcess>

QVector<QJsonObject> CliRunner::Run::jsonLines() const
{
    QVector<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(line);
        objects.append(document.isObject() ? document.object() : QJsonObject());
    }
    return objects;
}

QJsonObject CliRunner::Run::json() const
{
    const QVector<QJsonObject> objects = jsonLines();
    return objects.size() == 1 ? objects.constFirst() : QJsonObject();
}

QByteArray CliRunner::Run::describe() const
{
    return "exit " + QByteArray::number(exitCode) + "\nstdout: " + out.left(2000)
        + "\nstderr: " + err.left(2000);
}

const QString CliRunner::kOwnerPassphrase = QStringLiteral("correct horse battery");

std::unique_ptr<CliRunner> CliRunner::ownerOfNewVault(const QString &home)
{
    auto cli = std::make_unique<CliRunner>(home);
    cli->setEnvironment(QStringLiteral("KEYWARD_PASSPHRASE"), kOwnerPassphrase);
    cli->setEnvironment(QStringLiteral("KEYWARD_MEMBER"), QStringLiteral("alice"));
    const Run run = cli->run(args({"init", "--prefix", "kw", "--owner", "alice"}));
    if (run.exitCode != 0) {
        qWarning("keywardctl init failed: %s", run.describe().constData());
        return nullptr;
    }
    return cli;
}

QStringList CliRunner::args(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *item : list)
        result.append(QString::fromUtf8(item));
    return result;
}

CliRunner::CliRunner(const QString &home)
    : m_home(home)
{
    m_environment = {
        {QStringLiteral("HOME"), home},
        {QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data")},
        {QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config")},
        {QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8")},
        {QStringLiteral("KEYWARD_MEMBER"), QString()},
        {QStringLiteral("KEYWARD_PASSPHRASE"), QString()},
        {QStringLiteral("KEYWARD_NEW_PASSPHRASE"), QString()},
    };
}

void CliRunner::setEnvironment(const QString &name, const QString &value)
{
    m_environment.insert(name, value);
}

void CliRunner::apply(QProcessEnvironment &environment, const QHash<QString, QString> &values)
{
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        if (it.value().isEmpty())
            environment.remove(it.key());
        else
            environment.insert(it.key(), it.value());
    }
}

CliRunner::Run CliRunner::run(const QStringList &arguments, const QByteArray &input,
                              const QHash<QString, QString> &overrides) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    apply(environment, m_environment);
    apply(environment, overrides);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(m_home);
    process.start(QStringLiteral(KEYWARDCTL_PATH), arguments);
    return finish(process, input);
}

CliRunner::Run CliRunner::runFromFile(const QStringList &arguments, const QString &inputFile) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    apply(environment, m_environment);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(m_home);
    process.setStandardInputFile(inputFile);
    process.start(QStringLiteral(KEYWARDCTL_PATH), arguments);
    return finish(process, {});
}

CliRunner::Run CliRunner::finish(QProcess &process, const QByteArray &input) const
{
    Run result;
    if (!process.waitForStarted(10000))
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        result.crashed = true;
    }
    result.crashed = result.crashed || process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString CliRunner::defaultVaultPath() const
{
    return m_home + QStringLiteral("/data/keyward/vault.keyward");
}
