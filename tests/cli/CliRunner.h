#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QVector>

#include <initializer_list>
#include <memory>

class QProcess;

// Runs the built keywardctl in a private HOME, like a script would.
class CliRunner
{
public:
    struct Run
    {
        int exitCode = -1;
        bool crashed = false;
        QByteArray out;
        QByteArray err;

        QString errText() const { return QString::fromUtf8(err); }
        // stdout as one JSON object per line.
        QVector<QJsonObject> jsonLines() const;
        QJsonObject json() const;
        // For QVERIFY2 messages.
        QByteArray describe() const;
    };

    explicit CliRunner(const QString &home);

    // The Owner passphrase of ownerOfNewVault's vaults.
    static const QString kOwnerPassphrase;
    // A runner in `home` with a new vault (prefix kw) whose Owner "alice" signs in from the
    // environment, as scripts do; nullptr (and a warning with the run) when init failed.
    static std::unique_ptr<CliRunner> ownerOfNewVault(const QString &home);
    // {"key", "list"} as arguments.
    static QStringList args(std::initializer_list<const char *> list);

    // Values set for every run; an empty value removes the variable.
    void setEnvironment(const QString &name, const QString &value);
    // One run; `overrides` apply to this run only (empty value: unset).
    Run run(const QStringList &arguments, const QByteArray &input = {},
            const QHash<QString, QString> &overrides = {}) const;

    // The same with stdin read from a file, as `keywardctl ... < file` gives it.
    Run runFromFile(const QStringList &arguments, const QString &inputFile) const;

    QString defaultVaultPath() const;

private:
    Run finish(QProcess &process, const QByteArray &input) const;
    static void apply(QProcessEnvironment &environment, const QHash<QString, QString> &values);

    QString m_home;
    QHash<QString, QString> m_environment;
};
