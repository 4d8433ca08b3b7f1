// SHA-256, constant-time comparison, base62, CRC32, SecretString, the RNG and the self-test.
#include "crypto/CryptoSelfTest.h"
#include "crypto/KeyToken.h"
#include "crypto/SecretString.h"
#include "crypto/SecureRandom.h"
#include "crypto/Sha256.h"

#include <QRandomGenerator>
#include <QTest>

#include <utility>

using namespace Keyward;

class TestPrimitives : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sha256_data();
    void sha256();
    void sha256OverloadsAgree();
    void constantTimeEquals_data();
    void constantTimeEquals();
    void base62_data();
    void base62();
    void base62NeverTruncates();
    void crc32_data();
    void crc32();
    void crc32MatchesTheBytewiseDefinition();
    void secretStringHoldsBytes();
    void secretStringMoves();
    void secretStringClears();
    void secretStringFromQString();
    void secureRandom();
    void selfTestPasses();
};

void TestPrimitives::sha256_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("hexDigest");
    // FIPS 180-2 examples.
    QTest::newRow("empty")
        << QByteArray()
        << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("abc") << QByteArray(
        "abc") << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("two blocks")
        << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

void TestPrimitives::sha256()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, hexDigest);
    QCOMPARE(Sha256::hash(input).toHex(), hexDigest);
}

void TestPrimitives::sha256OverloadsAgree()
{
    const QByteArray data("kw_live_example");
    const SecretString secret(data.constData(), std::size_t(data.size()));
    QCOMPARE(Sha256::hash(secret), Sha256::hash(data));
    QCOMPARE(Sha256::hash(data.constData(), std::size_t(data.size())), Sha256::hash(data));
    QVERIFY(Sha256::hash(QByteArray("a")) != Sha256::hash(QByteArray("b")));
}

void TestPrimitives::constantTimeEquals_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    const QByteArray digest = Sha256::hash(QByteArray("x"));
    QByteArray lastDiffers = digest;
    lastDiffers[31] = char(lastDiffers.at(31) ^ 1);
    QByteArray firstDiffers = digest;
    firstDiffers[0] = char(firstDiffers.at(0) ^ 0x80);
    QTest::newRow("same digest") << digest << QByteArray(digest) << true;
    QTest::newRow("last byte differs") << digest << lastDiffers << false;
    QTest::newRow("first byte differs") << digest << firstDiffers << false;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("empty vs digest") << QByteArray() << digest << false;
    QTest::newRow("prefix of the other") << digest.left(16) << digest << false;
    QTest::newRow("longer") << QByteArray(digest + '\0') << digest << false;
}

void TestPrimitives::constantTimeEquals()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(Keyward::constantTimeEquals(a, b), equal);
    QCOMPARE(Keyward::constantTimeEquals(b, a), equal);
}

void TestPrimitives::base62_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("expected");
    // Expected values from an independent big-endian base62 encoder (0-9A-Za-z).
    QTest::newRow("32 zero bytes") << QByteArray(32, '\0') << 43 << QString(43, QLatin1Char('0'));
    QTest::newRow("32 0xFF bytes") << QByteArray(32, '\xFF') << 43
                                   << QStringLiteral("yhjskwdA6OZ1AL1YmHWZWm8LLG7HjnuCA2j5rOw8Xp1");
    QTest::newRow("256 padded") << QByteArrayLiteral("\x01\x00") << 4 << QStringLiteral("0048");
    QTest::newRow("61 is z") << QByteArray(1, char(61)) << 1 << QStringLiteral("z");
    QTest::newRow("62 is 10") << QByteArray(1, char(62)) << 1 << QStringLiteral("10");
    QTest::newRow("no bytes") << QByteArray() << 3 << QStringLiteral("000");
    QTest::newRow("max crc") << QByteArray(4, '\xFF') << 6 << QStringLiteral("4gfFC3");
    QTest::newRow("crc of 123456789")
        << QByteArrayLiteral("\xCB\xF4\x39\x26") << 6 << QStringLiteral("3jZRME");
}

void TestPrimitives::base62()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, width);
    QFETCH(QString, expected);
    QCOMPARE(KeyToken::base62Encode(bytes, width), expected);
}

// A width that is too small must not lose digits (a shorter key would still look valid).
void TestPrimitives::base62NeverTruncates()
{
    QCOMPARE(KeyToken::base62Encode(QByteArray(32, '\xFF'), 10).size(), 43);
    QCOMPARE(KeyToken::base62Encode(QByteArray(1, char(62)), 0), QStringLiteral("10"));
}

