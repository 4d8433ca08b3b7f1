// The published scanner rules (contrib/scanners/) and the check snippets of docs/key-format.md,
// tested with real engines on a generated sample repository: secretlint from the npm registry
// (pinned by package-lock.json, installed into the build tree by install-tools.sh), the
// gitleaks, TruffleHog and GitHub expressions compiled by Python's re (regex_scan.py), Python,
// Node and (when installed) Go running the snippets, and keywardctl check-format. Keys come from
// keywardctl key create; near-misses are made from them.
#include "CliRunner.h"
#include "crypto/KeyToken.h"
#include "crypto/SecretString.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Keyward;

namespace {

const QString kOwnerPassphrase = QStringLiteral("correct horse battery");
const QString kSource = QStringLiteral(KEYWARD_SOURCE_DIR);
const QString kBase62 =
    QStringLiteral("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

QStringList args(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *item : list)
        result.append(QString::fromUtf8(item));
    return result;
}

QString randomBase62(int length)
{
    QString text;
    for (int i = 0; i < length; ++i)
        text.append(kBase62.at(int(QRandomGenerator::global()->bounded(62))));
    return text;
}

// The same text with the character at index (negative: from the end) replaced by another one.
QString changedAt(const QString &key, int index)
{
    const int at = index < 0 ? int(key.size()) + index : index;
    QString changed = key;
    changed[at] = kBase62.at((int(kBase62.indexOf(key.at(at))) + 1) % 62);
    return changed;
}

bool isValidKey(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    return KeyToken::parse(bytes.constData(), std::size_t(bytes.size())).isOk();
}

struct Ran
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QByteArray describe() const
    {
        return "exit " + QByteArray::number(exitCode) + "\nstdout: " + out.left(3000)
            + "\nstderr: " + err.left(3000);
    }
};

Ran runProgram(const QString &program, const QStringList &arguments, const QByteArray &input = {},
               const QString &workingDirectory = {}, int timeoutMs = 120000)
{
    QProcess process;
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    Ran ran;
    if (!process.waitForStarted(10000)) {
        ran.err = process.errorString().toUtf8();
        return ran;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        ran.err = "timed out";
        return ran;
    }
    ran.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    ran.out = process.readAllStandardOutput();
    ran.err = process.readAllStandardError();
    return ran;
}

// The first fenced block of this language in docs/key-format.md.
QString docSnippet(const QString &language)
{
    QFile file(kSource + QStringLiteral("/docs/key-format.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    const QRegularExpression block(QStringLiteral("```%1\\n(.*?)```").arg(language),
                                   QRegularExpression::DotMatchesEverythingOption);
    return block.match(text).captured(1);
}

} // namespace

class TestScanners : public QObject
{
    Q_OBJECT

private:
    enum class Kind {
        Real, // a key from the kw vault
        RealOtherVault, // a key from the acme vault
        WrongCheck, // the right shape, check characters that do not match
        Placeholder, // the right shape, no randomness at all
        Other, // truncated, too long, unknown environment, other vendors, uppercase
    };
    struct Planted
    {
        QString file; // relative to the sample
        int line = 0;
        Kind kind = Kind::Other;
    };
    using Location = QPair<QString, int>; // file, line

    QString createKey(const QStringList &vault, const char *env)
    {
        const CliRunner::Run run =
            m_cli->run(vault
                       + args({"key", "create", "--role", "developer", "--grant", "licenses:read",
                               "--name", "k", "--env", env}));
        const QString token = QString::fromUtf8(run.out).trimmed();
        if (run.exitCode != 0 || !isValidKey(token)) {
            qWarning("%s", run.describe().constData());
            return {};
        }
        return token;
    }

    // Writes a sample file; each "@@" in its lines is replaced by the next of plants, whose place
    // is recorded.
    void writeSample(const QString &relative, const QStringList &lines,
                     const QVector<QPair<QString, Kind>> &plants)
    {
        const QString path = m_sample.filePath(relative);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        int next = 0;
        for (int i = 0; i < lines.size(); ++i) {
            QString line = lines.at(i);
            while (line.contains(QStringLiteral("@@"))) {
                QVERIFY(next < plants.size());
                line.replace(line.indexOf(QStringLiteral("@@")), 2, plants.at(next).first);
                m_planted.append({relative, i + 1, plants.at(next).second});
                ++next;
            }
            file.write(line.toUtf8() + '\n');
        }
        QCOMPARE(next, plants.size());
        m_files.append(relative);
    }

