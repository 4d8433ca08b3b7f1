// Argon2id PHC strings: format, verification, and refusal of malformed or downgraded strings.
#include "crypto/PassphraseHasher.h"
#include "crypto/SecretString.h"

#include <QTest>

using namespace Keyward;

namespace {

SecretString secret(const char *text)
{
    return SecretString(text, qstrlen(text));
}

const QString kPrefix = QStringLiteral("$argon2id$v=19$m=65536,t=3,p=1$");

// Made with Botan::argon2_generate_pwhash for "correct horse": all of them are genuine hashes of
// that passphrase, so any refusal below is because of the parameters, not the hash.
const QString kGoodReference =
    QStringLiteral("$argon2id$v=19$m=65536,t=3,p=1$Rj9V9nuP9dAbwAblONwn4Q$"
                   "FpNpLXczsd7jbUmVedvJSKYliIo2vHvCBNnWsoQo6k4");
const QString kLowMemory = QStringLiteral("$argon2id$v=19$m=8192,t=1,p=1$UpKjOU4YB9hPT3PfWrBi6Q$"
                                          "cmcJiSBKGTcgMpK1s1LZV+fC/TlRRq1+Biba38X8m/M");
const QString kFewIterations = QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$stByf0jZE4ZDO72/"
                                              "ca2J9w$UcRaJ5DfLtOkUqBhZ0gwOdouw7KK1xbE/Yvx/LU2eBk");
const QString kArgon2i = QStringLiteral("$argon2i$v=19$m=65536,t=3,p=1$IjAf1zkNWDtekCJNhIamGQ$"
                                        "F92MAQtg8VhGLctXhR1H0lmEoeMFw8kV4VWVP4AA5jA");

} // namespace

class TestPassphraseHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hashHasOurParameters();
    void verifiesRightPassphrase();
    void refusesWrongPassphrase();
    void saltsEveryHash();
    void acceptsReferenceHash();
    void refusesMalformed_data();
    void refusesMalformed();
    void refusesWeakParameters_data();
    void refusesWeakParameters();
    void unicodeAndEmptyPassphrases();

private:
    QString m_hash; // of "correct horse battery staple", made once: Argon2id is slow on purpose
};

void TestPassphraseHasher::initTestCase()
{
    m_hash = PassphraseHasher::hash(secret("correct horse battery staple"));
    QVERIFY(!m_hash.isEmpty());
}

void TestPassphraseHasher::hashHasOurParameters()
{
    QVERIFY2(m_hash.startsWith(kPrefix), qPrintable(m_hash));
    // 16-byte salt and 32-byte hash in unpadded base64: 22 and 43 characters.
    const QStringList fields = m_hash.mid(kPrefix.size()).split(QLatin1Char('$'));
    QCOMPARE(fields.size(), 2);
    QCOMPARE(fields.at(0).size(), 22);
    QCOMPARE(fields.at(1).size(), 43);
}

void TestPassphraseHasher::verifiesRightPassphrase()
{
    QVERIFY(PassphraseHasher::verify(secret("correct horse battery staple"), m_hash));
}

void TestPassphraseHasher::refusesWrongPassphrase()
{
    QVERIFY(!PassphraseHasher::verify(secret("correct horse battery stapl"), m_hash));
    QVERIFY(!PassphraseHasher::verify(secret("Correct horse battery staple"), m_hash));
    QVERIFY(!PassphraseHasher::verify(secret("correct horse battery staple "), m_hash));
    QVERIFY(!PassphraseHasher::verify(SecretString(), m_hash));
}

void TestPassphraseHasher::saltsEveryHash()
{
    const QString again = PassphraseHasher::hash(secret("correct horse battery staple"));
    QVERIFY(again != m_hash);
    QVERIFY(PassphraseHasher::verify(secret("correct horse battery staple"), again));
}

void TestPassphraseHasher::acceptsReferenceHash()
{
    QVERIFY(PassphraseHasher::verify(secret("correct horse"), kGoodReference));
    QVERIFY(!PassphraseHasher::verify(secret("correct horse!"), kGoodReference));
}

