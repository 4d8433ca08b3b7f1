// verify --stdin's line reader on real descriptors: a regular file and a pipe. What it says of
// the input still waiting decides whether the verifying thread helps its cache's pass
// (VerifyCommand's PassHelp), so it must count what is there and nothing that is not.
#include "TokenLineReader.h"

#include <QTemporaryFile>
#include <QTest>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Keyward::Cli;

class TestTokenLineReader : public QObject
{
    Q_OBJECT

private:
    static QByteArray linesOf(int count, int width)
    {
        QByteArray text;
        for (int i = 0; i < count; ++i)
            text += QByteArray::number(i).rightJustified(width - 1, 'x') + '\n';
        return text;
    }

private Q_SLOTS:
    // From a file: what is buffered plus what the file holds after the read position, falling
    // line by line to nothing at the end.
    void aFileCountsWhatIsLeft()
    {
        const QByteArray text = linesOf(5000, 58); // 290,000 bytes: several reads
        QTemporaryFile file;
        QVERIFY(file.open());
        QCOMPARE(file.write(text), qint64(text.size()));
        QVERIFY(file.flush());
        const int fd = ::open(QFile::encodeName(file.fileName()).constData(), O_RDONLY);
        QVERIFY(fd >= 0);
        TokenLineReader reader(fd);
        QCOMPARE(reader.bytesAhead(), std::size_t(text.size()));
        const char *data = nullptr;
        std::size_t size = 0;
        for (int line = 0; line < 5000; ++line) {
            QVERIFY(reader.next(data, size));
            QCOMPARE(QByteArray(data, qsizetype(size)), text.mid(line * 58, 57));
            QCOMPARE(reader.bytesAhead(), std::size_t(text.size() - (line + 1) * 58));
        }
        QVERIFY(!reader.next(data, size));
        QCOMPARE(reader.bytesAhead(), std::size_t(0));
        ::close(fd);
    }

    // From a pipe: what the pipe holds now (a producer's future lines are unknown), plus what
    // is buffered; nothing once it is drained, and nothing after the writer closed it.
    void aPipeCountsWhatItHolds()
    {
        int fds[2];
        QVERIFY(::pipe(fds) == 0);
        const QByteArray text = linesOf(100, 58);
        QCOMPARE(::write(fds[1], text.constData(), std::size_t(text.size())), ssize_t(text.size()));
        TokenLineReader reader(fds[0]);
        QCOMPARE(reader.bytesAhead(), std::size_t(text.size()));
        const char *data = nullptr;
        std::size_t size = 0;
        QVERIFY(reader.next(data, size)); // reads everything there into its buffer
        QCOMPARE(reader.bytesAhead(), std::size_t(text.size() - 58));
        for (int line = 1; line < 100; ++line)
            QVERIFY(reader.next(data, size));
        QCOMPARE(reader.bytesAhead(), std::size_t(0));
        QCOMPARE(::write(fds[1], "more\n", 5), ssize_t(5));
        QCOMPARE(reader.bytesAhead(), std::size_t(5));
        QVERIFY(reader.next(data, size));
        QCOMPARE(QByteArray(data, qsizetype(size)), QByteArray("more"));
        ::close(fds[1]);
        QCOMPARE(reader.bytesAhead(), std::size_t(0));
        QVERIFY(!reader.next(data, size));
        ::close(fds[0]);
    }

    // A socket (a client that may wait for each answer) or /dev/null: nothing known to wait
    // beyond what is buffered, never an error.
    void otherInputCountsNothing()
    {
        const int fd = ::open("/dev/null", O_RDONLY);
        QVERIFY(fd >= 0);
        TokenLineReader reader(fd);
        QCOMPARE(reader.bytesAhead(), std::size_t(0));
        const char *data = nullptr;
        std::size_t size = 0;
        QVERIFY(!reader.next(data, size));
        ::close(fd);

        int pair[2];
        QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM, 0, pair) == 0);
        const QByteArray text = linesOf(100, 58);
        QCOMPARE(::write(pair[1], text.constData(), std::size_t(text.size())),
                 ssize_t(text.size()));
        TokenLineReader fromSocket(pair[0]);
        QCOMPARE(fromSocket.bytesAhead(), std::size_t(0));
        QVERIFY(fromSocket.next(data, size));
        QCOMPARE(fromSocket.bytesAhead(), std::size_t(text.size() - 58)); // what it buffered
        ::close(pair[0]);
        ::close(pair[1]);
    }
};

QTEST_GUILESS_MAIN(TestTokenLineReader)
#include "test_token_line_reader.moc"
