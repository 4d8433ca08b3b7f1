// The built programs as an attacker meets them: the hardening flags are in the binaries
// (checked with readelf, the way checksec does), and a crash writes no core file, which would
// hold whatever keys the process had in memory.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

struct Child
{
    pid_t pid = -1;
    int in = -1; // our end of its stdin
    int out = -1; // our end of its stdout
};

// fork/exec instead of QProcess: the test needs the raw wait status (WCOREDUMP).
Child spawn(const QString &program, const QStringList &arguments, const QString &workingDir,
            const QProcessEnvironment &environment)
{
    QList<QByteArray> storage {QFile::encodeName(program)};
    for (const QString &argument : arguments)
        storage.append(argument.toUtf8());
    const QStringList variables = environment.toStringList();
    for (const QString &variable : variables)
        storage.append(variable.toUtf8());
    std::vector<char *> argv;
    std::vector<char *> envp;
    for (qsizetype i = 0; i < storage.size(); ++i)
        (i <= arguments.size() ? argv : envp).push_back(storage[i].data());
    argv.push_back(nullptr);
    envp.push_back(nullptr);
    const QByteArray dir = QFile::encodeName(workingDir);

    int in[2];
    int out[2];
    if (::pipe(in) != 0 || ::pipe(out) != 0)
        return {};
    Child child;
    child.pid = ::fork();
    if (child.pid == 0) {
        ::dup2(in[0], STDIN_FILENO);
        ::dup2(out[1], STDOUT_FILENO);
        ::close(in[0]);
        ::close(in[1]);
        ::close(out[0]);
        ::close(out[1]);
        if (::chdir(dir.constData()) != 0)
            ::_exit(126);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    child.in = in[1];
    child.out = out[0];
    return child;
}

// Kills with SIGQUIT (whose default action dumps core) and returns the wait status.
int quitAndWait(Child &child)
{
    ::kill(child.pid, SIGQUIT);
    int status = 0;
    ::waitpid(child.pid, &status, 0);
    ::close(child.in);
    ::close(child.out);
    return status;
}

bool hasCoreFile(const QString &dir)
{
    return !QDir(dir).entryList({QStringLiteral("core*")}, QDir::Files).isEmpty();
}

} // namespace

