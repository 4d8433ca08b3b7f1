// Names, notes and prefixes: what is refused, and that hostile-looking text is just data.
#include "CoreTestSupport.h"

#include <QTest>

using namespace Keyward;
using CoreTestSupport::Outcome;

class TestValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyName_data();
    void keyName();
    void prefix_data();
    void prefix();
    void notes_data();
    void notes();
    void memberName_data();
    void memberName();
    void loginName_data();
    void loginName();
    void newExpiry();
};

void TestValidation::keyName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Outcome>("expected");
    QTest::newRow("plain") << QStringLiteral("Billing sync") << Outcome::Allowed;
    QTest::newRow("unicode") << QStringLiteral("Zähler 計数 \U0001F511") << Outcome::Allowed;
    QTest::newRow("empty") << QString() << Outcome::Invalid;
    QTest::newRow("spaces only") << QStringLiteral("   ") << Outcome::Invalid;
    QTest::newRow("tab only") << QStringLiteral("\t") << Outcome::Invalid;
    QTest::newRow("ideographic space only") << QStringLiteral("\u3000") << Outcome::Invalid;
    QTest::newRow("newline") << QStringLiteral("line\nbreak") << Outcome::Invalid;
    QTest::newRow("carriage return") << QStringLiteral("a\rb") << Outcome::Invalid;
    QTest::newRow("tab inside") << QStringLiteral("a\tb") << Outcome::Invalid;
    QTest::newRow("NUL") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"))
                         << Outcome::Invalid;
    QTest::newRow("escape") << QStringLiteral("a\x1b[31mred") << Outcome::Invalid;
    QTest::newRow("DEL") << QStringLiteral("a\x7f") << Outcome::Invalid;
    QTest::newRow("C1 control NEL") << QStringLiteral("a\u0085b") << Outcome::Invalid;
    QTest::newRow("bidi override") << QStringLiteral("invoice\u202Egpj.exe") << Outcome::Invalid;
    QTest::newRow("bidi isolate") << QStringLiteral("a\u2066b") << Outcome::Invalid;
    // Names are data: shown as plain text and bound as query values, never interpreted.
    QTest::newRow("quotes") << QStringLiteral("O'Brien \"prod\" `key`") << Outcome::Allowed;
    QTest::newRow("html") << QStringLiteral("<b>bold</b><script>alert(1)</script>")
                          << Outcome::Allowed;
    QTest::newRow("sql") << QStringLiteral("x'; DROP TABLE api_keys; --") << Outcome::Allowed;
    QTest::newRow("format specifiers") << QStringLiteral("%1 %s %n") << Outcome::Allowed;
    QTest::newRow("200 exactly") << QString(200, QLatin1Char('k')) << Outcome::Allowed;
    QTest::newRow("201") << QString(201, QLatin1Char('k')) << Outcome::Invalid;
    QTest::newRow("16 KiB") << QString(16 * 1024, QLatin1Char('k')) << Outcome::Invalid;
    QTest::newRow("1 MiB") << QString(1024 * 1024, QLatin1Char('k')) << Outcome::Invalid;
}

void TestValidation::keyName()
{
    QFETCH(QString, name);
    QFETCH(Outcome, expected);
    KW_COMPARE_OUTCOME(Permissions::validateKeyName(name), expected);
}

void TestValidation::prefix_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<Outcome>("expected");
    QTest::newRow("kw") << QStringLiteral("kw") << Outcome::Allowed;
    QTest::newRow("digits") << QStringLiteral("42") << Outcome::Allowed;
    QTest::newRow("mixed") << QStringLiteral("acme2") << Outcome::Allowed;
    QTest::newRow("12 chars") << QStringLiteral("abcdefghijkl") << Outcome::Allowed;
    QTest::newRow("13 chars") << QStringLiteral("abcdefghijklm") << Outcome::Invalid;
    QTest::newRow("empty") << QString() << Outcome::Invalid;
    QTest::newRow("one char") << QStringLiteral("k") << Outcome::Invalid;
    QTest::newRow("uppercase") << QStringLiteral("KW") << Outcome::Invalid;
    QTest::newRow("mixed case") << QStringLiteral("Kw") << Outcome::Invalid;
    QTest::newRow("underscore") << QStringLiteral("k_w") << Outcome::Invalid;
    QTest::newRow("hyphen") << QStringLiteral("k-w") << Outcome::Invalid;
    QTest::newRow("space inside") << QStringLiteral("k w") << Outcome::Invalid;
    QTest::newRow("trailing space") << QStringLiteral("kw ") << Outcome::Invalid;
    QTest::newRow("trailing newline") << QStringLiteral("kw\n") << Outcome::Invalid;
    QTest::newRow("accented") << QStringLiteral("kwé") << Outcome::Invalid;
    QTest::newRow("full-width letters") << QStringLiteral("\uff4b\uff57") << Outcome::Invalid;
    QTest::newRow("cyrillic look-alike") << QStringLiteral("\u0430cme") << Outcome::Invalid;
}

