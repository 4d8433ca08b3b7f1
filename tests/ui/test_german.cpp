// The German UI: the embedded catalogue is loaded and labels are German, and no fixed-width
// label is cut off in the longer German texts.
#include "UiTestSupport.h"
#include "UiTestSupportDialogs.h"

#include "core/DisplayNames.h"
#include "core/GrantCatalogue.h"
#include "core/Translations.h"
#include "crypto/KeyToken.h"
#include "store/UsageBatch.h"
#include "store/UsageRepository.h"
#include "ui/ApiKeysPage.h"
#include "ui/AuditLogModel.h"
#include "ui/ConfirmDestructiveDialog.h"
#include "ui/Formatting.h"
#include "ui/GenerateKeyDialog.h"
#include "ui/KeyDetailsPane.h"
#include "ui/KeyTableModel.h"
#include "ui/MainWindow.h"
#include "ui/OutcomeText.h"
#include "ui/ServerBackupDialog.h"
#include "ui/Settings.h"
#include "ui/WhyRejectedDialog.h"
#include "verify/KeyImpact.h"

#include <QAbstractButton>
#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTranslator>
#include <QtTest>

using namespace Keyward;
using namespace Keyward::UiTest;

class TestGerman : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void formattingIsGerman();
    void mainWindowActionsAreGerman();
    void generateDialogIsGermanAndNothingCutOff();
    void whyRejectedGrantsAreGerman();
    void passphraseDialogsHaveUniqueAccelerators();
    void qtOwnStringsAreGerman();
    void auditLogShowsFourDigitYears();
    void lastUsedReadsAsGerman();
    void revokeImpactIsGermanWithUniqueAccelerators();
    void serverBackupDialogIsGermanAndFits();
    void cachedRefusalsFollowTheLanguage();

private:
    QTemporaryDir m_home;
};

void TestGerman::initTestCase()
{
    isolateUserDirectories(m_home.path());
    const QString used = Translations::install(*QCoreApplication::instance(), QStringLiteral("de"));
    QVERIFY2(used.startsWith(QStringLiteral("de")), qPrintable(used));
}

void TestGerman::formattingIsGerman()
{
    QCOMPARE(DisplayNames::environment(Environment::Production), QStringLiteral("Produktion"));
    QCOMPARE(DisplayNames::status(KeyStatus::Revoked), QStringLiteral("Widerrufen"));
    QCOMPARE(Formatting::relativeOrNever(std::nullopt, 0), QStringLiteral("Nie"));
    // Plural forms come from the German catalogue, not the "(s)" source text.
    QVERIFY(!Formatting::relativeTime(3 * kDayMs, 0).contains(QStringLiteral("(s)")));
    QVERIFY(Formatting::relativeTime(3 * kDayMs, 0).contains(QStringLiteral("Tag")));
}

void TestGerman::mainWindowActionsAreGerman()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("CI deploy"));
    const QString path = vault.path();
    vault.closeStore();
    Settings settings(m_home.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings, vault.clock());
    window.show();
    window.start(path);
    QVERIFY(submitLogin(window, QStringLiteral("alice"), kOwnerPassphrase));
    auto *generate = window.findChild<QAction *>(QStringLiteral("actionGenerate"));
    QVERIFY(generate);
    QCOMPARE(generate->text(), QStringLiteral("Schlüssel &erzeugen…"));
    const auto *model = window.findChild<KeyTableModel *>();
    QVERIFY(model);
    QStringList headers;
    for (int c = 0; c < model->columnCount(); ++c)
        headers << model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    QVERIFY2(headers.contains(QStringLiteral("Umgebung")), qPrintable(headers.join(u',')));
    QVERIFY(!headers.contains(QStringLiteral("Environment")));
    const QStringList clashes = menuAcceleratorClashes(window);
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

void TestGerman::generateDialogIsGermanAndNothingCutOff()
{
    const Member owner {1, QStringLiteral("alice"), Role::Owner, 0, 1};
    ManualClock clock;
    GenerateKeyDialog dialog(GrantCatalogue::defaults(), owner, clock);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *generate = dialog.findChild<QAbstractButton *>(QStringLiteral("generateButton"));
    QVERIFY(generate);
    QVERIFY2(generate->text().contains(QStringLiteral("erzeugen")), qPrintable(generate->text()));
    int checked = 0;
    const QStringList cut = cutOffLabels(&dialog, &checked);
    QVERIFY2(cut.isEmpty(),
             qPrintable(QStringLiteral("cut off: ") + cut.join(QStringLiteral(" | "))));
    QVERIFY(checked > 5);
}

