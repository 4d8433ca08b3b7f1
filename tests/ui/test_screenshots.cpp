// Renders every screen and dialog (offscreen under ctest). With KEYWARD_SCREENSHOT_DIR set,
// writes them as PNG files there; otherwise only checks that each one renders at a sensible size
// and is not blank. docs/screenshots/ comes from scripts/screenshots.sh, which runs this on the
// xcb platform under Xvfb with a window manager, so the pictures have the sizes a desktop gives.
#include "UiTestSupport.h"
#include "UiTestSupportDialogs.h"

#include "core/Translations.h"
#include "crypto/KeyToken.h"
#include "store/UsageBatch.h"
#include "store/UsageRepository.h"
#include "ui/AddMemberDialog.h"
#include "ui/ApiKeysPage.h"
#include "ui/AuditLogPage.h"
#include "ui/BulkConfirmDialog.h"
#include "ui/ChangeRoleDialog.h"
#include "ui/ClipboardGuard.h"
#include "ui/ConfirmDestructiveDialog.h"
#include "ui/EditKeyDialog.h"
#include "ui/GenerateKeyDialog.h"
#include "ui/HistoryBanner.h"
#include "ui/HygieneDismissDialog.h"
#include "ui/HygieneModel.h"
#include "ui/HygienePage.h"
#include "ui/KeyActions.h"
#include "ui/KeyDetailsPane.h"
#include "ui/KeyFilterProxyModel.h"
#include "ui/KeyTableModel.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/PassphraseFields.h"
#include "ui/PreferencesDialog.h"
#include "ui/RegenerateKeyDialog.h"
#include "ui/RevealKeyDialog.h"
#include "ui/ServerBackupDialog.h"
#include "ui/SetPassphraseDialog.h"
#include "ui/Settings.h"
#include "ui/VaultCreatedDialog.h"
#include "ui/VaultMemory.h"
#include "ui/WelcomeDialog.h"
#include "verify/VerifyOutcome.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace Keyward;
using namespace Keyward::UiTest;

class TestScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mainWindow();
    void emptyState();
    void lockScreenAndLogin();
    void openError();
    void welcome();
    void membersAndAuditLog();
    void viewer();
    void memberDialogs();
    void keyDialogs();
    void endGracePeriod();
    void bulkActions();
    void impactAndRotation();
    void signedVault();
    void hygieneReport();
    void serverBackup();

private:
    void capture(QWidget *widget, const QString &name);
    std::unique_ptr<MainWindow> signedInWindow(Vault &vault, const QString &member,
                                               const QString &passphrase);

    QTemporaryDir m_home;
    std::unique_ptr<Settings> m_settings;
    QString m_outDir;
};

void TestScreenshots::initTestCase()
{
    QVERIFY(m_home.isValid());
    isolateUserDirectories(m_home.path());
    m_settings = std::make_unique<Settings>(m_home.filePath(QStringLiteral("settings.ini")));
    m_outDir = qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR");
    if (!m_outDir.isEmpty())
        QVERIFY(QDir().mkpath(m_outDir));
    // Stable, readable output whatever the machine's style.
    QApplication::setStyle(QStringLiteral("Fusion"));
    // As the app starts: English with its plural forms ("3 days", not "3 day(s)").
    Translations::install(*QCoreApplication::instance(), QStringLiteral("en"));
}

void TestScreenshots::capture(QWidget *widget, const QString &name)
{
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget));
    QCoreApplication::processEvents();
    const QImage image = widget->grab().toImage();
    QVERIFY2(image.width() >= 200 && image.height() >= 100, qPrintable(name));
    // Not blank: the top-left colour does not fill the whole picture.
    const QRgb corner = image.pixel(0, 0);
    bool varied = false;
    for (int y = 0; y < image.height() && !varied; y += 7) {
        for (int x = 0; x < image.width() && !varied; x += 7)
            varied = image.pixel(x, y) != corner;
    }
    QVERIFY2(varied, qPrintable(name + QStringLiteral(" rendered blank")));
    if (!m_outDir.isEmpty())
        QVERIFY(image.save(QDir(m_outDir).filePath(name + QStringLiteral(".png"))));
}