void TestValidation::prefix()
{
    QFETCH(QString, prefix);
    QFETCH(Outcome, expected);
    KW_COMPARE_OUTCOME(Permissions::validatePrefix(prefix), expected);
}

void TestValidation::notes_data()
{
    QTest::addColumn<QString>("notes");
    QTest::addColumn<Outcome>("expected");
    QTest::newRow("empty") << QString() << Outcome::Allowed;
    QTest::newRow("line breaks and tabs")
        << QStringLiteral("Line 1\r\nLine 2\n\tindented") << Outcome::Allowed;
    QTest::newRow("html") << QStringLiteral("<img src=x onerror=alert(1)>") << Outcome::Allowed;
    QTest::newRow("bell") << QStringLiteral("ring\a") << Outcome::Invalid;
    QTest::newRow("64 KiB") << QString(64 * 1024, QLatin1Char('n')) << Outcome::Allowed;
    QTest::newRow("64 KiB + 1") << QString(64 * 1024 + 1, QLatin1Char('n')) << Outcome::Invalid;
}

void TestValidation::notes()
{
    QFETCH(QString, notes);
    QFETCH(Outcome, expected);
    KW_COMPARE_OUTCOME(Permissions::validateNotes(notes), expected);
}

void TestValidation::memberName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Outcome>("expected");
    QTest::newRow("alice") << QStringLiteral("alice") << Outcome::Allowed;
    QTest::newRow("with space inside") << QStringLiteral("Alice Smith") << Outcome::Allowed;
    QTest::newRow("empty") << QString() << Outcome::Invalid;
    QTest::newRow("leading space") << QStringLiteral(" alice") << Outcome::Invalid;
    QTest::newRow("trailing space") << QStringLiteral("alice ") << Outcome::Invalid;
    QTest::newRow("newline") << QStringLiteral("ali\nce") << Outcome::Invalid;
    QTest::newRow("64 chars") << QString(64, QLatin1Char('a')) << Outcome::Allowed;
    QTest::newRow("65 chars") << QString(65, QLatin1Char('a')) << Outcome::Invalid;
}

void TestValidation::memberName()
{
    QFETCH(QString, name);
    QFETCH(Outcome, expected);
    KW_COMPARE_OUTCOME(Permissions::validateMemberName(name), expected);
}

// One rule for db setup, db add-login and migrate (it was written out three times).
void TestValidation::loginName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("rolePrefix");
    QTest::addColumn<Outcome>("expected");
    QTest::newRow("alice") << QStringLiteral("alice") << QStringLiteral("keyward")
                           << Outcome::Allowed;
    QTest::newRow("pg_ reserved") << QStringLiteral("pg_alice") << QStringLiteral("keyward")
                                  << Outcome::Invalid;
    QTest::newRow("the vault's groups")
        << QStringLiteral("keyward_owner") << QStringLiteral("keyward") << Outcome::Invalid;
    QTest::newRow("another prefix")
        << QStringLiteral("keyward_owner") << QStringLiteral("acme") << Outcome::Allowed;
    QTest::newRow("no prefix known")
        << QStringLiteral("keyward_owner") << QString() << Outcome::Allowed;
    QTest::newRow("public") << QStringLiteral("public") << QString() << Outcome::Invalid;
    QTest::newRow("63 bytes") << QString(63, QLatin1Char('a')) << QString() << Outcome::Allowed;
    QTest::newRow("64 bytes") << QString(64, QLatin1Char('a')) << QString() << Outcome::Invalid;
    // Bytes, not characters: 32 two-byte letters are 64 bytes.
    QTest::newRow("32 umlauts") << QString(32, QChar(0x00e4)) << QString() << Outcome::Invalid;
}

void TestValidation::loginName()
{
    QFETCH(QString, name);
    QFETCH(QString, rolePrefix);
    QFETCH(Outcome, expected);
    KW_COMPARE_OUTCOME(Permissions::validateLoginName(name, rolePrefix), expected);
}

// The store and the Generate dialog ask the same question.
void TestValidation::newExpiry()
{
    const qint64 now = 1'800'000'000'000;
    KW_COMPARE_OUTCOME(Permissions::validateNewExpiry(std::nullopt, now), Outcome::Allowed);
    KW_COMPARE_OUTCOME(Permissions::validateNewExpiry(now + 1, now), Outcome::Allowed);
    KW_COMPARE_OUTCOME(Permissions::validateNewExpiry(now, now), Outcome::Invalid);
    KW_COMPARE_OUTCOME(Permissions::validateNewExpiry(now - 1, now), Outcome::Invalid);
}

int runValidationTests(int argc, char **argv)
{
    TestValidation test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_validation.moc"