void TestGerman::whyRejectedGrantsAreGerman()
{
    Vault vault;
    QVERIFY(vault.isValid());
    WhyRejectedDialog dialog(vault.store(), vault.clock());
    auto *grants = dialog.findChild<QListWidget *>(QStringLiteral("grantsList"));
    QVERIFY(grants);
    QStringList texts;
    for (int i = 0; i < grants->count(); ++i)
        texts.append(grants->item(i)->text());
    // As in Generate: the translated label, then the id services ask for.
    QVERIFY2(texts.contains(QStringLiteral("Lizenzen lesen (licenses:read)")),
             qPrintable(texts.join(u',')));
    QVERIFY2(!texts.join(u',').contains(QStringLiteral("License Read")),
             qPrintable(texts.join(u',')));
}

void TestGerman::passphraseDialogsHaveUniqueAccelerators()
{
    const QStringList clashes = DialogTest::passphraseDialogAcceleratorClashes();
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

void TestGerman::qtOwnStringsAreGerman()
{
    // Qt's catalogue (qt6-translations-l10n, qtbase_de) is installed and loaded: the buttons
    // and key names Qt draws itself are German too.
    QDialogButtonBox box(QDialogButtonBox::Cancel | QDialogButtonBox::Close
                         | QDialogButtonBox::Yes);
    QVERIFY2(box.button(QDialogButtonBox::Cancel)->text().contains(QStringLiteral("Abbrechen")),
             qPrintable(box.button(QDialogButtonBox::Cancel)->text()));
    QVERIFY2(box.button(QDialogButtonBox::Close)->text().contains(QStringLiteral("Schließen")),
             qPrintable(box.button(QDialogButtonBox::Close)->text()));
    QVERIFY2(box.button(QDialogButtonBox::Yes)->text().contains(QStringLiteral("Ja")),
             qPrintable(box.button(QDialogButtonBox::Yes)->text()));
    QCOMPARE(QKeySequence(QKeySequence::Delete).toString(QKeySequence::NativeText),
             QStringLiteral("Entf"));
}

void TestGerman::auditLogShowsFourDigitYears()
{
    // 15 January 2027: German's short format alone would say "15.01.27".
    const QString text = AuditLogModel::timeText(1'800'000'000'000);
    QVERIFY2(text.contains(QStringLiteral("2027")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(".01.")), qPrintable(text));
}

void TestGerman::lastUsedReadsAsGerman()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const ApiKey key = vault.createKey(QStringLiteral("CI deploy"));
    vault.clock().advanceMs(kHourMs);
    vault.setLastUsed(key.id, vault.clock().nowMs() - 7 * kMinuteMs, QLatin1String(""));
    const QString path = vault.path();
    vault.closeStore();
    Settings settings(m_home.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings, vault.clock());
    window.show();
    window.start(path);
    QVERIFY(submitLogin(window, QStringLiteral("alice"), kOwnerPassphrase));
    window.keysPage()->selectKey(key.id);
    const QString text = window.keysPage()->details()->text();
    // Not "Zuletzt verwendet am vor 7 Minuten": the relative time stands on its own.
    QVERIFY2(text.contains(QStringLiteral("Zuletzt verwendet vor 7 Minuten")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("am vor")), qPrintable(text));
}