class TestHardening : public QObject
{
    Q_OBJECT

private:
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path() + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path() + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.path());
        env.insert(QStringLiteral("KEYWARD_MEMBER"), QStringLiteral("alice"));
        env.insert(QStringLiteral("KEYWARD_PASSPHRASE"), QStringLiteral("correct horse battery"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return env;
    }

    // Whether this machine writes core files at all (the limit raised to the hard limit): a
    // plain child that raises SIGQUIT. Without that, the programs' own refusal cannot be seen.
    bool systemDumpsCores()
    {
        const pid_t pid = ::fork();
        if (pid == 0) {
            if (::chdir(QFile::encodeName(m_cores.path()).constData()) != 0)
                ::_exit(1);
            ::signal(SIGQUIT, SIG_DFL); // QTest's crash handler is inherited by the fork
            ::raise(SIGQUIT);
            ::_exit(0);
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        for (const QString &core : QDir(m_cores.path()).entryList(QDir::Files))
            QFile::remove(m_cores.filePath(core));
        return WIFSIGNALED(status) && WCOREDUMP(status);
    }

    QTemporaryDir m_home;
    QTemporaryDir m_cores;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid() && m_cores.isValid());
        // Children inherit the limit: as large as we may make it.
        rlimit limit {};
        QCOMPARE(::getrlimit(RLIMIT_CORE, &limit), 0);
        limit.rlim_cur = limit.rlim_max;
        QCOMPARE(::setrlimit(RLIMIT_CORE, &limit), 0);
    }

    void binaryIsHardened_data()
    {
        QTest::addColumn<QString>("path");
        // Whether the program makes a call that _FORTIFY_SOURCE can check: the window's code
        // has none whose buffer size is known at compile time (checksec would say "0 of N
        // fortifiable"), so only the programs that do can show the flag. All are built alike.
        QTest::addColumn<bool>("hasFortifiableCalls");
        QTest::newRow("keyward") << QStringLiteral(KEYWARD_GUI_PATH) << false;
        QTest::newRow("keywardctl") << QStringLiteral(KEYWARDCTL_PATH) << true;
        QTest::newRow("keyward-verifyd") << QStringLiteral(KEYWARD_VERIFYD_PATH) << true;
    }
    void binaryIsHardened()
    {
        QFETCH(QString, path);
        QFETCH(bool, hasFortifiableCalls);
        QProcess readelf;
        readelf.start(QStringLiteral("readelf"),
                      {QStringLiteral("-W"), QStringLiteral("--file-header"),
                       QStringLiteral("--program-headers"), QStringLiteral("--dynamic"),
                       QStringLiteral("--dyn-syms"), path});
        QVERIFY2(readelf.waitForFinished(60000) && readelf.exitCode() == 0,
                 "readelf (binutils) is needed");
        const QString elf = QString::fromUtf8(readelf.readAllStandardOutput());
        // PIE: a position-independent executable is of type DYN.
        QVERIFY2(elf.contains(QRegularExpression(QStringLiteral("Type:\\s+DYN"))), "not PIE");
        // Full RELRO: a read-only relocation segment, and every symbol bound at start-up.
        QVERIFY2(elf.contains(QStringLiteral("GNU_RELRO")), "no RELRO segment");
        QVERIFY2(
            elf.contains(QRegularExpression(QStringLiteral("\\(BIND_NOW\\)|Flags:.*\\bNOW\\b"))),
            "lazy binding (link with -z now)");
        // Stack protector and _FORTIFY_SOURCE leave their run-time checks in the imports.
        QVERIFY2(elf.contains(QStringLiteral("__stack_chk_fail")), "no stack protector");
        if (hasFortifiableCalls)
            QVERIFY2(elf.contains(QRegularExpression(QStringLiteral("__\\w+_chk\\b"))),
                     "no fortified calls (_FORTIFY_SOURCE)");
    }

    // keywardctl killed while it holds a key in memory (answering verify --stdin) leaves no core.
    void cliWritesNoCoreDump()
    {
        if (!systemDumpsCores())
            QSKIP("This system writes no core files (core limit or core_pattern).");
        const QString vault = m_home.filePath(QStringLiteral("dump.kwv"));
        QProcess init;
        init.setProcessEnvironment(environment());
        init.start(QStringLiteral(KEYWARDCTL_PATH),
                   {QStringLiteral("--vault"), vault, QStringLiteral("init"),
                    QStringLiteral("--prefix"), QStringLiteral("kw"), QStringLiteral("--owner"),
                    QStringLiteral("alice")});
        QVERIFY(init.waitForFinished(60000));
        QVERIFY2(init.exitCode() == 0, init.readAllStandardError().constData());

        Child cli =
            spawn(QStringLiteral(KEYWARDCTL_PATH),
                  {QStringLiteral("--vault"), vault, QStringLiteral("verify"),
                   QStringLiteral("--env"), QStringLiteral("dev"), QStringLiteral("--stdin")},
                  m_cores.path(), environment());
        QVERIFY(cli.pid > 0);
        // One answer read back: main() is well past its start, the process waits for more.
        QCOMPARE(::write(cli.in, "kw_dev_x\n", 9), ssize_t(9));
        char c = 0;
        while (::read(cli.out, &c, 1) == 1 && c != '\n') { }
        QCOMPARE(c, '\n');
        const int status = quitAndWait(cli);
        QVERIFY(WIFSIGNALED(status));
        QVERIFY2(!WCOREDUMP(status), "keywardctl dumped core");
        QVERIFY(!hasCoreFile(m_cores.path()));
    }

    // The same for the window, once it is up (the offscreen platform plugin loaded).
    void guiWritesNoCoreDump()
    {
        if (!systemDumpsCores())
            QSKIP("This system writes no core files (core limit or core_pattern).");
        Child gui =
            spawn(QStringLiteral(KEYWARD_GUI_PATH), {m_home.filePath(QStringLiteral("absent.kwv"))},
                  m_cores.path(), environment());
        QVERIFY(gui.pid > 0);
        const QString maps = QStringLiteral("/proc/%1/maps").arg(gui.pid);
        // Up means: the platform plugin is mapped, or (for a user without CAP_SYS_PTRACE)
        // the maps are closed to us, which only a non-dumpable process does.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&maps] {
                QFile file(maps);
                if (!file.open(QIODevice::ReadOnly))
                    return true;
                return file.readAll().contains("offscreen");
            }(),
            60000);
        const int status = quitAndWait(gui);
        QVERIFY(WIFSIGNALED(status));
        QVERIFY2(!WCOREDUMP(status), "keyward dumped core");
        QVERIFY(!hasCoreFile(m_cores.path()));
    }
};

QTEST_GUILESS_MAIN(TestHardening)
#include "test_hardening.moc"
