// Generation, round trips, trimming, hints and messages of API key tokens.
#include "TokenTestSupport.h"

#include "crypto/KeyToken.h"
#include "crypto/SecretString.h"
#include "crypto/Sha256.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Keyward;
using TokenTestSupport::parse;
using TokenTestSupport::statusName;

Q_DECLARE_METATYPE(Keyward::Environment)

class TestKeyToken : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void anyPrefixParsesWithoutExpectation();
    void prefixIsReportedAsWritten();
    void generateRefusesBadPrefix_data();
    void generateRefusesBadPrefix();
    void tokensAreUnique();
    void goldenTokens_data();
    void goldenTokens();
    void surroundingWhiteSpaceIsTrimmed_data();
    void surroundingWhiteSpaceIsTrimmed();
    void hintOfGoldenToken();
    void hintOfNonTokenIsEmpty();
    void describe_data();
    void describe();
};

void TestKeyToken::roundTrip_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<Environment>("environment");
    const QStringList prefixes {QStringLiteral("kw"), QStringLiteral("acme"),
                                QStringLiteral("a1b2c3d4e5f6"), QStringLiteral("00")};
    for (const QString &prefix : prefixes) {
        for (Environment env : kAllEnvironments) {
            const QByteArray name = (prefix + QLatin1Char('_') + environmentCode(env)).toUtf8();
            QTest::newRow(name.constData()) << prefix << env;
        }
    }
}

void TestKeyToken::roundTrip()
{
    QFETCH(QString, prefix);
    QFETCH(Environment, environment);

    const SecretString token = KeyToken::generate(prefix, environment);
    const QString text = token.toQString();
    const QString envCode = environmentCode(environment);
    QCOMPARE(qsizetype(token.size()),
             prefix.size() + 1 + envCode.size() + 1 + KeyToken::kBodyLength
                 + KeyToken::kCheckLength);
    const QRegularExpression shape(QRegularExpression::anchoredPattern(
        QRegularExpression::escape(prefix + QLatin1Char('_') + envCode + QLatin1Char('_'))
        + QStringLiteral("[0-9A-Za-z]{49}")));
    QVERIFY2(shape.match(text).hasMatch(), qPrintable(text));

    const KeyToken::Parsed parsed = KeyToken::parse(token, prefix);
    QCOMPARE(statusName(parsed.status), statusName(KeyToken::ParseStatus::Ok));
    QVERIFY(parsed.isOk());
    QCOMPARE(parsed.environment, environment);
    QCOMPARE(parsed.prefix, prefix);
    QCOMPARE(parsed.hash.size(), 32);
    QCOMPARE(parsed.hash, Sha256::hash(token));
    QCOMPARE(parsed.hash, Sha256::hash(text.toUtf8()));

    const QString hint = KeyToken::hint(token);
    const QRegularExpression hintShape(QRegularExpression::anchoredPattern(
        QRegularExpression::escape(prefix + QLatin1Char('_') + envCode + QLatin1Char('_'))
        + QStringLiteral("[0-9A-Za-z]{3}\u2026[0-9A-Za-z]{2}")));
    QVERIFY2(hintShape.match(hint).hasMatch(), qPrintable(hint));
    QCOMPARE(hint, text.left(prefix.size() + envCode.size() + 5) + QChar(0x2026) + text.right(2));
}

void TestKeyToken::anyPrefixParsesWithoutExpectation()
{
    const SecretString token = KeyToken::generate(QStringLiteral("acme"), Environment::Production);
    const KeyToken::Parsed parsed = KeyToken::parse(token);
    QCOMPARE(statusName(parsed.status), statusName(KeyToken::ParseStatus::Ok));
    QCOMPARE(parsed.prefix, QStringLiteral("acme"));
}

void TestKeyToken::prefixIsReportedAsWritten()
{
    // Another product's key: refused for its prefix, which is reported as the token has it.
    const SecretString acme = KeyToken::generate(QStringLiteral("acme"), Environment::Staging);
    const KeyToken::Parsed foreign = KeyToken::parse(acme, QStringLiteral("kw"));
    QCOMPARE(statusName(foreign.status), statusName(KeyToken::ParseStatus::WrongPrefix));
    QCOMPARE(foreign.prefix, QStringLiteral("acme"));
    // A prefix is compared whole: one that only starts like the expected one is another.
    const SecretString longer = KeyToken::generate(QStringLiteral("kwx"), Environment::Staging);
    QCOMPARE(statusName(KeyToken::parse(longer, QStringLiteral("kw")).status),
             statusName(KeyToken::ParseStatus::WrongPrefix));
    QCOMPARE(statusName(KeyToken::parse(acme, QStringLiteral("acm")).status),
             statusName(KeyToken::ParseStatus::WrongPrefix));
    // The expected prefix: the same text, and a copy that outlives the expectation.
    const SecretString own = KeyToken::generate(QStringLiteral("kw"), Environment::Development);
    KeyToken::Parsed parsed;
    {
        const QString expected = QStringLiteral("kw");
        parsed = KeyToken::parse(own, expected);
    }
    QCOMPARE(statusName(parsed.status), statusName(KeyToken::ParseStatus::Ok));
    QCOMPARE(parsed.prefix, QStringLiteral("kw"));
    QCOMPARE(parsed.environment, Environment::Development);
}

void TestKeyToken::generateRefusesBadPrefix_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::newRow("empty") << QString();
    QTest::newRow("one char") << QStringLiteral("k");
    QTest::newRow("13 chars") << QStringLiteral("abcdefghijklm");
    QTest::newRow("uppercase") << QStringLiteral("KW");
    QTest::newRow("underscore") << QStringLiteral("k_w");
    QTest::newRow("space") << QStringLiteral("kw ");
    QTest::newRow("non-ascii") << QStringLiteral("kw\u00e9");
}