std::unique_ptr<MainWindow> TestScreenshots::signedInWindow(Vault &vault, const QString &member,
                                                            const QString &passphrase)
{
    auto window = std::make_unique<MainWindow>(*m_settings, vault.clock());
    window->resize(1440, 900);
    window->show();
    window->start(vault.path());
    if (!submitLogin(*window, member, passphrase) || !window->session().isUnlocked())
        return nullptr;
    return window;
}

void TestScreenshots::mainWindow()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.seedVariedKeys();
    auto window = signedInWindow(vault, QStringLiteral("alice"), kOwnerPassphrase);
    QVERIFY(window);
    ApiKeysPage *page = window->keysPage();
    page->findChild<QCheckBox *>(QStringLiteral("showRevokedCheck"))->setChecked(true);
    for (int row = 0; row < page->proxy()->rowCount(); ++row) {
        const QModelIndex index = page->proxy()->index(row, 0);
        if (index.data().toString() == QStringLiteral("CI deploy"))
            page->table()->selectRow(row);
    }
    QVERIFY(page->selectedKey());
    capture(window.get(), QStringLiteral("main-window"));
    window->close();
}

void TestScreenshots::emptyState()
{
    Vault vault;
    QVERIFY(vault.isValid());
    auto window = signedInWindow(vault, QStringLiteral("alice"), kOwnerPassphrase);
    QVERIFY(window);
    QCOMPARE(window->keysPage()->currentStatePage(), window->keysPage()->emptyStatePage());
    capture(window.get(), QStringLiteral("empty-state"));
    window->close();
}

void TestScreenshots::lockScreenAndLogin()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("Payments"));
    auto window = std::make_unique<MainWindow>(*m_settings, vault.clock());
    window->resize(1440, 900);
    window->show();
    window->start(vault.path());
    LoginDialog *login = window->loginDialog();
    QVERIFY(login);
    capture(window.get(), QStringLiteral("lock-screen"));
    login->findChild<QLineEdit *>(QStringLiteral("memberNameEdit"))
        ->setText(QStringLiteral("alice"));
    login->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"))
        ->setText(QStringLiteral("wrong one"));
    login->accept();
    QTRY_VERIFY_WITH_TIMEOUT(!login->isChecking(), 30000);
    QVERIFY(!login->errorText().isEmpty());
    capture(login, QStringLiteral("login-failed"));
    LoginDialog fresh(window->session(), QStringLiteral("alice"));
    fresh.findChild<QLineEdit *>(QStringLiteral("passphraseEdit"))
        ->setText(QStringLiteral("secret passphrase"));
    capture(&fresh, QStringLiteral("login"));
    window->close();
}

void TestScreenshots::openError()
{
    const QString path = m_home.filePath(QStringLiteral("report.keyward"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    ManualClock clock;
    MainWindow window(*m_settings, clock);
    window.resize(1440, 900);
    window.start(path);
    capture(&window, QStringLiteral("open-error"));
    window.close();
}

void TestScreenshots::welcome()
{
    ManualClock clock;
    VaultSession session(clock);
    WelcomeDialog dialog(session, WelcomeDialog::Mode::FirstRun,
                         QStringLiteral("/home/alice/.local/share/keyward/vault.keyward"));
    dialog.findChild<QLineEdit *>(QStringLiteral("ownerNameEdit"))
        ->setText(QStringLiteral("alice"));
    dialog.findChild<QLineEdit *>(QStringLiteral("newPassphraseEdit"))
        ->setText(QStringLiteral("tulip orbit"));
    dialog.findChild<QLineEdit *>(QStringLiteral("repeatPassphraseEdit"))
        ->setText(QStringLiteral("tulip orb"));
    capture(&dialog, QStringLiteral("welcome"));
}

void TestScreenshots::membersAndAuditLog()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.seedVariedKeys();
    vault.addMember(QStringLiteral("bob"), Role::Admin);
    auto window = signedInWindow(vault, QStringLiteral("alice"), kOwnerPassphrase);
    QVERIFY(window);
    window->showPage(MainWindow::Page::Members);
    QCOMPARE(window->currentPage(), MainWindow::Page::Members);
    capture(window.get(), QStringLiteral("members"));
    window->showPage(MainWindow::Page::AuditLog);
    window->auditLogPage()->verifyChain();
    QVERIFY(window->auditLogPage()->verificationText().contains(QStringLiteral("intact")));
    capture(window.get(), QStringLiteral("audit-log"));
    window->close();
}

void TestScreenshots::viewer()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.addMember(QStringLiteral("vera"), Role::Viewer);
    auto window = signedInWindow(vault, QStringLiteral("vera"), kMemberPassphrase);
    QVERIFY(window);
    capture(window.get(), QStringLiteral("empty-state-viewer"));
    window->close();
}