    QSet<Location> expected(std::initializer_list<Kind> kinds) const
    {
        QSet<Location> locations;
        for (const Planted &planted : m_planted) {
            if (std::find(kinds.begin(), kinds.end(), planted.kind) != kinds.end())
                locations.insert({planted.file, planted.line});
        }
        return locations;
    }

    static QString describe(const QSet<Location> &locations)
    {
        QStringList items;
        for (const Location &location : locations)
            items.append(QStringLiteral("%1:%2").arg(location.first).arg(location.second));
        items.sort();
        return items.join(QStringLiteral(", "));
    }

    // keywardctl check-format over secrets a pattern-only rule matched: how many are real keys.
    int confirmedByCheckFormat(const QStringList &secrets, const QStringList &prefixes = {})
    {
        QStringList arguments {QStringLiteral("check-format"), QStringLiteral("--json")};
        for (const QString &prefix : prefixes)
            arguments << QStringLiteral("--prefix") << prefix;
        const CliRunner::Run run =
            m_cli->run(arguments, secrets.join(QLatin1Char('\n')).toUtf8() + '\n');
        int leaks = 0;
        for (const QJsonObject &object : run.jsonLines())
            leaks += object.value(QStringLiteral("leak")).toBool() ? 1 : 0;
        return leaks;
    }

    // A rule of contrib/scanners/ applied by regex_scan.py: the matched locations and secrets.
    QSet<Location> regexScan(const QString &option, const QString &rule, QStringList *secrets)
    {
        const QString rulePath = QFileInfo(rule).isAbsolute()
            ? rule
            : kSource + QStringLiteral("/contrib/scanners/") + rule;
        QStringList arguments {kSource + QStringLiteral("/tests/scanners/regex_scan.py"), option,
                               rulePath};
        for (const QString &file : m_files)
            arguments.append(file);
        const Ran ran = runProgram(m_python, arguments, {}, m_sample.path());
        if (ran.exitCode != 0)
            qWarning("%s", ran.describe().constData());
        QSet<Location> found;
        for (const QByteArray &line : ran.out.split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            found.insert({object.value(QStringLiteral("file")).toString(),
                          object.value(QStringLiteral("line")).toInt()});
            secrets->append(object.value(QStringLiteral("secret")).toString());
        }
        return found;
    }

    // secretlint over the whole sample with this configuration file.
    QSet<Location> secretlint(const QString &config, QStringList *secrets)
    {
        const QString tools = QStringLiteral(KEYWARD_SCANNER_TOOLS_DIR);
        // A file, not stdout: node exits before a large write to a pipe is done (cut at 128 KiB).
        const QString report = m_work.filePath(QStringLiteral("secretlint.json"));
        QFile::remove(report);
        const Ran ran =
            runProgram(m_node,
                       {tools + QStringLiteral("/node_modules/secretlint/bin/secretlint.js"),
                        QStringLiteral("**/*"), QStringLiteral("--secretlintrc"), config,
                        QStringLiteral("--format"), QStringLiteral("json"),
                        QStringLiteral("--output"), report, QStringLiteral("--no-color")},
                       {}, m_sample.path());
        // 1: something was found; 0: nothing. Anything else is a failure of secretlint itself.
        if (ran.exitCode != 0 && ran.exitCode != 1)
            qWarning("%s", ran.describe().constData());
        QFile output(report);
        if (!output.open(QIODevice::ReadOnly))
            qWarning("secretlint wrote no report: %s", ran.describe().constData());
        QSet<Location> found;
        const QJsonArray results = QJsonDocument::fromJson(output.readAll()).array();
        for (const QJsonValue &result : results) {
            const QJsonObject file = result.toObject();
            const QString path =
                QDir(m_sample.path())
                    .relativeFilePath(file.value(QStringLiteral("filePath")).toString());
            const QString content = file.value(QStringLiteral("sourceContent")).toString();
            for (const QJsonValue &message : file.value(QStringLiteral("messages")).toArray()) {
                const QJsonObject object = message.toObject();
                const QJsonArray range = object.value(QStringLiteral("range")).toArray();
                const int line = object.value(QStringLiteral("loc"))
                                     .toObject()
                                     .value(QStringLiteral("start"))
                                     .toObject()
                                     .value(QStringLiteral("line"))
                                     .toInt();
                found.insert({path, line});
                secrets->append(
                    content.mid(range.at(0).toInt(), range.at(1).toInt() - range.at(0).toInt()));
                // Our rule reports the hint, never the key.
                if (object.value(QStringLiteral("ruleId"))
                        .toString()
                        .contains(QStringLiteral("keyward")))
                    m_secretlintMessages.append(object.value(QStringLiteral("message")).toString());
            }
        }
        return found;
    }