// The impact and the suggestion in German; the third button's accelerator clashes with neither
// "Schlüssel &widerrufen" nor "&Abbrechen", and nothing is cut off.
void TestGerman::revokeImpactIsGermanWithUniqueAccelerators()
{
    Vault vault;
    QVERIFY(vault.isValid());
    const ApiKey key = vault.createKey(QStringLiteral("Billing"));
    const qint64 now = vault.clock().nowMs();
    UsageBatch batch;
    for (int i = 0; i < 3; ++i) {
        UsageEvent event;
        event.atMs = now - (i + 1) * kHourMs;
        event.keyId = key.id;
        event.secretId = key.secrets.at(0).id;
        event.outcome = verifyOutcomeToInt(VerifyOutcome::Valid);
        event.consumesCredit = true;
        event.source = QStringLiteral("shop");
        batch.add(event);
    }
    QVERIFY(vault.store().usageRepository()->write(batch, UsageRetention {}, now));
    auto impact = KeyImpact::load(vault.store(), *vault.store().key(key.id), now);
    QVERIFY(impact);
    const QString text =
        impact->text({[now](qint64 atMs) { return Formatting::relativeTime(atMs, now); },
                      [](VerifyOutcome outcome) {
                          return OutcomeText::name(outcome);
                      }});
    QVERIFY2(text.startsWith(QStringLiteral("3 Anfragen in den letzten 7 Tagen")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("shop: zuletzt vor 1 Stunde, aktuelles Geheimnis")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Noch in Gebrauch: 1 Quelle")), qPrintable(text));

    ConfirmDestructiveDialog dialog(ConfirmDestructiveDialog::Mode::Revoke, key, vault.clock(),
                                    nullptr, text, true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *instead = dialog.findChild<QPushButton *>(QStringLiteral("regenerateInsteadButton"));
    QVERIFY(instead);
    QCOMPARE(instead->text(), QStringLiteral("Mit Übergangsfrist &neu erzeugen"));
    const QStringList clashes = DialogTest::clashingAccelerators(&dialog);
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
    const QStringList cut = cutOffLabels(&dialog);
    QVERIFY2(cut.isEmpty(),
             qPrintable(QStringLiteral("cut off: ") + cut.join(QStringLiteral(" | "))));
}

// File › Back Up Vault… on a server: German, nothing cut off, within an 800x600 screen.
void TestGerman::serverBackupDialogIsGermanAndFits()
{
    ServerBackupDialog dialog(
        QStringLiteral("alice"),
        m_home.filePath(QStringLiteral("keyward_prod.keyward.backup-20261205")));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Server-Tresor sichern"));
    QCOMPARE(dialog.backUpButton()->text(), QStringLiteral("&Sichern"));
    QVERIFY2(dialog.width() <= 800 && dialog.height() <= 600,
             qPrintable(QStringLiteral("%1x%2").arg(dialog.width()).arg(dialog.height())));
    const QStringList clashes = DialogTest::clashingAccelerators(&dialog);
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
    const QStringList cut = cutOffLabels(&dialog);
    QVERIFY2(cut.isEmpty(),
             qPrintable(QStringLiteral("cut off: ") + cut.join(QStringLiteral(" | "))));
    if (const QString dir = qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("server-backup-de.png"))));
}

// Texts given with every request are translated once per thread and language
// (CachedTranslation): a language installed later is used from the next call on.
void TestGerman::cachedRefusalsFollowTheLanguage()
{
    const auto malformed = [] {
        return KeyToken::describe(KeyToken::ParseStatus::Malformed);
    };
    QVERIFY2(malformed().startsWith(QStringLiteral("Dies ist kein Keyward-Schlüssel")),
             qPrintable(malformed()));
    // Without the German catalogue: the source text (English) from the next install on.
    for (QTranslator *translator : qApp->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(translator);
    // Kept until an install says the language changed: the text is not translated per call.
    QVERIFY2(malformed().startsWith(QStringLiteral("Dies ist kein Keyward-Schlüssel")),
             qPrintable(malformed()));
    Translations::install(*QCoreApplication::instance(), QStringLiteral("en"));
    QVERIFY2(malformed().startsWith(QStringLiteral("This is not a Keyward key")),
             qPrintable(malformed()));
    Translations::install(*QCoreApplication::instance(), QStringLiteral("de"));
    QVERIFY2(malformed().startsWith(QStringLiteral("Dies ist kein Keyward-Schlüssel")),
             qPrintable(malformed()));

    // Translated again only after an install.
    CachedTranslation cached;
    int made = 0;
    const auto make = [&made] {
        ++made;
        return QStringLiteral("text %1").arg(made);
    };
    QCOMPARE(cached.get(make), QStringLiteral("text 1"));
    QCOMPARE(cached.get(make), QStringLiteral("text 1"));
    QCOMPARE(made, 1);
    Translations::install(*QCoreApplication::instance(), QStringLiteral("de"));
    QCOMPARE(cached.get(make), QStringLiteral("text 2"));
    QCOMPARE(made, 2);
}

QTEST_MAIN(TestGerman)
#include "test_german.moc"