void TestScreenshots::memberDialogs()
{
    Vault vault;
    QVERIFY(vault.isValid());
    AddMemberDialog add(vault.store());
    add.findChild<QLineEdit *>(QStringLiteral("memberNameEdit"))->setText(QStringLiteral("carol"));
    add.findChild<QLineEdit *>(QStringLiteral("newPassphraseEdit"))
        ->setText(QStringLiteral("meadow lantern copper"));
    add.findChild<QLineEdit *>(QStringLiteral("repeatPassphraseEdit"))
        ->setText(QStringLiteral("meadow lantern copper"));
    capture(&add, QStringLiteral("add-member"));

    const Member bob = vault.addMember(QStringLiteral("bob"), Role::Admin);
    ChangeRoleDialog change(vault.store(), bob);
    change.findChild<QComboBox *>(QStringLiteral("roleCombo"))->setCurrentIndex(2); // Developer
    capture(&change, QStringLiteral("change-role"));

    // Changing your own passphrase: the current one first.
    SetPassphraseDialog own(vault.store(), *vault.store().currentMember());
    own.findChild<QLineEdit *>(QStringLiteral("currentPassphraseEdit"))
        ->setText(QStringLiteral("correct horse battery"));
    own.findChild<QLineEdit *>(QStringLiteral("newPassphraseEdit"))
        ->setText(QStringLiteral("harbour violet engine"));
    capture(&own, QStringLiteral("change-passphrase"));

    PreferencesDialog preferences(*m_settings);
    capture(&preferences, QStringLiteral("preferences"));
}

void TestScreenshots::keyDialogs()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.seedVariedKeys();
    const Member owner = *vault.store().currentMember();
    const GrantCatalogue &catalogue = vault.store().grantCatalogue();
    ApiKey billing;
    const auto keys = vault.store().listKeys();
    QVERIFY(keys);
    for (const ApiKey &key : *keys) {
        if (key.name == QStringLiteral("Billing webhook"))
            billing = key;
    }
    QVERIFY(billing.id > 0);

    GenerateKeyDialog generate(catalogue, owner, vault.clock());
    capture(&generate, QStringLiteral("generate-key"));
    // The store's refusal, said in place, the input kept (a role taken away meanwhile).
    GenerateKeyDialog refused(catalogue, owner, vault.clock());
    refused.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Orders"));
    refused.setSubmit([](const NewKeyRequest &) -> Result<void> {
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("Your membership of this vault was removed."));
    });
    refused.accept();
    QVERIFY(refused.result() != QDialog::Accepted);
    capture(&refused, QStringLiteral("generate-key-refused"));

    ClipboardGuard clipboard(QGuiApplication::clipboard(), vault.clock());
    SecretString token = KeyToken::generate(QStringLiteral("kw"), Environment::Production);
    RevealKeyDialog reveal(std::move(token), billing, RevealKeyDialog::Occasion::Generated,
                           clipboard, vault.clock());
    capture(&reveal, QStringLiteral("reveal-key"));

    EditKeyDialog edit(billing, catalogue, vault.clock());
    capture(&edit, QStringLiteral("edit-key"));
    RegenerateKeyDialog regenerate(billing, vault.clock());
    capture(&regenerate, QStringLiteral("regenerate-key"));
    ConfirmDestructiveDialog revoke(ConfirmDestructiveDialog::Mode::Revoke, billing, vault.clock());
    capture(&revoke, QStringLiteral("confirm-revoke"));
    ConfirmDestructiveDialog remove(ConfirmDestructiveDialog::Mode::Delete, billing, vault.clock());
    capture(&remove, QStringLiteral("confirm-delete"));
    clipboard.clearNow();
}