    void installTools()
    {
        if (m_toolsInstalled)
            return;
        const Ran ran = runProgram(QStringLiteral("bash"),
                                   {kSource + QStringLiteral("/tests/scanners/install-tools.sh"),
                                    QStringLiteral(KEYWARD_SCANNER_TOOLS_DIR)},
                                   {}, {}, 110000);
        // No npm or no registry is a failure, not a skip: CI installs npm (scripts/setup.sh).
        QVERIFY2(ran.exitCode == 0,
                 QByteArray("secretlint could not be installed from the npm registry:\n"
                            + ran.describe())
                     .constData());
        qInfo("%s", ran.out.trimmed().constData());
        m_toolsInstalled = true;
    }

    QString writeConfig(const QString &name, const QJsonObject &config)
    {
        const QString path = m_work.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(QJsonDocument(config).toJson());
        return path;
    }

    // The snippet's verdict ("ok" / "bad") on every line of m_snippetInput.
    void compareSnippetVerdicts(const Ran &ran)
    {
        QVERIFY2(ran.exitCode == 0, ran.describe().constData());
        const QList<QByteArray> verdicts = ran.out.trimmed().split('\n');
        QCOMPARE(verdicts.size(), m_snippetInput.size());
        for (int i = 0; i < verdicts.size(); ++i) {
            const QByteArray expected = isValidKey(m_snippetInput.at(i)) ? "ok" : "bad";
            QVERIFY2(verdicts.at(i) == expected,
                     qPrintable(
                         QStringLiteral("input %1 (%2): %3")
                             .arg(i)
                             .arg(QString::fromUtf8(expected), QString::fromUtf8(verdicts.at(i)))));
        }
    }