void TestPassphraseHasher::refusesMalformed_data()
{
    QTest::addColumn<QString>("phc");
    const QString good = kGoodReference;
    QTest::newRow("empty") << QString();
    QTest::newRow("garbage") << QStringLiteral("not a hash");
    QTest::newRow("only the variant") << QStringLiteral("$argon2id$");
    QTest::newRow("no hash field") << good.left(good.lastIndexOf(QLatin1Char('$')));
    QTest::newRow("truncated hash") << good.chopped(10);
    // Not the last character: its low bits are padding a decoder may ignore.
    QTest::newRow("hash altered") << QString(good).replace(QStringLiteral("FpNp"),
                                                           QStringLiteral("FpNq"));
    QTest::newRow("salt altered") << QString(good).replace(QStringLiteral("Rj9V"),
                                                           QStringLiteral("Rj9W"));
    QTest::newRow("bad base64") << QString(good).replace(QStringLiteral("Rj9V"),
                                                         QStringLiteral("R!9V"));
    QTest::newRow("padding") << good + QStringLiteral("=");
    QTest::newRow("trailing newline") << good + QLatin1Char('\n');
    QTest::newRow("leading space") << QLatin1Char(' ') + good;
    QTest::newRow("extra field") << good + QStringLiteral("$abc");
    QTest::newRow("double dollar") << QLatin1Char('$') + good;
    QTest::newRow("version 16") << QString(good).replace(QStringLiteral("v=19"),
                                                         QStringLiteral("v=16"));
    QTest::newRow("no version") << QString(good).replace(QStringLiteral("v=19$"), QString());
    QTest::newRow("non-numeric memory")
        << QString(good).replace(QStringLiteral("m=65536"), QStringLiteral("m=lots"));
    QTest::newRow("parameters reordered")
        << QString(good).replace(QStringLiteral("m=65536,t=3"), QStringLiteral("t=3,m=65536"));
    QTest::newRow("bcrypt") << QStringLiteral(
        "$2a$12$7KIYdyv8Bp32WAvc.7YvI.wvRlyVn0HP/EhPmmOyMQA4YKxINO0p2");
}

void TestPassphraseHasher::refusesMalformed()
{
    QFETCH(QString, phc);
    QVERIFY(!PassphraseHasher::verify(secret("correct horse"), phc));
}

void TestPassphraseHasher::refusesWeakParameters_data()
{
    QTest::addColumn<QString>("phc");
    QTest::newRow("m=8192,t=1") << kLowMemory;
    QTest::newRow("t=2") << kFewIterations;
    QTest::newRow("argon2i variant") << kArgon2i;
    // Ceilings: a planted PHC string must not make signing in allocate terabytes.
    QTest::newRow("huge memory") << QString(kGoodReference)
                                        .replace(QStringLiteral("m=65536"),
                                                 QStringLiteral("m=4294967295"));
    QTest::newRow("huge iterations")
        << QString(kGoodReference).replace(QStringLiteral("t=3"), QStringLiteral("t=100000"));
}

void TestPassphraseHasher::refusesWeakParameters()
{
    QFETCH(QString, phc);
    QVERIFY(!PassphraseHasher::verify(secret("correct horse"), phc));
}

void TestPassphraseHasher::unicodeAndEmptyPassphrases()
{
    const QString text = QStringLiteral("Grüße, 世界 \U0001F511");
    const QString phc = PassphraseHasher::hash(SecretString::fromQString(text));
    QVERIFY(PassphraseHasher::verify(SecretString::fromQString(text), phc));
    // NFC and NFD look the same but are different bytes; no silent normalisation.
    QVERIFY(!PassphraseHasher::verify(
        SecretString::fromQString(text.normalized(QString::NormalizationForm_D)), phc));

    const QString emptyPhc = PassphraseHasher::hash(SecretString());
    QVERIFY(emptyPhc.startsWith(kPrefix));
    QVERIFY(PassphraseHasher::verify(SecretString(), emptyPhc));
    QVERIFY(!PassphraseHasher::verify(secret(" "), emptyPhc));
}

int runPassphraseHasherTests(int argc, char **argv)
{
    TestPassphraseHasher test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_passphrase_hasher.moc"