void TestPrimitives::crc32_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<quint32>("expected");
    QTest::newRow("empty") << QByteArray() << quint32(0);
    QTest::newRow("a") << QByteArray("a") << quint32(0xE8B7BE43u);
    QTest::newRow("123456789") << QByteArray("123456789") << quint32(0xCBF43926u);
    QTest::newRow("quick brown fox")
        << QByteArray("The quick brown fox jumps over the lazy dog") << quint32(0x414FA339u);
}

void TestPrimitives::crc32()
{
    QFETCH(QByteArray, input);
    QFETCH(quint32, expected);
    QCOMPARE(KeyToken::crc32(input.constData(), std::size_t(input.size())), expected);
}

// crc32 folds eight bytes at a time: every length around those steps, at every alignment, against
// the bytewise definition written out here (reflected 0xEDB88320, as zlib).
void TestPrimitives::crc32MatchesTheBytewiseDefinition()
{
    auto bytewise = [](const char *data, std::size_t size) {
        quint32 crc = 0xFFFFFFFFu;
        for (std::size_t i = 0; i < size; ++i) {
            crc ^= static_cast<unsigned char>(data[i]);
            for (int bit = 0; bit < 8; ++bit)
                crc = (crc & 1u) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return crc ^ 0xFFFFFFFFu;
    };
    QByteArray buffer(200, Qt::Uninitialized);
    QRandomGenerator random(20261206);
    for (char &c : buffer)
        c = char(random.bounded(256));
    buffer[3] = '\0';
    buffer[17] = '\xFF';
    int checked = 0;
    for (int offset = 0; offset < 8; ++offset) {
        for (int length = 0; length <= 72; ++length) {
            const char *start = buffer.constData() + offset;
            QCOMPARE(KeyToken::crc32(start, std::size_t(length)),
                     bytewise(start, std::size_t(length)));
            ++checked;
        }
    }
    QCOMPARE(checked, 8 * 73);
}

void TestPrimitives::secretStringHoldsBytes()
{
    const QByteArray bytes("se\0cret", 7); // a NUL must not end the secret
    const SecretString secret(bytes.constData(), std::size_t(bytes.size()));
    QCOMPARE(secret.size(), std::size_t(7));
    QCOMPARE(QByteArray(secret.data(), qsizetype(secret.size())), bytes);
    QVERIFY(!secret.isEmpty());

    const SecretString empty;
    QVERIFY(empty.isEmpty());
    QVERIFY(empty.data() != nullptr);
    QVERIFY(SecretString(nullptr, 5).isEmpty());
}

void TestPrimitives::secretStringMoves()
{
    SecretString original("token", 5);
    SecretString moved(std::move(original));
    QCOMPARE(moved.toQString(), QStringLiteral("token"));
    QVERIFY(original.isEmpty()); // NOLINT(bugprone-use-after-move): moved-from must be empty
    QVERIFY(original.data() != nullptr);

    SecretString assigned("other", 5);
    assigned = std::move(moved);
    QCOMPARE(assigned.toQString(), QStringLiteral("token"));
    QVERIFY(moved.isEmpty()); // NOLINT(bugprone-use-after-move)
    // A moved-from secret is still usable.
    moved = SecretString("again", 5);
    QCOMPARE(moved.toQString(), QStringLiteral("again"));
    original.clear();
    QVERIFY(original.isEmpty());
}

void TestPrimitives::secretStringClears()
{
    SecretString secret("passphrase", 10);
    secret.clear();
    QVERIFY(secret.isEmpty());
    QCOMPARE(secret.size(), std::size_t(0));
    QVERIFY(secret.toQString().isEmpty());
}

void TestPrimitives::secretStringFromQString()
{
    const QString text = QStringLiteral("pässwörd \U0001F511");
    const SecretString secret = SecretString::fromQString(text);
    QCOMPARE(QByteArray(secret.data(), qsizetype(secret.size())), text.toUtf8());
    QCOMPARE(secret.toQString(), text);
    QVERIFY(SecretString::fromQString(QString()).isEmpty());
}

void TestPrimitives::secureRandom()
{
    const QByteArray a = SecureRandom::bytes(32);
    const QByteArray b = SecureRandom::bytes(32);
    QCOMPARE(a.size(), 32);
    QVERIFY(a != b);
    QVERIFY(a != QByteArray(32, '\0'));
    QVERIFY(SecureRandom::bytes(0).isEmpty());

    std::uint8_t buffer[64] = {};
    SecureRandom::fill(buffer, sizeof buffer);
    int zeros = 0;
    for (std::uint8_t byte : buffer)
        zeros += byte == 0 ? 1 : 0;
    QVERIFY2(zeros < 16, "64 random bytes should not be mostly zero");
}

void TestPrimitives::selfTestPasses()
{
    const QString failure = CryptoSelfTest::run();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

int runPrimitivesTests(int argc, char **argv)
{
    TestPrimitives test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_primitives.moc"