    QTemporaryDir m_home;
    QTemporaryDir m_work;
    QDir m_sample;
    std::unique_ptr<CliRunner> m_cli;
    QString m_python;
    QString m_node;
    QStringList m_keys; // from keywardctl: kw live, stg, dev, then acme dev
    QStringList m_snippetInput;
    QVector<Planted> m_planted;
    QStringList m_files;
    QStringList m_secretlintMessages;
    bool m_toolsInstalled = false;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid() && m_work.isValid());
        m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!m_python.isEmpty(), "python3 is needed (scripts/setup.sh test installs it)");
        QVERIFY2(!m_node.isEmpty(), "node is needed (scripts/setup.sh test installs nodejs)");
        m_cli = std::make_unique<CliRunner>(m_home.path());
        m_cli->setEnvironment(QStringLiteral("KEYWARD_PASSPHRASE"), kOwnerPassphrase);
        m_cli->setEnvironment(QStringLiteral("KEYWARD_MEMBER"), QStringLiteral("alice"));
        CliRunner::Run run = m_cli->run(args({"init", "--owner", "alice"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QString acmeVault = m_home.filePath(QStringLiteral("acme.vault"));
        const QStringList acme {QStringLiteral("--vault"), acmeVault};
        run = m_cli->run(acme + args({"init", "--prefix", "acme", "--owner", "alice"}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        for (const char *env : {"live", "stg", "dev"})
            m_keys.append(createKey({}, env));
        m_keys.append(createKey(acme, "dev"));
        for (const QString &key : m_keys)
            QVERIFY(!key.isEmpty());
        const QString live = m_keys.at(0), stg = m_keys.at(1), dev = m_keys.at(2);

        m_sample.setPath(m_work.filePath(QStringLiteral("sample")));
        QVERIFY(QDir().mkpath(m_sample.path()));
        // Real keys where they leak in practice.
        writeSample(QStringLiteral(".env"),
                    {QStringLiteral("# local settings"), QStringLiteral("KEYWARD_TOKEN=@@")},
                    {{live, Kind::Real}});
        writeSample(QStringLiteral("config/settings.json"),
                    {QStringLiteral("{"), QStringLiteral("  \"keyward\": {\"token\": \"@@\"}"),
                     QStringLiteral("}")},
                    {{stg, Kind::Real}});
        writeSample(QStringLiteral("src/client.py"),
                    {QStringLiteral("import requests"), QString(),
                     QStringLiteral("API_KEY = '@@'  # TODO: move to the vault")},
                    {{dev, Kind::Real}});
        writeSample(QStringLiteral("deploy/docker-compose.yml"),
                    {QStringLiteral("services:"), QStringLiteral("  api:"),
                     QStringLiteral("    environment:"), QStringLiteral("      KEYWARD_TOKEN: @@"),
                     QStringLiteral("      ACME_TOKEN: @@")},
                    {{dev, Kind::Real}, {m_keys.at(3), Kind::RealOtherVault}});
        // A minified bundle: one 200 000-character line.
        QString bundle;
        while (bundle.size() < 100000)
            bundle += QStringLiteral("function a%1(b){return b*%1};").arg(bundle.size());
        bundle += QStringLiteral("var t=\"@@\";");
        while (bundle.size() < 200000)
            bundle += QStringLiteral("function c%1(d){return d+%1};").arg(bundle.size());
        writeSample(QStringLiteral("web/bundle.min.js"), {bundle}, {{live, Kind::Real}});
        // Near-misses: shaped almost like keys, or other vendors' keys.
        const QString tail = live.mid(8);
        writeSample(
            QStringLiteral("docs/examples.md"),
            {QStringLiteral("Wrong last check character: `@@`"),
             QStringLiteral("Wrong first check character: `@@`"),
             QStringLiteral("A body character changed: `@@`"), QStringLiteral("Placeholder: `@@`"),
             QStringLiteral("Cut short by one: `@@`"), QStringLiteral("Cut short by ten: `@@`"),
             QStringLiteral("One too many: `@@`"), QStringLiteral("Unknown environment: `@@`"),
             QStringLiteral("Upper case: `@@`"), QStringLiteral("Inside a word: `@@`")},
            {{changedAt(live, -1), Kind::WrongCheck},
             {changedAt(stg, -6), Kind::WrongCheck},
             {changedAt(dev, 20), Kind::WrongCheck},
             {QStringLiteral("kw_live_") + QString(49, QLatin1Char('X')), Kind::Placeholder},
             {live.chopped(1), Kind::Other},
             {live.chopped(10), Kind::Other},
             {live + QStringLiteral("Q"), Kind::Other},
             {QStringLiteral("kw_prod_") + tail, Kind::Other},
             {live.toUpper(), Kind::Other},
             {QStringLiteral("old_") + stg + QStringLiteral("_backup"), Kind::Other}});
        writeSample(QStringLiteral("test/other_vendors.txt"),
                    {QStringLiteral("GITHUB_TOKEN=@@"), QStringLiteral("GITHUB_PAT=@@"),
                     QStringLiteral("STRIPE_KEY=@@"), QStringLiteral("STRIPE_LONG=@@"),
                     QStringLiteral("SLACK=@@"), QStringLiteral("AWS_ACCESS_KEY_ID=@@"),
                     QStringLiteral("GITLAB=@@"), QStringLiteral("OPENAI=@@")},
                    {{QStringLiteral("ghp_") + randomBase62(36), Kind::Other},
                     {QStringLiteral("github_pat_") + randomBase62(22) + QStringLiteral("_")
                          + randomBase62(59),
                      Kind::Other},
                     {QStringLiteral("sk_live_") + randomBase62(24), Kind::Other},
                     {QStringLiteral("sk_live_") + randomBase62(49), Kind::Other},
                     {QStringLiteral("xoxb-1234567890-") + randomBase62(24), Kind::Other},
                     {QStringLiteral("AKIA") + randomBase62(16).toUpper(), Kind::Other},
                     {QStringLiteral("glpat-") + randomBase62(20), Kind::Other},
                     {QStringLiteral("sk-proj-") + randomBase62(48), Kind::Other}});

        // For the snippets: the vault's keys, generated ones, and near-misses of each.
        m_snippetInput = m_keys;
        for (Environment env : kAllEnvironments) {
            for (const char *prefix : {"kw", "a1", "abcdefghijkl"}) {
                const SecretString token = KeyToken::generate(QString::fromLatin1(prefix), env);
                m_snippetInput.append(QString::fromLatin1(token.data(), qsizetype(token.size())));
            }
        }
        for (const QString &key : QStringList(m_snippetInput)) {
            m_snippetInput << changedAt(key, -1) << changedAt(key, -4) << changedAt(key, 15)
                           << key.chopped(1) << key + QStringLiteral("0")
                           << QStringLiteral("x") + key;
        }
        m_snippetInput << QStringLiteral("kw_prod_") + tail << QStringLiteral("Kw_live_") + tail
                       << QStringLiteral("k_live_") + tail << QStringLiteral("kw_live_")
                       << QString(57, QLatin1Char('a'));
        for (int i = 0; i < 40; ++i) // random check characters: about none can match
            m_snippetInput << QStringLiteral("kw_dev_") + randomBase62(49);
    }

    void docSnippetsPython()
    {
        const QString snippet = docSnippet(QStringLiteral("python"));
        QVERIFY(snippet.contains(QStringLiteral("def keyward_key_ok")));
        const QString program = snippet
            + QStringLiteral("\nimport sys\nfor line in sys.stdin.read().split('\\n'):\n"
                             "    if line:\n        print('ok' if keyward_key_ok(line) else "
                             "'bad')\n");
        compareSnippetVerdicts(runProgram(m_python, {QStringLiteral("-c"), program},
                                          m_snippetInput.join(QLatin1Char('\n')).toUtf8()));
    }

    void docSnippetsJavaScript()
    {
        const QString snippet = docSnippet(QStringLiteral("js"));
        QVERIFY(snippet.contains(QStringLiteral("function keywardKeyOk")));
        const QString program = snippet
            + QStringLiteral("\nconst input = require('fs').readFileSync(0, 'utf8');\n"
                             "for (const line of input.split('\\n'))\n"
                             "  if (line) console.log(keywardKeyOk(line) ? 'ok' : 'bad');\n");
        compareSnippetVerdicts(runProgram(m_node, {QStringLiteral("-e"), program},
                                          m_snippetInput.join(QLatin1Char('\n')).toUtf8()));
    }

    void docSnippetsGo()
    {
        const QString go = QStandardPaths::findExecutable(QStringLiteral("go"));
        if (go.isEmpty())
            QSKIP("go is not installed");
        QString snippet = docSnippet(QStringLiteral("go"));
        QVERIFY(snippet.contains(QStringLiteral("func KeyOK")));
        snippet.replace(
            QStringLiteral("package keyward"),
            QStringLiteral("package main\n\nimport (\n\t\"bufio\"\n\t\"fmt\"\n\t\"os\"\n)"));
        snippet += QStringLiteral(
            "\nfunc main() {\n\tscanner := bufio.NewScanner(os.Stdin)\n\tfor scanner.Scan() {\n"
            "\t\tif KeyOK(scanner.Text()) {\n\t\t\tfmt.Println(\"ok\")\n\t\t} else {\n"
            "\t\t\tfmt.Println(\"bad\")\n\t\t}\n\t}\n}\n");
        const QString path = m_work.filePath(QStringLiteral("keyok.go"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(snippet.toUtf8());
        file.close();
        qputenv("GOCACHE", m_work.filePath(QStringLiteral("gocache")).toUtf8());
        qputenv("GOPATH", m_work.filePath(QStringLiteral("gopath")).toUtf8());
        compareSnippetVerdicts(runProgram(go, {QStringLiteral("run"), path},
                                          m_snippetInput.join(QLatin1Char('\n')).toUtf8()));
    }

    // The sample .pre-commit-hooks.yaml's entry, given the files as pre-commit gives them.
    void preCommitHookFindsRealKeysOnly()
    {
        QFile hooks(kSource + QStringLiteral("/contrib/scanners/.pre-commit-hooks.yaml"));
        QVERIFY(hooks.open(QIODevice::ReadOnly));
        const QRegularExpressionMatch entry =
            QRegularExpression(QStringLiteral("^  entry: keywardctl (.*)$"),
                               QRegularExpression::MultilineOption)
                .match(QString::fromUtf8(hooks.readAll()));
        QVERIFY(entry.hasMatch());
        QStringList arguments = entry.captured(1).split(QLatin1Char(' '));
        arguments << QStringLiteral("--json");
        for (const QString &file : m_files)
            arguments.append(m_sample.filePath(file));
        CliRunner::Run run = m_cli->run(arguments);
        QVERIFY2(run.exitCode == 1, run.describe().constData());
        QSet<Location> leaks;
        int notes = 0;
        for (const QJsonObject &object : run.jsonLines()) {
            if (!object.value(QStringLiteral("leak")).toBool()) {
                ++notes;
                continue;
            }
            leaks.insert(
                {m_sample.relativeFilePath(object.value(QStringLiteral("file")).toString()),
                 object.value(QStringLiteral("line")).toInt()});
        }
        QCOMPARE(describe(leaks), describe(expected({Kind::Real})));
        // Wrong checks (3), the placeholder, two cut short, an unknown environment.
        QCOMPARE(notes, 7);
        for (const QString &key : m_keys)
            QVERIFY(!run.out.contains(key.toUtf8()) && !run.err.contains(key.toUtf8()));
        arguments << QStringLiteral("--prefix") << QStringLiteral("kw")
                  << QStringLiteral("--prefix") << QStringLiteral("acme");
        run = m_cli->run(arguments);
        int found = 0;
        for (const QJsonObject &object : run.jsonLines())
            found += object.value(QStringLiteral("leak")).toBool() ? 1 : 0;
        QCOMPARE(found, int(expected({Kind::Real, Kind::RealOtherVault}).size()));
        qInfo("check-format: %d keys (%d with acme) and %d notes in %d files", int(leaks.size()),
              found, notes, int(m_files.size()));
    }

    void secretlintRuleFindsRealKeysOnly()
    {
        installTools();
        const QString rule =
            kSource + QStringLiteral("/contrib/scanners/secretlint-rule-keyward/index.js");
        // The published configuration, with the rule's id made a path (it is not on npm).
        QFile published(kSource + QStringLiteral("/contrib/scanners/secretlintrc.json"));
        QVERIFY(published.open(QIODevice::ReadOnly));
        QJsonObject config = QJsonDocument::fromJson(published.readAll()).object();
        QJsonArray rules = config.value(QStringLiteral("rules")).toArray();
        QJsonObject keyward = rules.at(0).toObject();
        QCOMPARE(keyward.value(QStringLiteral("id")).toString(),
                 QStringLiteral("secretlint-rule-keyward"));
        keyward.insert(QStringLiteral("id"), rule);
        rules.replace(0, keyward);
        config.insert(QStringLiteral("rules"), rules);

        QStringList secrets;
        QSet<Location> found = secretlint(writeConfig(QStringLiteral("kw.json"), config), &secrets);
        QCOMPARE(describe(found), describe(expected({Kind::Real})));
        QCOMPARE(confirmedByCheckFormat(secrets), int(found.size()));
        QCOMPARE(m_secretlintMessages.size(), found.size());
        for (const QString &message : std::as_const(m_secretlintMessages)) {
            for (const QString &key : m_keys)
                QVERIFY(!message.contains(key.mid(8, 20)));
        }
        QSet<QString> files;
        for (const Location &location : found)
            files.insert(location.first);
        qInfo("secretlint + secretlint-rule-keyward: %d keys in %d of %d files", int(found.size()),
              int(files.size()), int(m_files.size()));

        // Another vault's prefix, as the README says: one more entry in "prefixes".
        keyward.insert(QStringLiteral("options"),
                       QJsonObject {{QStringLiteral("prefixes"),
                                     QJsonArray {QStringLiteral("kw"), QStringLiteral("acme")}}});
        rules.replace(0, keyward);
        config.insert(QStringLiteral("rules"), rules);
        secrets.clear();
        found = secretlint(writeConfig(QStringLiteral("kw-acme.json"), config), &secrets);
        QCOMPARE(describe(found), describe(expected({Kind::Real, Kind::RealOtherVault})));
    }

    void secretlintPatternPreset()
    {
        installTools();
        QStringList secrets;
        const QSet<Location> found = secretlint(
            kSource + QStringLiteral("/contrib/scanners/secretlintrc.pattern.json"), &secrets);
        // A pattern cannot compute the check: changed keys and the placeholder match too...
        QCOMPARE(describe(found),
                 describe(expected({Kind::Real, Kind::WrongCheck, Kind::Placeholder})));
        // ...and check-format tells them apart.
        QCOMPARE(confirmedByCheckFormat(secrets), int(expected({Kind::Real}).size()));
        qInfo("secretlint + pattern preset: %d matches, %d confirmed by check-format",
              int(found.size()), int(expected({Kind::Real}).size()));
    }

    void gitleaksRule()
    {
        QStringList secrets;
        const QSet<Location> found =
            regexScan(QStringLiteral("--gitleaks"), QStringLiteral("gitleaks.toml"), &secrets);
        // The entropy threshold drops the placeholder, not the changed keys.
        QCOMPARE(describe(found), describe(expected({Kind::Real, Kind::WrongCheck})));
        QCOMPARE(confirmedByCheckFormat(secrets), int(expected({Kind::Real}).size()));
    }

    void trufflehogDetector()
    {
        QStringList secrets;
        const QSet<Location> found =
            regexScan(QStringLiteral("--trufflehog"), QStringLiteral("trufflehog.yaml"), &secrets);
        QCOMPARE(describe(found), describe(expected({Kind::Real, Kind::WrongCheck})));
        QCOMPARE(confirmedByCheckFormat(secrets), int(expected({Kind::Real}).size()));
    }

    // contrib/scanners/README.md: `sed 's/\bkw_/acme_/g'` adapts a rule to the prefix acme.
    void rulesAdaptedToAnotherPrefix()
    {
        const QRegularExpression kw(QStringLiteral("\\bkw_"));
        for (const auto &[option, rule] :
             {std::pair {QStringLiteral("--gitleaks"), QStringLiteral("gitleaks.toml")},
              std::pair {QStringLiteral("--trufflehog"), QStringLiteral("trufflehog.yaml")}}) {
            QFile published(kSource + QStringLiteral("/contrib/scanners/") + rule);
            QVERIFY(published.open(QIODevice::ReadOnly));
            const QString adapted = m_work.filePath(QStringLiteral("acme-") + rule);
            QFile file(adapted);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QString::fromUtf8(published.readAll())
                           .replace(kw, QStringLiteral("acme_"))
                           .toUtf8());
            file.close();
            QStringList secrets;
            const QSet<Location> found = regexScan(option, adapted, &secrets);
            QCOMPARE(describe(found), describe(expected({Kind::RealOtherVault})));
            QCOMPARE(confirmedByCheckFormat(secrets, {QStringLiteral("acme")}), 1);
        }
    }

    void githubCustomPattern()
    {
        QStringList secrets;
        const QSet<Location> found = regexScan(
            QStringLiteral("--github"), QStringLiteral("github-secret-scanning.md"), &secrets);
        QCOMPARE(describe(found),
                 describe(expected({Kind::Real, Kind::WrongCheck, Kind::Placeholder})));
        QCOMPARE(confirmedByCheckFormat(secrets), int(expected({Kind::Real}).size()));
    }

    // Real keys have far more entropy than the 3.5 bits the gitleaks and TruffleHog rules ask.
    void entropyThresholdLeavesRealKeys()
    {
        double lowest = 8;
        for (int i = 0; i < 2000; ++i) {
            const SecretString token =
                KeyToken::generate(QStringLiteral("kw"), Environment::Development);
            QHash<char, int> counts;
            for (std::size_t j = 0; j < token.size(); ++j)
                ++counts[token.data()[j]];
            double entropy = 0;
            for (int count : std::as_const(counts)) {
                const double p = double(count) / double(token.size());
                entropy -= p * std::log2(p);
            }
            lowest = std::min(lowest, entropy);
        }
        qInfo("lowest entropy of 2000 keys: %.2f bits", lowest);
        QVERIFY(lowest > 4.2);
    }
};

QTEST_GUILESS_MAIN(TestScanners)
#include "test_scanners.moc"
