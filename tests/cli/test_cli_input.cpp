// keywardctl and hostile or careless input: over-long lines, keys typed in the wrong place,
// keys on the command line. The built binary, a real vault file.
#include "CliRunner.h"
#include "crypto/KeyToken.h"
#include "crypto/SecretString.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <fcntl.h>
#include <unistd.h>

using namespace Keyward;

namespace {

const QString kOwnerPassphrase = QStringLiteral("correct horse battery");
const QRegularExpression kTokenLine(QStringLiteral("^(kw_(live|stg|dev)_[0-9A-Za-z]{49})\\n$"));

QStringList args(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *item : list)
        result.append(QString::fromUtf8(item));
    return result;
}

QString hintOf(const QString &token)
{
    const QByteArray bytes = token.toUtf8();
    return KeyToken::hint(SecretString(bytes.constData(), std::size_t(bytes.size())));
}

} // namespace

class TestCliInput : public QObject
{
    Q_OBJECT

private:
    QString createKey(const QString &name, const QStringList &extra = {})
    {
        const CliRunner::Run run = m_cli->run(
            QStringList {QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--env"),
                         QStringLiteral("dev"), QStringLiteral("--role"),
                         QStringLiteral("developer"), QStringLiteral("--name"), name,
                         QStringLiteral("--grant"), QStringLiteral("licenses:read")}
            + extra);
        const QRegularExpressionMatch match = kTokenLine.match(QString::fromUtf8(run.out));
        if (run.exitCode != 0 || !match.hasMatch()) {
            qWarning("%s", run.describe().constData());
            return {};
        }
        return match.captured(1);
    }

