// verify --stdin's decision to help its cache's pass (app/cli/PassHelp, built into keywardctl
// only): due only while the pass has ranges nobody claimed and enough input is known to wait in
// a file, asked at most once every few thousand lines; helping reads the rest on the caller's
// connection.
#include "PassHelp.h"
#include "TokenLineReader.h"
#include "VerifyTestSupport.h"
#include "verify/VerifierCache.h"

#include <QTemporaryFile>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

using namespace Keyward;
using namespace Keyward::Testing;
using Keyward::Cli::PassHelp;
using Keyward::Cli::TokenLineReader;

namespace {

// A file of `lines` key-sized lines, open for reading.
class LinesFile
{
public:
    explicit LinesFile(int lines)
    {
        const QByteArray line = QByteArray(QByteArray(57, 'k') + '\n');
        m_file.open();
        m_file.write(line.repeated(lines));
        m_file.flush();
        m_fd = ::open(QFile::encodeName(m_file.fileName()).constData(), O_RDONLY);
    }
    ~LinesFile() { ::close(m_fd); }
    int fd() const { return m_fd; }

private:
    QTemporaryFile m_file;
    int m_fd = -1;
};

} // namespace

class TestPassHelp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dueWhileThePassHasRangesAndInputWaits()
    {
        VaultFixture vault;
        QList<IssuedToken> keys;
        for (int i = 0; i < 40; ++i)
            keys.append(issue(*vault.store, QStringLiteral("K%1").arg(i)));
        auto helperStore = vault.openSecond(QString());
        Verifier verifier(*vault.store, vault.clock);
        VerifierCacheOptions options;
        options.checkIntervalMs = 3'600'000;
        options.fillChunkRows = 4;
        verifier.enableCache(options);
        VerifierCache &cache = *verifier.cache();
        QCOMPARE(verifyToken(verifier, keys[0].token).outcome, VerifyOutcome::Valid);

        const int enough = int(PassHelp::kCheckEveryLines) + 500;
        LinesFile many(enough);
        LinesFile few(1000);
        int pipe[2];
        QVERIFY(::pipe(pipe) == 0);
        const QByteArray piped = QByteArray(QByteArray(57, 'k') + '\n').repeated(200);
        QCOMPARE(::write(pipe[1], piped.constData(), std::size_t(piped.size())),
                 ssize_t(piped.size()));
        TokenLineReader fromMany(many.fd());
        TokenLineReader fromFew(few.fd());
        TokenLineReader fromPipe(pipe[0]);

        PassHelp beforePass(&cache, fromMany);
        QVERIFY(!beforePass.due(1)); // no pass: nothing to help
        QVERIFY(!PassHelp(nullptr, fromMany).due(1));

        bool dueForMany = false;
        bool dueAgainAtOnce = true;
        bool dueAfterTheInterval = false;
        bool dueForFew = true;
        bool dueForPipe = true;
        bool dueAfterHelping = true;
        int helpedRows = 0;
        int parts = 0;
        const quint64 generation = cache.generation();
        const auto filled =
            cache.fill(generation, *vault.store, [&](VerifierCache::FillPart &part) {
                const bool going = cache.addFilled(generation, part);
                if (++parts == 1) { // the pass's first range read: the others wait
                    PassHelp help(&cache, fromMany);
                    dueForMany = help.due(1);
                    dueAgainAtOnce = help.due(2);
                    dueAfterTheInterval = help.due(1 + PassHelp::kCheckEveryLines);
                    dueForFew = PassHelp(&cache, fromFew).due(1);
                    dueForPipe = PassHelp(&cache, fromPipe).due(1);
                    const int before = cache.size();
                    help.help(*helperStore);
                    helpedRows = cache.size() - before;
                    dueAfterHelping = PassHelp(&cache, fromMany).due(1);
                }
                return going;
            });
        QVERIFY2(filled, qPrintable(filled.errorMessage()));
        QVERIFY(dueForMany);
        QVERIFY(!dueAgainAtOnce); // asked again only kCheckEveryLines later
        QVERIFY(dueAfterTheInterval);
        QVERIFY(!dueForFew); // fewer lines than the least worth it
        QVERIFY(!dueForPipe); // a pipe's buffer is all that is known of it
        QVERIFY2(helpedRows > 0, QByteArray::number(helpedRows).constData());
        QVERIFY(!dueAfterHelping); // nothing left to claim
        QCOMPARE(parts, 1);
        QCOMPARE(cache.size(), 40);
        ::close(pipe[0]);
        ::close(pipe[1]);
    }
};

QTEST_GUILESS_MAIN(TestPassHelp)
#include "test_pass_help.moc"
