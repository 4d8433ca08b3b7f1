// Shell completion for keywardctl (resources/completion/): bash's completion function run in a
// script (COMP_WORDS, COMP_CWORD) and zsh's with compadd recorded, against real vault files:
// commands, every option each command's --help lists, key ids, roles and environments.
#include "HelpText.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kPassphrase = QStringLiteral("completion test passphrase 42");

QSet<QString> setOf(const QStringList &list)
{
    return QSet<QString>(list.cbegin(), list.cend());
}

// Words from string literals (QT_NO_CAST_FROM_ASCII).
QStringList w(std::initializer_list<const char *> words)
{
    QStringList list;
    for (const char *word : words)
        list.append(QString::fromUtf8(word));
    return list;
}

QString sorted(const QSet<QString> &set)
{
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list.join(QLatin1Char(' '));
}

} // namespace

class TestCompletion : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_otherVault;

    QProcessEnvironment environment(bool withPassphrase = true) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path() + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path() + QStringLiteral("/config"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("KEYWARD_MEMBER"), QStringLiteral("alice"));
        if (withPassphrase)
            env.insert(QStringLiteral("KEYWARD_PASSPHRASE"), kPassphrase);
        else
            env.remove(QStringLiteral("KEYWARD_PASSPHRASE"));
        env.remove(QStringLiteral("KEYWARD_DB"));
        // The completion runs "keywardctl" as typed, from PATH.
        env.insert(QStringLiteral("PATH"),
                   QFileInfo(QStringLiteral(KEYWARDCTL_PATH)).absolutePath() + QLatin1Char(':')
                       + env.value(QStringLiteral("PATH")));
        return env;
    }

    void keywardctl(const QStringList &arguments)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(KEYWARDCTL_PATH), arguments);
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    }

    // What the shell offers for the last of `words` (the word being completed).
    QSet<QString> complete(const QString &shell, const QStringList &words,
                           bool withPassphrase = true) const
    {
        QStringList arguments;
        if (shell == QLatin1String("bash")) {
            arguments << QStringLiteral("--norc") << QStringLiteral("-c")
                      << QStringLiteral("source \"$1\"; shift; COMP_WORDS=(\"$@\"); "
                                        "COMP_CWORD=$(($# - 1)); COMP_LINE=\"$*\"; "
                                        "COMP_POINT=${#COMP_LINE}; _keywardctl; "
                                        "printf '%s\\n' \"${COMPREPLY[@]}\"")
                      << QStringLiteral("bash") << QStringLiteral(BASH_COMPLETION);
        } else {
            // Outside a completion widget: compadd and _files print what they are given (the
            // real compadd would also filter by the prefix typed, so tests here type none).
            arguments << QStringLiteral("-f") << QStringLiteral("-c")
                      << QStringLiteral("compadd() { if [[ $1 == -a ]]; then shift; local n; "
                                        "for n in \"$@\"; do print -rl -- ${(P)n}; done; else "
                                        "[[ $1 == - ]] && shift; print -rl -- \"$@\"; fi; }; "
                                        "_files() { print -r -- '<files>'; }; "
                                        "file=$1; shift; words=(\"$@\"); CURRENT=$#; "
                                        "source $file")
                      << QStringLiteral("zsh") << QStringLiteral(ZSH_COMPLETION);
        }
        arguments << words;
        QProcess process;
        process.setProcessEnvironment(environment(withPassphrase));
        process.start(shell, arguments);
        if (!process.waitForFinished(30000))
            return {QStringLiteral("<timeout>")};
        const QString errors = QString::fromUtf8(process.readAllStandardError());
        if (!errors.isEmpty())
            return {QStringLiteral("<stderr> ") + errors};
        QStringList lines = QString::fromUtf8(process.readAllStandardOutput())
                                .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        return setOf(lines);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // The default vault with keys 1 and 2 (2 revoked: ids of every key are offered), and a
        // second vault file with key 1 only.
        keywardctl({QStringLiteral("init"), QStringLiteral("--owner"), QStringLiteral("alice")});
        for (const QString &name : {QStringLiteral("one"), QStringLiteral("two")})
            keywardctl({QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--name"),
                        name, QStringLiteral("--env"), QStringLiteral("dev"),
                        QStringLiteral("--role"), QStringLiteral("viewer")});
        keywardctl({QStringLiteral("key"), QStringLiteral("revoke"), QStringLiteral("2"),
                    QStringLiteral("--yes")});
        m_otherVault = m_home.path() + QStringLiteral("/other.keyward");
        keywardctl({QStringLiteral("--vault"), m_otherVault, QStringLiteral("init"),
                    QStringLiteral("--owner"), QStringLiteral("alice")});
        keywardctl({QStringLiteral("--vault"), m_otherVault, QStringLiteral("key"),
                    QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("x"),
                    QStringLiteral("--env"), QStringLiteral("dev"), QStringLiteral("--role"),
                    QStringLiteral("viewer")});
    }

    void completes_data()
    {
        QTest::addColumn<QString>("shell");
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QStringList>("expected");
        const QStringList roles {QStringLiteral("owner"), QStringLiteral("admin"),
                                 QStringLiteral("developer"), QStringLiteral("viewer")};
        const QStringList envs {QStringLiteral("live"), QStringLiteral("stg"),
                                QStringLiteral("dev")};
        for (const QString &shell : {QStringLiteral("bash"), QStringLiteral("zsh")}) {
            auto row = [&shell](const char *name) {
                return &QTest::newRow(qPrintable(shell + QLatin1Char(' ') + QLatin1String(name)));
            };
            *row("key ids") << shell << w({"keywardctl", "key", "show", ""}) << w({"1", "2"});
            *row("key ids after an option")
                << shell << w({"keywardctl", "key", "regenerate", "--grace", "1h", ""})
                << w({"1", "2"});
            *row("key ids of --vault") << shell
                                       << w({"keywardctl", "--vault"}) + QStringList {m_otherVault}
                    + w({"key", "usage", ""})
                                       << w({"1"});
            *row("audit --key") << shell << w({"keywardctl", "audit", "list", "--key", ""})
                                << w({"1", "2"});
            *row("no id after the id")
                << shell << w({"keywardctl", "key", "rename", "1", ""}) << QStringList();
            *row("--role") << shell << w({"keywardctl", "key", "create", "--role", ""}) << roles;
            *row("member role") << shell << w({"keywardctl", "member", "role", "bob", ""}) << roles;
            *row("--env") << shell << w({"keywardctl", "verify", "--env", ""}) << envs;
            *row("member commands")
                << shell << w({"keywardctl", "member", ""})
                << w({"add", "list", "remove", "certify", "role", "passphrase", "--help"});
        }
        QTest::newRow("bash prefix of a command")
            << QStringLiteral("bash") << w({"keywardctl", "k"}) << w({"key"});
        QTest::newRow("bash prefix of an option")
            << QStringLiteral("bash") << w({"keywardctl", "key", "list", "--a"}) << w({"--all"});
        QTest::newRow("bash prefix of a global option")
            << QStringLiteral("bash") << w({"keywardctl", "--v"}) << w({"--vault", "--version"});
        QTest::newRow("bash prefix of an environment")
            << QStringLiteral("bash") << w({"keywardctl", "key", "create", "--env", "s"})
            << w({"stg"});
    }

    void completes()
    {
        QFETCH(QString, shell);
        QFETCH(QStringList, words);
        QFETCH(QStringList, expected);
        QCOMPARE(sorted(complete(shell, words)), sorted(setOf(expected)));
    }

    // Without a passphrase, key list cannot sign in: no ids, and no prompt that would hang the
    // shell (the look-up runs without a terminal).
    void noIdsAndNoPromptWithoutPassphrase()
    {
        for (const QString &shell : {QStringLiteral("bash"), QStringLiteral("zsh")}) {
            QElapsedTimer timer;
            timer.start();
            QCOMPARE(sorted(complete(shell, w({"keywardctl", "key", "show", ""}), false)),
                     QString());
            QVERIFY(timer.elapsed() < 10000);
        }
    }

    // Every command and option keywardctl --help lists is offered (and no option it lacks).
    void offersWhatTheHelpLists_data()
    {
        QTest::addColumn<QString>("shell");
        QTest::newRow("bash") << QStringLiteral("bash");
        QTest::newRow("zsh") << QStringLiteral("zsh");
    }

    void offersWhatTheHelpLists()
    {
        QFETCH(QString, shell);
        const QString help =
            HelpText::run(QStringLiteral(KEYWARDCTL_PATH), {QStringLiteral("--help")});
        const QStringList commands = HelpText::commands(help);
        QVERIFY(commands.size() >= 20);
        const QSet<QString> groups = complete(shell, w({"keywardctl", ""}));
        for (const QString &command : commands) {
            const QStringList words = command.split(QLatin1Char(' '));
            QVERIFY2(groups.contains(words.constFirst()), qPrintable(command));
            if (words.size() == 2) {
                const QSet<QString> subcommands = complete(
                    shell, w({"keywardctl"}) + QStringList {words.constFirst(), QString()});
                QVERIFY2(subcommands.contains(words.constLast()), qPrintable(command));
            }
            const QString commandHelp = HelpText::run(
                QStringLiteral(KEYWARDCTL_PATH), words + QStringList {QStringLiteral("--help")});
            QCOMPARE(sorted(complete(shell, w({"keywardctl"}) + words + w({"--"}))),
                     sorted(HelpText::options(commandHelp)));
        }
    }
};

QTEST_GUILESS_MAIN(TestCompletion)
#include "test_completion.moc"