    struct Closed
    {
        bool killed = false; // by SIGPIPE
        int exitCode = -1;
        QByteArray err;
    };
    // keywardctl with stdout a pipe whose reader is gone: the token cannot get out. With
    // SIGPIPE at its default, the write kills the process at that point (as a SIGKILL would);
    // ignored, the write fails and keywardctl must notice.
    // keywardctl's environment for a QProcess of a test's own: this test's vault and member.
    QProcessEnvironment cliEnvironment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), m_home.path());
        environment.insert(QStringLiteral("XDG_DATA_HOME"),
                           m_home.path() + QStringLiteral("/data"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                           m_home.path() + QStringLiteral("/config"));
        environment.insert(QStringLiteral("KEYWARD_MEMBER"), QStringLiteral("alice"));
        environment.insert(QStringLiteral("KEYWARD_PASSPHRASE"), kOwnerPassphrase);
        return environment;
    }

    Closed runWithStdoutClosed(const QStringList &arguments, bool sigpipeKills)
    {
        QProcess process;
        process.setProcessEnvironment(cliEnvironment());
        process.setChildProcessModifier([sigpipeKills] {
            int fds[2];
            if (::pipe(fds) != 0)
                ::_exit(120);
            ::close(fds[0]);
            ::dup2(fds[1], STDOUT_FILENO);
            ::close(fds[1]);
            ::signal(SIGPIPE, sigpipeKills ? SIG_DFL : SIG_IGN);
        });
        process.start(QStringLiteral(KEYWARDCTL_PATH), arguments);
        Closed result;
        if (!process.waitForFinished(60000))
            return result;
        result.killed = process.exitStatus() == QProcess::CrashExit;
        result.exitCode = process.exitCode();
        result.err = process.readAllStandardError();
        return result;
    }

    QString outcome(const QString &token)
    {
        const CliRunner::Run run =
            m_cli->run(args({"--json", "verify", "--env", "dev", "-"}), token.toUtf8());
        return run.json().value(QStringLiteral("outcome")).toString();
    }

    QTemporaryDir m_home;
    std::unique_ptr<CliRunner> m_cli;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_cli = std::make_unique<CliRunner>(m_home.path());
        m_cli->setEnvironment(QStringLiteral("KEYWARD_PASSPHRASE"), kOwnerPassphrase);
        m_cli->setEnvironment(QStringLiteral("KEYWARD_MEMBER"), QStringLiteral("alice"));
        const CliRunner::Run run = m_cli->run(args({"init", "--prefix", "kw", "--owner", "alice"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
    }

    // A reader that cut lines at 4,096 bytes and then trimmed answered "key + 4,100 spaces +
    // junk" Valid. Every way of reading stdin must answer such a line Malformed.
    void overLongLineIsMalformed_data()
    {
        QTest::addColumn<QStringList>("mode");
        QTest::newRow("--stdin") << args({"--stdin"});
        QTest::newRow("--stdin --threads 2") << args({"--stdin", "--threads", "2"});
        QTest::newRow("-") << args({"-"});
    }
    void overLongLineIsMalformed()
    {
        QFETCH(QStringList, mode);
        static const QString token = createKey(QStringLiteral("long lines"));
        QVERIFY(!token.isEmpty());
        const QByteArray key = token.toUtf8();
        const bool lines = mode.contains(QStringLiteral("--stdin"));
        // Padding that a cut at 4,096 bytes leaves as white space only, then junk; also a "\r"
        // as the first byte beyond the limit, which must not pass for a line end.
        const QByteArray spaces = key + QByteArray(4100, ' ') + "junk";
        const QByteArray carriage =
            key + QByteArray(int(KeyToken::kMaxInputBytes) - key.size(), ' ') + "\rjunk";
        for (const QByteArray &hostile : {spaces, carriage}) {
            QByteArray input = hostile + "\n";
            if (lines)
                input += key + "\n"; // the next line still gets its own, right answer
            const CliRunner::Run run =
                m_cli->run(args({"--json", "verify", "--env", "dev"}) + mode, input);
            QCOMPARE(run.exitCode, 1);
            const QVector<QJsonObject> answers = run.jsonLines();
            QCOMPARE(answers.size(), lines ? 2 : 1);
            QCOMPARE(answers.at(0).value(QStringLiteral("outcome")).toString(),
                     QStringLiteral("Malformed"));
            if (lines)
                QCOMPARE(answers.at(1).value(QStringLiteral("outcome")).toString(),
                         QStringLiteral("Valid"));
        }
        // The limit itself still passes: a key padded to exactly 4,096 bytes, "\r\n" ended.
        const QByteArray atLimit =
            key + QByteArray(int(KeyToken::kMaxInputBytes) - key.size(), ' ') + "\r\n";
        if (lines) {
            const CliRunner::Run run =
                m_cli->run(args({"--json", "verify", "--env", "dev"}) + mode, atLimit);
            QVERIFY2(run.exitCode == 0, run.describe().constData());
        }
    }

    // Typed in the wrong place, a key was echoed whole in usage errors and, as a grant, in the
    // client-facing caller_message. Every message shows it as its hint.
    // stdin may be non-blocking (O_NONBLOCK is shared with whoever else has the pipe or
    // terminal): "nothing yet" is waited for, not taken for a read error.
    void nonBlockingStdinIsWaitedFor_data()
    {
        QTest::addColumn<QStringList>("mode");
        QTest::newRow("--stdin") << args({"--stdin"});
        QTest::newRow("--stdin --threads 2") << args({"--stdin", "--threads", "2"});
    }

    void nonBlockingStdinIsWaitedFor()
    {
        QFETCH(QStringList, mode);
        static const QString token = createKey(QStringLiteral("slow input"));
        QVERIFY(!token.isEmpty());
        QProcess process;
        process.setProcessEnvironment(cliEnvironment());
        process.setChildProcessModifier([] {
            const int flags = ::fcntl(STDIN_FILENO, F_GETFL);
            if (flags < 0 || ::fcntl(STDIN_FILENO, F_SETFL, flags | O_NONBLOCK) != 0)
                ::_exit(121);
        });
        process.start(QStringLiteral(KEYWARDCTL_PATH),
                      args({"--json", "verify", "--env", "dev"}) + mode);
        QVERIFY(process.waitForStarted());
        // Nothing to read for a while, then a line, a pause, another line, the end.
        QVERIFY(!process.waitForFinished(500));
        process.write(token.toUtf8() + "\n");
        QVERIFY(!process.waitForFinished(300));
        process.write("kw_dev_mistyped\n");
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(60000));
        const QByteArray err = process.readAllStandardError();
        QCOMPARE(process.exitCode(), 1); // one line refused
        const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(QJsonDocument::fromJson(lines[0]).object().value(QStringLiteral("outcome")),
                 QJsonValue(QStringLiteral("Valid")));
        QCOMPARE(QJsonDocument::fromJson(lines[1]).object().value(QStringLiteral("outcome")),
                 QJsonValue(QStringLiteral("Malformed")));
        QVERIFY2(!err.contains("Could not read"), err.constData());
    }

    // Results that cannot be written (a full disk) are an error, never "all valid": a script
    // must not take missing answers for good ones.
    void resultsThatCannotBeWrittenAreAnError_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<bool>("tokenInput");
        QTest::newRow("verify --stdin") << args({"verify", "--env", "dev", "--stdin"}) << true;
        QTest::newRow("verify --stdin --threads 2")
            << args({"verify", "--env", "dev", "--stdin", "--threads", "2"}) << true;
        QTest::newRow("key list") << args({"key", "list"}) << false;
    }

    void resultsThatCannotBeWrittenAreAnError()
    {
        QFETCH(QStringList, command);
        QFETCH(bool, tokenInput);
        if (!QFileInfo::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full here");
        static const QString token = createKey(QStringLiteral("full disk"));
        QVERIFY(!token.isEmpty());
        QProcess process;
        process.setProcessEnvironment(cliEnvironment());
        process.setStandardOutputFile(QStringLiteral("/dev/full"));
        process.start(QStringLiteral(KEYWARDCTL_PATH), command);
        QVERIFY(process.waitForStarted());
        if (tokenInput)
            process.write(token.toUtf8() + "\n" + token.toUtf8() + "\n");
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(60000));
        const QByteArray err = process.readAllStandardError();
        QCOMPARE(process.exitCode(), 3); // ExitCode::VaultError
        QVERIFY2(err.contains("standard output"), err.constData());
    }

    void keysInTheWrongPlaceShowAsHints_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        // "TOKEN" stands for the key.
        QTest::newRow("key show") << args({"key", "show", "TOKEN"}) << QByteArray();
        QTest::newRow("key revoke") << args({"key", "revoke", "TOKEN"}) << QByteArray();
        QTest::newRow("verify --env") << args({"verify", "--env", "TOKEN", "-"}) << QByteArray();
        QTest::newRow("--json verify --env")
            << args({"--json", "verify", "--env", "TOKEN", "-"}) << QByteArray();
        QTest::newRow("verify --grant")
            << args({"--json", "verify", "--env", "dev", "--grant", "TOKEN", "-"})
            << QByteArray("KEY\n");
        QTest::newRow("verify --stdin --grant")
            << args({"verify", "--env", "dev", "--grant", "TOKEN", "--stdin"})
            << QByteArray("KEY\n");
        QTest::newRow("verify --customer")
            << args({"--json", "verify", "--env", "dev", "--customer", "TOKEN", "-"})
            << QByteArray("KEY\n");
        QTest::newRow("key create --grant")
            << args({"key", "create", "--env", "dev", "--role", "developer", "--name", "x",
                     "--grant", "TOKEN"})
            << QByteArray();
        QTest::newRow("unknown option") << args({"--TOKEN"}) << QByteArray();
    }
    void keysInTheWrongPlaceShowAsHints()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        // A customer, so that --customer is compared with it and echoed.
        static const QString token =
            createKey(QStringLiteral("wrong place"), args({"--customer", "acme"}));
        QVERIFY(!token.isEmpty());
        const QString hint = hintOf(token);
        for (QString &argument : arguments)
            argument.replace(QStringLiteral("TOKEN"), token);
        input.replace("KEY", token.toUtf8());
        const CliRunner::Run run = m_cli->run(arguments, input);
        QVERIFY2(run.exitCode != 0, run.describe().constData());
        // Not the whole key, nor most of it, anywhere.
        const QByteArray body = token.toUtf8().mid(token.size() - 30, 20);
        QVERIFY2(!run.out.contains(body) && !run.err.contains(body), run.describe().constData());
        QVERIFY2(run.out.contains(hint.toUtf8()) || run.err.contains(hint.toUtf8()),
                 run.describe().constData());
    }

    void redactKeepsOtherText()
    {
        const QString token = createKey(QStringLiteral("redact"));
        const QString hint = hintOf(token);
        QCOMPARE(KeyToken::redact(QStringLiteral("id \"") + token + QStringLiteral("\"?")),
                 QStringLiteral("id \"") + hint + QStringLiteral("\"?"));
        QCOMPARE(KeyToken::redact(token.chopped(20)), hintOf(token.chopped(20)));
        // Glued to other words with "_" (as in a file or option name), still found.
        QCOMPARE(KeyToken::redact(QStringLiteral("x_") + token + QStringLiteral("_y")),
                 QStringLiteral("x_") + hint + QStringLiteral("_y"));
        // Glued to a long word with no separator: the word becomes part of the prefix.
        const QString word = QStringLiteral("customer12345678");
        QCOMPARE(KeyToken::redact(word + token), word + hint);
        // Two keys glued together with letters around them (as a required grant, found by
        // fuzz_verifyd_request): neither body survives.
        const QString second = createKey(QStringLiteral("redact 2"));
        const QString glued = QStringLiteral("tttt") + token + QStringLiteral("tttt") + second
            + QStringLiteral("ttt");
        const QString redacted = KeyToken::redact(glued);
        QVERIFY2(!redacted.contains(token.mid(8, 20)) && !redacted.contains(second.mid(8, 20)),
                 qPrintable(redacted));
        // The body alone, its prefix cut off: as good as the key to whoever guesses "kw_live_".
        const QString body = token.mid(token.lastIndexOf(QLatin1Char('_')) + 1);
        QCOMPARE(body.size(), KeyToken::kBodyLength + KeyToken::kCheckLength);
        const QString bodyHint = body.left(3) + QChar(0x2026) + body.right(2);
        QCOMPARE(KeyToken::redact(QStringLiteral("source ") + body + QStringLiteral(".")),
                 QStringLiteral("source ") + bodyHint + QStringLiteral("."));
        QCOMPARE(KeyToken::redact(QStringLiteral("x_") + body), QStringLiteral("x_") + bodyHint);
        QCOMPARE(KeyToken::redact(body.chopped(5)), body.left(3) + QChar(0x2026) + body.mid(42, 2));
        // Glued to a request id, or to a second body: no upper bound on the run.
        const QString requestId = QStringLiteral("0123456789abcdef0123456789abcdef");
        const QString glued2 = KeyToken::redact(body + requestId + body);
        QVERIFY2(!glued2.contains(body.mid(5, 20)), qPrintable(glued2));
        for (const QString &kept :
             {hint, QStringLiteral("licenses:read"), QStringLiteral("kw_live_short"),
              QStringLiteral("Unknown environment \"prod\"; use live, stg or dev."),
              // A SHA-256 digest, a fingerprint, a long word and a short mixed run: no body.
              QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
              QStringLiteral("9F86D081884C7D659A2FEAA0C55AD015"),
              QStringLiteral("pneumonoultramicroscopicsilicovolcanoconiosisxyz"),
              QStringLiteral("Order4711Ref2026AbcDefGhiJk"),
              // A mixed-case hex address, as a customer id.
              QStringLiteral("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")})
            QCOMPARE(KeyToken::redact(kept), kept);
    }

    // A key in the arguments is readable in the process list: warned about, like a password
    // in a connection string; a key on stdin is not.
    void keyOnTheCommandLineIsWarnedAbout()
    {
        const QString token = createKey(QStringLiteral("argv"));
        QVERIFY(!token.isEmpty());
        CliRunner::Run run = m_cli->run(args({"verify", "--env", "dev"}) + QStringList {token});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.errText().contains(QStringLiteral("warning"))
                     && run.errText().contains(QStringLiteral("command line")),
                 run.describe().constData());
        QVERIFY(!run.err.contains(token.toUtf8()));
        run = m_cli->run(args({"verify", "--env", "dev", "-"}), token.toUtf8());
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.err.isEmpty(), run.describe().constData());
    }

    // A kill between COMMIT and printing lost the token; with --grace 0 the old secret was
    // already retired, which left the key with no secret anyone has. Now the old secrets
    // retire only once the new one is out, and the key can be regenerated again.
    void regenerateKilledBeforeTheTokenIsOut_data()
    {
        QTest::addColumn<bool>("sigpipeKills");
        QTest::addColumn<QString>("grace");
        QTest::newRow("killed, grace 0") << true << QStringLiteral("0");
        QTest::newRow("write fails, grace 0") << false << QStringLiteral("0");
        QTest::newRow("killed, grace 1h") << true << QStringLiteral("1h");
    }
    void regenerateKilledBeforeTheTokenIsOut()
    {
        QFETCH(bool, sigpipeKills);
        QFETCH(QString, grace);
        const QString old = createKey(QStringLiteral("regenerated"));
        QVERIFY(!old.isEmpty());
        CliRunner::Run run =
            m_cli->run(args({"--json", "verify", "--env", "dev", "-"}), old.toUtf8());
        const QString id = QString::number(run.json().value(QStringLiteral("key_id")).toInt());

        const Closed closed =
            runWithStdoutClosed({QStringLiteral("key"), QStringLiteral("regenerate"), id,
                                 QStringLiteral("--grace"), grace},
                                sigpipeKills);
        QVERIFY2(closed.killed == sigpipeKills, closed.err.constData());
        if (!sigpipeKills) {
            QVERIFY2(closed.exitCode != 0, closed.err.constData());
            QVERIFY2(closed.err.contains("could not be written"), closed.err.constData());
        }
        // Nobody has the new token; the old one works as before, with no deadline.
        QCOMPARE(outcome(old), QStringLiteral("Valid"));
        run = m_cli->run(args({"--json", "key", "show"}) + QStringList {id});
        QVERIFY2(run.exitCode == 0, run.describe().constData());

        // Regenerating again is an ordinary regeneration.
        run = m_cli->run(args({"key", "regenerate", "--grace", "0"}) + QStringList {id});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QRegularExpressionMatch match = kTokenLine.match(QString::fromUtf8(run.out));
        QVERIFY2(match.hasMatch(), run.describe().constData());
        QCOMPARE(outcome(match.captured(1)), QStringLiteral("Valid"));
        QCOMPARE(outcome(old), QStringLiteral("Revoked"));
    }

    // The same for a new key: stored, but its token never shown. Said as a failure (it was
    // reported as success), and the key can be given a secret without penalty.
    void createWhoseTokenCannotBeWritten()
    {
        const Closed closed = runWithStdoutClosed(
            args({"key", "create", "--env", "dev", "--role", "developer", "--name", "unseen"}),
            false);
        QVERIFY2(closed.exitCode != 0 && !closed.killed, closed.err.constData());
        QVERIFY2(closed.err.contains("regenerate"), closed.err.constData());
        const QRegularExpressionMatch id = QRegularExpression(QStringLiteral("regenerate (\\d+)"))
                                               .match(QString::fromUtf8(closed.err));
        QVERIFY2(id.hasMatch(), closed.err.constData());
        const CliRunner::Run run =
            m_cli->run(args({"key", "regenerate"}) + QStringList {id.captured(1)});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QRegularExpressionMatch match = kTokenLine.match(QString::fromUtf8(run.out));
        QVERIFY2(match.hasMatch(), run.describe().constData());
        QCOMPARE(outcome(match.captured(1)), QStringLiteral("Valid"));
    }
};

QTEST_GUILESS_MAIN(TestCliInput)
#include "test_cli_input.moc"