// The Keys menu with a regenerated key selected, and the question End Grace Period Now asks.
void TestScreenshots::endGracePeriod()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.seedVariedKeys();
    const auto keys = vault.store().listKeys();
    QVERIFY(keys);
    ApiKey billing;
    for (const ApiKey &key : *keys) {
        if (key.name == QStringLiteral("Billing webhook"))
            billing = key;
    }
    QVERIFY(billing.id > 0);
    QVERIFY(vault.store().regenerateKey(billing.id, billing.version, 24 * kHourMs));
    auto window = signedInWindow(vault, QStringLiteral("alice"), kOwnerPassphrase);
    QVERIFY(window);
    window->keysPage()->selectKey(billing.id);
    QVERIFY(window->keyActions()->endGracePeriod()->isEnabled());
    auto *menu = window->menuBar()->findChild<QMenu *>(QStringLiteral("keysMenu"));
    QVERIFY(menu);
    QVERIFY(menu->actions().contains(window->keyActions()->endGracePeriod()));
    menu->popup(window->mapToGlobal(QPoint(120, 40)));
    // The offscreen platform never exposes a popup; a real desktop (scripts/screenshots.sh) does.
    if (QTest::qWaitForWindowExposed(menu, 1000))
        capture(menu, QStringLiteral("keys-menu-end-grace"));
    menu->hide();
    window->keyActions()->endGracePeriod()->trigger();
    auto *box = DialogTest::openDialog<QMessageBox>();
    QVERIFY(box);
    capture(box, QStringLiteral("confirm-end-grace"));
    box->reject();
    auto after = vault.store().key(billing.id);
    QVERIFY(after);
    QVERIFY(!after->secretsInGraceAt(vault.clock().nowMs()).isEmpty()); // kept: answered No
    window->close();
}

// Several keys selected: the pane says how many, and one confirmation lists them all.
void TestScreenshots::bulkActions()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.seedVariedKeys();
    auto window = signedInWindow(vault, QStringLiteral("alice"), kOwnerPassphrase);
    QVERIFY(window);
    window->keysPage()->table()->setFocus();
    window->keysPage()->table()->selectAll();
    const int selected = int(window->keysPage()->selectedKeys().size());
    QVERIFY(selected > 2);
    QVERIFY(window->keyActions()->revoke()->isEnabled());
    QVERIFY(!window->keyActions()->edit()->isEnabled());
    capture(window.get(), QStringLiteral("bulk-selection"));
    for (const auto &[action, name] :
         {std::pair {window->keyActions()->revoke(), QStringLiteral("confirm-bulk-revoke")},
          std::pair {window->keyActions()->shortenExpiry(),
                     QStringLiteral("confirm-bulk-shorten")}}) {
        // Opened with open(): the action returns with the confirmation showing.
        action->trigger();
        auto *dialog = DialogTest::openDialog<BulkConfirmDialog>();
        QVERIFY2(dialog, qPrintable(name));
        capture(dialog, name);
        dialog->reject();
    }
    window->close();
}