// A token we could not parse back must never be handed out.
void TestKeyToken::generateRefusesBadPrefix()
{
    QFETCH(QString, prefix);
    QVERIFY(KeyToken::generate(prefix, Environment::Production).isEmpty());
}

void TestKeyToken::tokensAreUnique()
{
    QSet<QByteArray> tokens;
    QSet<QByteArray> bodies;
    constexpr int kCount = 1000;
    for (int i = 0; i < kCount; ++i) {
        const SecretString token =
            KeyToken::generate(QStringLiteral("kw"), Environment::Development);
        const QByteArray bytes(token.data(), qsizetype(token.size()));
        QVERIFY(KeyToken::parse(token, QStringLiteral("kw")).isOk());
        tokens.insert(bytes);
        bodies.insert(bytes.mid(7, KeyToken::kBodyLength));
    }
    QCOMPARE(tokens.size(), kCount);
    QCOMPARE(bodies.size(), kCount);
}

void TestKeyToken::goldenTokens_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<Environment>("environment");
    QTest::newRow("live") << TokenTestSupport::kGoldenLive << Environment::Production;
    QTest::newRow("stg") << TokenTestSupport::kGoldenStaging << Environment::Staging;
    QTest::newRow("dev") << TokenTestSupport::kGoldenDevelopment << Environment::Development;
}

// Tokens minted by another implementation of the format parse, and ours rebuild them exactly.
void TestKeyToken::goldenTokens()
{
    QFETCH(QByteArray, token);
    QFETCH(Environment, environment);
    const KeyToken::Parsed parsed = parse(token, QStringLiteral("kw"));
    QCOMPARE(statusName(parsed.status), statusName(KeyToken::ParseStatus::Ok));
    QCOMPARE(parsed.environment, environment);
    QCOMPARE(parsed.hash, Sha256::hash(token));

    QByteArray body;
    for (int i = 0; i < 32; ++i)
        body.append(char(i));
    const QByteArray rebuilt = TokenTestSupport::withChecksum(
        "kw_" + environmentCode(environment).toLatin1() + '_'
        + KeyToken::base62Encode(body, KeyToken::kBodyLength).toLatin1());
    QCOMPARE(rebuilt, token);
}

void TestKeyToken::surroundingWhiteSpaceIsTrimmed_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::newRow("spaces") << QByteArray("  ") << QByteArray("   ");
    QTest::newRow("trailing newline") << QByteArray() << QByteArray("\n");
    QTest::newRow("CRLF both sides") << QByteArray("\r\n") << QByteArray("\r\n");
    QTest::newRow("tabs") << QByteArray("\t\t") << QByteArray("\t");
    QTest::newRow("vertical tab, form feed") << QByteArray("\v") << QByteArray("\f");
    QTest::newRow("no-break space") << QByteArray("\xC2\xA0") << QByteArray("\xC2\xA0");
    QTest::newRow("ideographic space") << QByteArray("\xE3\x80\x80") << QByteArray();
    QTest::newRow("em space, line separator")
        << QByteArray("\xE2\x80\x83") << QByteArray("\xE2\x80\xA8");
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF") << QByteArray();
    QTest::newRow("mixed") << QByteArray(" \t\xC2\xA0\n") << QByteArray("\r\n \xE2\x80\x8B");
}

void TestKeyToken::surroundingWhiteSpaceIsTrimmed()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    const QByteArray token = TokenTestSupport::kGoldenLive;
    const KeyToken::Parsed parsed = parse(before + token + after, QStringLiteral("kw"));
    QCOMPARE(statusName(parsed.status), statusName(KeyToken::ParseStatus::Ok));
    // The hash is of the key itself, so a pasted key with spaces finds the stored one.
    QCOMPARE(parsed.hash, Sha256::hash(token));
}

void TestKeyToken::hintOfGoldenToken()
{
    const QByteArray token = TokenTestSupport::kGoldenLive;
    const SecretString secret(token.constData(), std::size_t(token.size()));
    QCOMPARE(KeyToken::hint(secret), QStringLiteral("kw_live_003\u2026wN"));
}

void TestKeyToken::hintOfNonTokenIsEmpty()
{
    QVERIFY(KeyToken::hint(SecretString()).isEmpty());
    QVERIFY(KeyToken::hint(SecretString("no underscores", 14)).isEmpty());
    QVERIFY(KeyToken::hint(SecretString("kw_live_ab", 10)).isEmpty());
}

void TestKeyToken::describe_data()
{
    using S = KeyToken::ParseStatus;
    QTest::addColumn<KeyToken::ParseStatus>("status");
    QTest::addColumn<bool>("saysNotCopiedInFull");
    QTest::newRow("Ok") << S::Ok << false;
    QTest::newRow("Empty") << S::Empty << false;
    QTest::newRow("Malformed") << S::Malformed << false;
    QTest::newRow("WrongPrefix") << S::WrongPrefix << false;
    QTest::newRow("UnknownEnvironment") << S::UnknownEnvironment << false;
    QTest::newRow("ChecksumMismatch") << S::ChecksumMismatch << true;
    QTest::newRow("Truncated") << S::Truncated << true;
}

void TestKeyToken::describe()
{
    QFETCH(KeyToken::ParseStatus, status);
    QFETCH(bool, saysNotCopiedInFull);
    const QString text = KeyToken::describe(status);
    QVERIFY(!text.isEmpty());
    QCOMPARE(text.contains(QLatin1String("not copied in full")), saysNotCopiedInFull);
}

int runKeyTokenTests(int argc, char **argv)
{
    TestKeyToken test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_key_token.moc"
