// Ed25519 member keys: signatures, the sealed private key, fingerprints.
#include "crypto/SecretString.h"
#include "crypto/SigningKey.h"

#include <QTest>

using namespace Keyward;

namespace {

SecretString secret(const char *text)
{
    return SecretString(text, qstrlen(text));
}

} // namespace

class TestSigningKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signsAndVerifies();
    void refusesAlteredMessageSignatureOrKey();
    void refusesMalformedInput();
    void unsealsWithRightPassphraseOnly();
    void refusesSealedKeyOfAnotherMember();
    void refusesDamagedSealedKey();
    void fingerprintFormat();
};

void TestSigningKey::signsAndVerifies()
{
    auto key = SigningKey::generate();
    QVERIFY(key);
    QCOMPARE(key->publicKey().size(), SigningKey::kPublicKeyBytes);
    const QByteArray message("key 7 state 2");
    const QByteArray signature = key->sign(message);
    QCOMPARE(signature.size(), SigningKey::kSignatureBytes);
    QVERIFY(SigningKey::verify(key->publicKey(), message, signature));
    auto other = SigningKey::generate();
    QVERIFY(other);
    QVERIFY(other->publicKey() != key->publicKey());
}

void TestSigningKey::refusesAlteredMessageSignatureOrKey()
{
    auto key = SigningKey::generate();
    auto other = SigningKey::generate();
    QVERIFY(key && other);
    const QByteArray message("key 7 state 2");
    QByteArray signature = key->sign(message);
    QVERIFY(!SigningKey::verify(key->publicKey(), QByteArray("key 7 state 0"), signature));
    QVERIFY(!SigningKey::verify(other->publicKey(), message, signature));
    signature[10] = char(signature[10] ^ 1);
    QVERIFY(!SigningKey::verify(key->publicKey(), message, signature));
}

void TestSigningKey::refusesMalformedInput()
{
    auto key = SigningKey::generate();
    QVERIFY(key);
    const QByteArray message("m");
    const QByteArray signature = key->sign(message);
    QVERIFY(!SigningKey::verify(QByteArray(), message, signature));
    QVERIFY(!SigningKey::verify(key->publicKey().left(31), message, signature));
    QVERIFY(!SigningKey::verify(key->publicKey(), message, QByteArray()));
    QVERIFY(!SigningKey::verify(key->publicKey(), message, signature + 'x'));
    QVERIFY(!SigningKey::verify(QByteArray(32, '\0'), message, QByteArray(64, '\0')));
}

void TestSigningKey::unsealsWithRightPassphraseOnly()
{
    auto key = SigningKey::generate();
    QVERIFY(key);
    const QByteArray sealed = key->seal(secret("correct horse battery staple"));
    QVERIFY(!sealed.isEmpty());
    // Fresh salt and nonce each time.
    QVERIFY(key->seal(secret("correct horse battery staple")) != sealed);
    auto opened =
        SigningKey::unseal(sealed, secret("correct horse battery staple"), key->publicKey());
    QVERIFY(opened);
    QCOMPARE(opened->publicKey(), key->publicKey());
    const QByteArray message("audit row 3");
    QVERIFY(SigningKey::verify(key->publicKey(), message, opened->sign(message)));
    QVERIFY(!SigningKey::unseal(sealed, secret("correct horse battery stapler"), key->publicKey()));
    QVERIFY(!SigningKey::unseal(sealed, SecretString(), key->publicKey()));
}

void TestSigningKey::refusesSealedKeyOfAnotherMember()
{
    // Someone with write access swaps in a key they sealed with a passphrase of their own: it
    // opens, but it is not the key the public key (which the Owner certified) belongs to.
    auto member = SigningKey::generate();
    auto forger = SigningKey::generate();
    QVERIFY(member && forger);
    const QByteArray forged = forger->seal(secret("forger's passphrase"));
    QVERIFY(!SigningKey::unseal(forged, secret("forger's passphrase"), member->publicKey()));
}

void TestSigningKey::refusesDamagedSealedKey()
{
    auto key = SigningKey::generate();
    QVERIFY(key);
    const QByteArray sealed = key->seal(secret("pass phrase"));
    for (int at : {0, 5, 30, int(sealed.size()) - 1}) {
        QByteArray damaged = sealed;
        damaged[at] = char(damaged[at] ^ 0x40);
        QVERIFY2(!SigningKey::unseal(damaged, secret("pass phrase"), key->publicKey()),
                 qPrintable(QString::number(at)));
    }
    QVERIFY(!SigningKey::unseal(sealed.left(sealed.size() - 1), secret("pass phrase"),
                                key->publicKey()));
    QVERIFY(!SigningKey::unseal(QByteArray(), secret("pass phrase"), key->publicKey()));
}

void TestSigningKey::fingerprintFormat()
{
    auto key = SigningKey::generate();
    QVERIFY(key);
    const QString fingerprint = SigningKey::fingerprint(key->publicKey());
    QCOMPARE(fingerprint.size(), 39);
    QCOMPARE(fingerprint.count(QLatin1Char('-')), 7);
    QCOMPARE(SigningKey::normalisedFingerprint(fingerprint), fingerprint);
    QString typed = fingerprint.toUpper();
    typed.replace(QLatin1Char('-'), QLatin1Char(' '));
    QCOMPARE(SigningKey::normalisedFingerprint(typed), fingerprint);
    QString colons = fingerprint;
    colons.replace(QLatin1Char('-'), QLatin1Char(':'));
    QCOMPARE(SigningKey::normalisedFingerprint(colons), fingerprint);
    QVERIFY(SigningKey::normalisedFingerprint(fingerprint.left(38)).isEmpty());
    QVERIFY(SigningKey::normalisedFingerprint(fingerprint + QStringLiteral("0")).isEmpty());
    QVERIFY(SigningKey::normalisedFingerprint(QStringLiteral("xyz")).isEmpty());
    QVERIFY(SigningKey::fingerprint(SigningKey::generate()->publicKey()) != fingerprint);
}

int runSigningKeyTests(int argc, char **argv)
{
    TestSigningKey test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_signing_key.moc"