// A key in rotation that integrations still present: the details pane lists every source of
// the previous secret, and Revoke shows the impact and offers Regenerate with Grace Period.
void TestScreenshots::impactAndRotation()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.seedVariedKeys();
    const auto keys = vault.store().listKeys();
    QVERIFY(keys);
    ApiKey billing;
    for (const ApiKey &key : *keys) {
        if (key.name == QStringLiteral("Billing webhook"))
            billing = key;
    }
    QVERIFY(billing.id > 0);
    const qint64 oldSecret = billing.secrets.at(0).id;
    auto regenerated = vault.store().regenerateKey(billing.id, billing.version, 3 * kDayMs);
    QVERIFY(regenerated);
    const qint64 newSecret = regenerated->key.secrets.at(0).id;
    vault.clock().advanceMs(5 * kHourMs);
    const qint64 now = vault.clock().nowMs();
    struct Use
    {
        qint64 agoMs;
        qint64 secret;
        VerifyOutcome outcome;
        const char *source;
    };
    const Use uses[] = {
        {4 * kHourMs, oldSecret, VerifyOutcome::Valid, "crm-sync"},
        {3 * kHourMs, newSecret, VerifyOutcome::Valid, "web-frontend"},
        {2 * kHourMs, oldSecret, VerifyOutcome::RateLimited, "nightly-export"},
        {90 * kMinuteMs, newSecret, VerifyOutcome::InsufficientGrants, "web-frontend"},
        {40 * kMinuteMs, oldSecret, VerifyOutcome::Valid, "shop-backend"},
        {10 * kMinuteMs, newSecret, VerifyOutcome::Valid, "web-frontend"},
    };
    UsageBatch batch;
    for (const Use &use : uses) {
        for (int i = 0; i < 3; ++i) {
            UsageEvent event;
            event.atMs = now - use.agoMs + i * kSecondMs;
            event.keyId = billing.id;
            event.secretId = use.secret;
            event.outcome = verifyOutcomeToInt(use.outcome);
            event.consumesCredit = use.outcome == VerifyOutcome::Valid;
            event.source = QString::fromLatin1(use.source);
            batch.add(event);
        }
    }
    QVERIFY(vault.store().usageRepository()->write(batch, UsageRetention {}, now));

    auto window = signedInWindow(vault, QStringLiteral("alice"), kOwnerPassphrase);
    QVERIFY(window);
    window->keysPage()->selectKey(billing.id);
    KeyDetailsPane *pane = window->keysPage()->details();
    QTRY_VERIFY(pane->findChild<QLabel *>(QStringLiteral("previousSecretSources")));
    capture(window.get(), QStringLiteral("rotation-view"));

    window->keyActions()->revoke()->trigger();
    auto *dialog = DialogTest::openDialog<ConfirmDestructiveDialog>();
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("regenerateInsteadButton")));
    capture(dialog, QStringLiteral("confirm-revoke-impact"));
    dialog->reject();
    QCOMPARE(vault.store().key(billing.id)->state, KeyState::Active); // cancelled
    window->close();
}

void TestScreenshots::signedVault()
{
    // A fingerprint as a new vault shows it.
    {
        Vault fresh;
        QVERIFY(fresh.isValid());
        VaultCreatedDialog created(QStringLiteral("/home/alice/.local/share/keyward/vault.keyward"),
                                   fresh.store().fingerprint());
        capture(&created, QStringLiteral("vault-created"));
        m_settings->setPinnedFingerprint(fresh.path(), fresh.store().fingerprint());
        PreferencesDialog preferences(*m_settings, fresh.path(), fresh.store().fingerprint());
        capture(&preferences, QStringLiteral("preferences-vault"));
    }
    // A revoked key made valid again by someone with write access to the file: "Tampered".
    Vault vault;
    QVERIFY(vault.isValid());
    vault.seedVariedKeys();
    const ApiKey key = vault.createKey(QStringLiteral("Partner sync"));
    QVERIFY(vault.store().revokeKey(key.id, key.version));
    vault.closeStore();
    QVERIFY(rawSql(vault.path(),
                   QStringLiteral("UPDATE api_keys SET state = 0, revoked_at = NULL WHERE id = ?"),
                   {key.id}));
    auto window = signedInWindow(vault, QStringLiteral("alice"), kOwnerPassphrase);
    QVERIFY(window);
    ApiKeysPage *page = window->keysPage();
    QTRY_VERIFY(!page->tamperedProblem(key.id).isEmpty());
    for (int row = 0; row < page->proxy()->rowCount(); ++row) {
        if (page->proxy()->index(row, 0).data().toString() == key.name)
            page->table()->selectRow(row);
    }
    QVERIFY(page->selectedKey());
    QTest::qWait(50); // the details pane's new part is shown by its layout, queued
    capture(window.get(), QStringLiteral("tampered-key"));
    // The banner after the newest audit entries were deleted around Keyward.
    VaultMemory memory(*m_settings, vault.path());
    window->historyBanner()->showProblem(memory.describe(VaultMemory::History::Truncated));
    capture(window.get(), QStringLiteral("history-banner"));
    window->close();
    window.reset();

    // Another vault put in its place: refused for its fingerprint.
    Vault other;
    QVERIFY(other.isValid());
    other.closeStore();
    QVERIFY(QFile::remove(vault.path()));
    QVERIFY(QFile::copy(other.path(), vault.path()));
    MainWindow refused(*m_settings, vault.clock());
    refused.resize(1440, 900);
    refused.show();
    QVERIFY(!refused.openVault(vault.path()));
    capture(&refused, QStringLiteral("pin-refused"));
    refused.close();
}

