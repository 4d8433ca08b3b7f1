// Everything a person or a scanner might paste instead of a good key, and what parse() says.
#include "TokenTestSupport.h"

#include "crypto/KeyToken.h"

#include <QTest>

using namespace Keyward;
using Status = KeyToken::ParseStatus;
using TokenTestSupport::statusName;

namespace {

const QByteArray &good()
{
    return TokenTestSupport::kGoldenLive; // kw_live_003aUlTJC7...BIDlf0fcTwN
}

QByteArray replaced(QByteArray text, int pos, const QByteArray &with)
{
    return text.replace(pos, 1, with);
}

// Position of the first body character (after "kw_live_").
constexpr int kBody = 8;

} // namespace

class TestKeyTokenParse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badTokens_data();
    void badTokens();
    void describesEveryBadToken_data() { badTokens_data(); }
    void describesEveryBadToken();
    void parsesWithNullData();
};

void TestKeyTokenParse::badTokens_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expectedPrefix");
    QTest::addColumn<Status>("expected");
    const QString kw = QStringLiteral("kw");
    const QByteArray tail = good().mid(kBody);

    // Nothing there.
    QTest::newRow("empty") << QByteArray() << kw << Status::Empty;
    QTest::newRow("white space only") << QByteArray(" \t\r\n ") << kw << Status::Empty;
    QTest::newRow("unicode white space only")
        << QByteArray("\xC2\xA0\xE3\x80\x80") << kw << Status::Empty;

    // Cut short: "not copied in full".
    QTest::newRow("truncated by 1") << good().chopped(1) << kw << Status::Truncated;
    QTest::newRow("truncated by the check") << good().chopped(6) << kw << Status::Truncated;
    QTest::newRow("truncated by half") << good().left(good().size() / 2) << kw << Status::Truncated;
    QTest::newRow("prefix and env only") << QByteArray("kw_live_") << kw << Status::Truncated;

    // Altered: the checksum notices.
    QTest::newRow("one body char changed")
        << replaced(good(), kBody + 10, "x") << kw << Status::ChecksumMismatch;
    QTest::newRow("one check char changed")
        << replaced(good(), good().size() - 1, "M") << kw << Status::ChecksumMismatch;
    QTest::newRow("case of one char swapped")
        << replaced(good(), kBody + 3, "A") << kw << Status::ChecksumMismatch;
    QTest::newRow("env swapped, checksum of live")
        << QByteArray("kw_dev_" + tail) << kw << Status::ChecksumMismatch;
    QTest::newRow("leading letter, no expected prefix")
        << QByteArray("x" + good()) << QString() << Status::ChecksumMismatch;

    // Another vault or product.
    QTest::newRow("wrong prefix") << TokenTestSupport::withChecksum("acme_live_" + tail.chopped(6))
                                  << kw << Status::WrongPrefix;
    QTest::newRow("wrong prefix, truncated")
        << QByteArray("acme_live_abc") << kw << Status::WrongPrefix;
    QTest::newRow("leading letter, expected prefix")
        << QByteArray("x" + good()) << kw << Status::WrongPrefix;

    // Environment.
    QTest::newRow("env prod") << QByteArray("kw_prod_" + tail) << kw << Status::UnknownEnvironment;
    QTest::newRow("env uppercase")
        << QByteArray("kw_LIVE_" + tail) << kw << Status::UnknownEnvironment;
    QTest::newRow("env prod, truncated")
        << QByteArray("kw_prod_" + tail.left(10)) << kw << Status::Malformed;

    // Not shaped like a key at all.
    QTest::newRow("inner space") << replaced(good(), kBody + 5, " ") << kw << Status::Malformed;
    QTest::newRow("inner newline") << replaced(good(), kBody + 5, "\n") << kw << Status::Malformed;
    QTest::newRow("inner tab") << QByteArray(good()).insert(kBody + 5, '\t') << kw
                               << Status::Malformed;
    QTest::newRow("missing prefix") << QByteArray("live_" + tail) << kw << Status::Malformed;
    QTest::newRow("missing env") << QByteArray("kw__" + tail) << kw << Status::Malformed;
    QTest::newRow("cyrillic a look-alike")
        << replaced(good(), kBody + 3, "\xD0\xB0") << kw << Status::Malformed;
    QTest::newRow("full-width digit")
        << replaced(good(), kBody, "\xEF\xBC\x90") << kw << Status::Malformed;
    QTest::newRow("NUL inside") << QByteArray(good()).insert(kBody + 5, '\0') << kw
                                << Status::Malformed;
    QTest::newRow("NUL replacing a char")
        << replaced(good(), kBody + 5, QByteArray(1, '\0')) << kw << Status::Malformed;
    QTest::newRow("NUL at end") << QByteArray(good() + QByteArray(1, '\0')) << kw
                                << Status::Malformed;
    QTest::newRow("10 kB of letters") << QByteArray(10 * 1024, 'a') << kw << Status::Malformed;
    QTest::newRow("10 kB tail") << QByteArray(good() + QByteArray(10 * 1024, 'A')) << kw
                                << Status::Malformed;
    QTest::newRow("token twice") << QByteArray(good() + good()) << kw << Status::Malformed;
    QTest::newRow("token twice, space")
        << QByteArray(good() + ' ' + good()) << kw << Status::Malformed;
    QTest::newRow("token twice, newline")
        << QByteArray(good() + '\n' + good()) << kw << Status::Malformed;
    QTest::newRow("trailing letter") << QByteArray(good() + 'X') << kw << Status::Malformed;
    QTest::newRow("trailing punctuation") << QByteArray(good() + '.') << kw << Status::Malformed;
    QTest::newRow("leading punctuation") << QByteArray('#' + good()) << kw << Status::Malformed;
    QTest::newRow("bearer header") << QByteArray("Bearer " + good()) << kw << Status::Malformed;
    QTest::newRow("quoted") << QByteArray('"' + good() + '"') << kw << Status::Malformed;
    QTest::newRow("underscore after env removed")
        << QByteArray("kw_live" + tail) << kw << Status::Malformed;
    QTest::newRow("underscore after prefix removed")
        << QByteArray("kwlive_" + tail) << kw << Status::Malformed;
    QTest::newRow("extra underscore after prefix")
        << QByteArray("kw__live_" + tail) << kw << Status::Malformed;
    QTest::newRow("extra underscore in body")
        << QByteArray(good()).insert(kBody + 20, '_') << kw << Status::Malformed;
    QTest::newRow("hyphens") << QByteArray("kw-live-" + tail) << kw << Status::Malformed;
    QTest::newRow("invalid UTF-8 inside")
        << replaced(good(), kBody + 5, "\xFF\xFE") << kw << Status::Malformed;
    QTest::newRow("invalid UTF-8 at end") << QByteArray(good() + "\xC3") << kw << Status::Malformed;
    QTest::newRow("cut UTF-8 space at end")
        << QByteArray(good() + "\xE2\x80") << kw << Status::Malformed;
    QTest::newRow("lone continuation byte first")
        << QByteArray("\x80" + good()) << kw << Status::Malformed;
    QTest::newRow("emoji") << replaced(good(), kBody + 5, "\xF0\x9F\x94\x91") << kw
                           << Status::Malformed;
    QTest::newRow("zero-width space inside")
        << replaced(good(), kBody + 5, "\xE2\x80\x8B") << kw << Status::Malformed;
    QTest::newRow("prefix uppercase") << QByteArray("KW_live_" + tail) << kw << Status::Malformed;
    QTest::newRow("prefix one char") << QByteArray("k_live_" + tail) << kw << Status::Malformed;
    QTest::newRow("prefix 13 chars")
        << QByteArray("abcdefghijklm_live_" + tail) << kw << Status::Malformed;
    QTest::newRow("only underscores") << QByteArray("__") << kw << Status::Malformed;
    QTest::newRow("a word") << QByteArray("password") << kw << Status::Malformed;
}

void TestKeyTokenParse::badTokens()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expectedPrefix);
    QFETCH(Status, expected);
    const KeyToken::Parsed parsed = TokenTestSupport::parse(input, expectedPrefix);
    QCOMPARE(statusName(parsed.status), statusName(expected));
    QVERIFY(!parsed.isOk());
    QVERIFY(parsed.hash.isEmpty()); // only a good key is ever looked up
}

void TestKeyTokenParse::describesEveryBadToken()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expectedPrefix);
    const KeyToken::Parsed parsed = TokenTestSupport::parse(input, expectedPrefix);
    QVERIFY(!KeyToken::describe(parsed.status).isEmpty());
}

void TestKeyTokenParse::parsesWithNullData()
{
    const KeyToken::Parsed parsed = KeyToken::parse(nullptr, 0);
    QCOMPARE(statusName(parsed.status), statusName(Status::Empty));
}

int runKeyTokenParseTests(int argc, char **argv)
{
    TestKeyTokenParse test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_key_token_parse.moc"