void TestScreenshots::hygieneReport()
{
    Vault vault;
    QVERIFY(vault.isValid());
    vault.seedVariedKeys();
    vault.createKey(QStringLiteral("Nightly export"), Environment::Staging, Role::Developer, {}, 0);
    vault.clock().advanceMs(45 * kDayMs);
    QVERIFY(vault.store().setRotationPolicy(60));
    auto window = signedInWindow(vault, QStringLiteral("alice"), kOwnerPassphrase);
    QVERIFY(window);
    window->showPage(MainWindow::Page::Hygiene);
    HygienePage *page = window->hygienePage();
    QTRY_VERIFY(!page->isRefreshing() && page->model()->rowCount() > 0);
    // One finding dismissed (shown, greyed), two of one kind selected for a fix.
    const HygieneFinding first = page->model()->findings().constFirst();
    QVERIFY(vault.store().dismissFinding(first.keyId, first.kind,
                                         QStringLiteral("Reviewed with the billing team")));
    page->showDismissedBox()->setChecked(true);
    page->refresh();
    QTRY_VERIFY(!page->isRefreshing() && page->model()->dismissedCount() == 1);
    int selected = 0;
    for (const HygieneFinding &finding : page->model()->findings()) {
        if (finding.kind == HygieneFinding::Kind::NeverUsed && !finding.dismissed)
            selected += page->selectFinding(finding.keyId, finding.kind, selected > 0) ? 1 : 0;
    }
    QVERIFY(selected > 0);
    capture(window.get(), QStringLiteral("hygiene-report"));

    QStringList listed;
    for (const HygieneFinding &finding : page->selectedFindings())
        listed.append(QStringLiteral("“%1”: %2")
                          .arg(finding.keyName, HygieneFinding::describeKind(finding.kind)));
    HygieneDismissDialog dialog(listed, window.get());
    dialog.reasonEdit()->setText(QStringLiteral("Seasonal job, runs in January"));
    capture(&dialog, QStringLiteral("hygiene-dismiss"));
    dialog.reject();

    // The key table badges the keys whose secret the policy finds too old; the details pane of
    // one of them says why.
    window->showPage(MainWindow::Page::Keys);
    KeyTableModel *keys = window->keysPage()->model();
    for (int row = 0; row < keys->rowCount(); ++row) {
        const QModelIndex status = keys->index(row, KeyTableModel::StatusColumn);
        if (status.data(KeyTableModel::RotationOverdueRole).toBool()) {
            window->keysPage()->selectKey(keys->keyAt(row)->id);
            break;
        }
    }
    QTRY_VERIFY(
        window->keysPage()->details()->findChild<QLabel *>(QStringLiteral("rotationOverdueNote")));
    QTest::qWait(50); // the details pane's new part is shown by its layout, queued
    capture(window.get(), QStringLiteral("keys-rotation-overdue"));
    window->close();
}

// File › Back Up Vault… on a PostgreSQL vault asks the Owner for their passphrase in the file.
void TestScreenshots::serverBackup()
{
    ServerBackupDialog dialog(
        QStringLiteral("alice"),
        QDir::home().filePath(QStringLiteral("Documents/keyward_prod.keyward.backup-20261205")));
    dialog.fields()->passphraseEdit()->setText(QStringLiteral("orbit lantern copper meadow"));
    dialog.fields()->repeatEdit()->setText(QStringLiteral("orbit lantern copper meadow"));
    capture(&dialog, QStringLiteral("server-backup"));
    dialog.reject();
}

QTEST_MAIN(TestScreenshots)
#include "test_screenshots.moc"
