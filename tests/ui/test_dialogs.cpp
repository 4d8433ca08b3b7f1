// The key dialogs on their own: validation through Permissions, what each picker offers, what
// each dialog returns, and the wording that explains what a choice does.

#include "UiTestSupportDialogs.h"

#include "ui/ClipboardGuard.h"
#include "ui/ConfirmDestructiveDialog.h"
#include "ui/DialogButtons.h"
#include "ui/EditKeyDialog.h"
#include "ui/Formatting.h"
#include "ui/GenerateKeyDialog.h"
#include "ui/KeyDetailsPane.h"
#include "ui/MessageBox.h"
#include "ui/RegenerateKeyDialog.h"
#include "ui/RevealKeyDialog.h"

#include "core/DisplayNames.h"
#include "core/Permissions.h"
#include "crypto/KeyToken.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTest>
#include <QVBoxLayout>

using namespace Keyward;
using namespace Keyward::DialogTest;

namespace {

Member memberWithRole(Role role)
{
    Member member;
    member.id = 1;
    member.name = QStringLiteral("alice");
    member.role = role;
    return member;
}

void selectData(QComboBox *combo, int data)
{
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(QStringLiteral("no item with data %1").arg(data)));
    combo->setCurrentIndex(index);
}

// The dialogs take a chosen day in local time, like every time the window shows.
QDate localDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().date();
}

qint64 endOfLocalDay(const QDate &date)
{
    return QDateTime(date.addDays(1), QTime(0, 0), Qt::LocalTime).toMSecsSinceEpoch();
}

ApiKey sampleKey(const ManualClock &clock, Environment environment = Environment::Production)
{
    ApiKey key;
    key.id = 42;
    key.name = QStringLiteral("CI deploy");
    key.notes = QStringLiteral("GitHub Actions secret KEYWARD_TOKEN");
    key.environment = environment;
    key.role = Role::Developer;
    key.grants = {QStringLiteral("licenses:read"), QStringLiteral("telemetry:write")};
    key.expiresAtMs = clock.nowMs() + 30 * kDayMs + 5 * kHourMs;
    key.rateLimit = RateLimit {100, RateLimit::Unit::Minute};
    key.createdById = 1;
    key.createdByName = QStringLiteral("alice");
    key.createdAtMs = clock.nowMs() - 10 * kDayMs;
    KeySecret secret;
    secret.id = 7;
    secret.keyId = key.id;
    secret.hint = QStringLiteral("kw_live_3Zq…Cd");
    secret.createdAtMs = key.createdAtMs;
    key.secrets = {secret};
    return key;
}

} // namespace

class TestDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { MessageBox::clearNextAnswer(); }

    // ---- Generate ----------------------------------------------------------------------------
    void generateEmptyNameKeepsButtonDisabled();
    void generateRejectsBadNames_data();
    void generateRejectsBadNames();
    void generateAcceptsHostileName();
    void nameFieldsStopAtTheLimit();
    void generateRolesNeverAboveMember_data();
    void generateRolesNeverAboveMember();
    void generateViewerCannotGenerate();
    void generateGrantsPrefilledAndNarrowOnly();
    void generateRoleChangeResetsGrants();
    void generateNoGrantsIsRefused();
    void generateExpiryPresets_data();
    void generateExpiryPresets();
    void generateNeverShowsWarning();
    void generateCustomDate();
    void generateLimitsCustomerNotes();
    void generatePrefillFromKey();
    void generateAllowedIps();
    void generateTabOrderFollowsLayout();

    // ---- Edit --------------------------------------------------------------------------------
    void editStartsUnchanged();
    void editNameValidation();
    void editExpiryOnlyShorter();
    void editNeverExpiringKeyCanGetADate();
    void editKeyExpiringTodayCannotShorten();
    void editShowsGrantsReadOnlyAndDuplicates();
    void editAllowedIps();
    void detailsShowAllowedIps();

    // ---- Regenerate, confirm, reveal -----------------------------------------------------------
    void regenerateGraceChoices();
    void confirmRevokeExplains();
    void confirmDeleteProductionNeedsExactName();
    void confirmShowsHostileNameAsText();
    void revealCloseWithoutCopyAsks();
    void revealWipesTokenAfterClose();

    void acceptCancelButtonsAreNamedAndWired();
    void everyInteractiveWidgetIsNamed();
    void screenshots();
};

// ---- Generate
// ------------------------------------------------------------------------------------

void TestDialogs::generateEmptyNameKeepsButtonDisabled()
{
    ManualClock clock;
    GenerateKeyDialog dialog(GrantCatalogue::defaults(), memberWithRole(Role::Owner), clock);
    dialog.show();
    auto *generate = dialog.findChild<QPushButton *>(QStringLiteral("generateButton"));
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    auto *reason = dialog.findChild<QLabel *>(QStringLiteral("validationLabel"));
    QVERIFY(generate && name && reason);
    QCOMPARE(buttonText(generate), QStringLiteral("Generate Key"));

    const QString emptyReason = Permissions::validateKeyName(QString()).errorMessage();
    QVERIFY(!generate->isEnabled());
    QVERIFY(reason->isVisible());
    QCOMPARE(reason->text(), emptyReason);

    QTest::keyClicks(name, QStringLiteral("   "));
    QVERIFY(!generate->isEnabled());
    QCOMPARE(reason->text(), emptyReason);

    // Forcing it (Enter, or a script) does not get past accept() either.
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));

    QTest::keyClicks(name, QStringLiteral("CI deploy"));
    QVERIFY(generate->isEnabled());
    QVERIFY(!reason->isVisible());
    QCOMPARE(dialog.request().name, QStringLiteral("CI deploy")); // surrounding spaces trimmed
    QTest::mouseClick(generate, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestDialogs::generateRejectsBadNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("tab") << QStringLiteral("CI\tdeploy");
    QTest::newRow("line break") << QStringLiteral("CI\ndeploy");
    QTest::newRow("nul") << QString(QStringLiteral("CI") + QChar(u'\0') + QStringLiteral("x"));
    QTest::newRow("escape") << QString(QStringLiteral("red") + QChar(u'\x1b')
                                       + QStringLiteral("[31m"));
}

void TestDialogs::generateRejectsBadNames()
{
    QFETCH(QString, name);
    ManualClock clock;
    GenerateKeyDialog dialog(GrantCatalogue::defaults(), memberWithRole(Role::Owner), clock);
    dialog.show();
    // setText, not keyClicks: control characters are what a paste delivers.
    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(name);
    const QString expected = Permissions::validateKeyName(name.trimmed()).errorMessage();
    QVERIFY(!expected.isEmpty());
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("generateButton"))->isEnabled());
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("validationLabel"))->text(), expected);
    QCOMPARE(dialog.validationMessage(), expected);
}

void TestDialogs::generateAcceptsHostileName()
{
    ManualClock clock;
    GenerateKeyDialog dialog(GrantCatalogue::defaults(), memberWithRole(Role::Owner), clock);
    dialog.show();
    const QString hostile =
        QStringLiteral("Robert'); DROP TABLE api_keys;-- <b>bold</b> &amp; %1 \"quoted\"");
    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(hostile);
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("generateButton"))->isEnabled());
    QCOMPARE(dialog.request().name, hostile);
}

void TestDialogs::nameFieldsStopAtTheLimit()
{
    ManualClock clock;
    const QString tooLong(Permissions::kMaxNameLength + 50, QLatin1Char('x'));
    GenerateKeyDialog generate(GrantCatalogue::defaults(), memberWithRole(Role::Owner), clock);
    auto *name = generate.findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    name->setText(tooLong);
    QCOMPARE(name->text().size(), Permissions::kMaxNameLength);
    QVERIFY(generate.findChild<QPushButton *>(QStringLiteral("generateButton"))->isEnabled());

    // Duplicating a key with the longest name: the original is shortened, "(copy)" stays.
    ApiKey longest = sampleKey(clock);
    longest.name = QString(Permissions::kMaxNameLength, QLatin1Char('n'));
    GenerateKeyDialog duplicate(GrantCatalogue::defaults(), memberWithRole(Role::Owner), clock);
    duplicate.prefillFrom(longest);
    QCOMPARE(duplicate.request().name.size(), Permissions::kMaxNameLength);
    QVERIFY(duplicate.request().name.endsWith(QStringLiteral(" (copy)")));

    EditKeyDialog edit(sampleKey(clock), GrantCatalogue::defaults(), clock);
    auto *editName = edit.findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    editName->setText(tooLong);
    QCOMPARE(editName->text().size(), Permissions::kMaxNameLength);

    // A name from before the cap is not cut silently: the dialog says it is too long.
    ApiKey legacy = sampleKey(clock);
    legacy.name = tooLong;
    EditKeyDialog legacyEdit(legacy, GrantCatalogue::defaults(), clock);
    legacyEdit.show();
    QCOMPARE(legacyEdit.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->text(), tooLong);
    QCOMPARE(legacyEdit.validationMessage(), Permissions::validateKeyName(tooLong).errorMessage());
}

void TestDialogs::generateRolesNeverAboveMember_data()
{
    QTest::addColumn<Role>("memberRole");
    QTest::addColumn<QList<Role>>("offered");
    QTest::newRow("owner") << Role::Owner
                           << QList<Role> {Role::Owner, Role::Admin, Role::Developer, Role::Viewer};
    QTest::newRow("admin") << Role::Admin
                           << QList<Role> {Role::Admin, Role::Developer, Role::Viewer};
    QTest::newRow("developer") << Role::Developer << QList<Role> {Role::Developer, Role::Viewer};
}

void TestDialogs::generateRolesNeverAboveMember()
{
    QFETCH(Role, memberRole);
    QFETCH(QList<Role>, offered);
    ManualClock clock;
    GenerateKeyDialog dialog(GrantCatalogue::defaults(), memberWithRole(memberRole), clock);
    auto *roles = dialog.findChild<QComboBox *>(QStringLiteral("roleCombo"));
    QVERIFY(roles);
    QCOMPARE(roles->count(), int(offered.size()));
    for (int i = 0; i < roles->count(); ++i) {
        const Role role = *roleFromInt(roles->itemData(i).toInt());
        QCOMPARE(role, offered.at(i));
        QCOMPARE(roles->itemText(i), DisplayNames::role(role));
        // Each choice explains what the key (not a member) with that role may do.
        QCOMPARE(roles->itemData(i, Qt::ToolTipRole).toString(),
                 Formatting::keyRoleDescription(role, GrantCatalogue::defaults()));
    }
    // A new key defaults to Developer: enough for most integrations, never above the member.
    QCOMPARE(roles->currentData().toInt(), roleToInt(Role::Developer));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("roleDescriptionLabel"))->text(),
             Formatting::keyRoleDescription(Role::Developer, GrantCatalogue::defaults()));
    // Not the member's description ("Creates keys and manages the keys they created").
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("roleDescriptionLabel"))->text()
            != Formatting::roleDescription(Role::Developer));
}

void TestDialogs::generateViewerCannotGenerate()
{
    ManualClock clock;
    GenerateKeyDialog dialog(GrantCatalogue::defaults(), memberWithRole(Role::Viewer), clock);
    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("x"));
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("generateButton"))->isEnabled());
    QCOMPARE(dialog.validationMessage(), Permissions::roleNeededMessage(KeyAction::Create));
}

void TestDialogs::generateGrantsPrefilledAndNarrowOnly()
{
    ManualClock clock;
    const GrantCatalogue catalogue = GrantCatalogue::defaults();
    GenerateKeyDialog dialog(catalogue, memberWithRole(Role::Owner), clock);
    dialog.show();
    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("n"));
    const QStringList developerGrants = catalogue.roleGrants(Role::Developer);

    for (const GrantInfo &grant : catalogue.grants()) {
        QString objectName = QStringLiteral("grantCheck_") + grant.id;
        objectName.replace(QLatin1Char(':'), QLatin1Char('_'));
        auto *check = dialog.findChild<QCheckBox *>(objectName);
        QVERIFY2(check, qPrintable(objectName));
        QCOMPARE(check->text(), catalogue.label(grant.id));
        auto *idLabel = dialog.findChild<QLabel *>(objectName + QStringLiteral("_id"));
        QVERIFY(idLabel);
        QCOMPARE(idLabel->text(), grant.id); // the identifier as secondary text
        const bool inRole = developerGrants.contains(grant.id);
        QCOMPARE(check->isChecked(), inRole);
        // Grants outside the role cannot be added: narrowing only.
        QCOMPARE(check->isEnabled(), inRole);
    }
    QCOMPARE(dialog.request().grants, [&] {
        QStringList sorted = developerGrants;
        sorted.sort();
        return sorted;
    }());

    auto *telemetry = dialog.findChild<QCheckBox *>(QStringLiteral("grantCheck_telemetry_write"));
    QTest::mouseClick(telemetry, Qt::LeftButton);
    QVERIFY(!telemetry->isChecked());
    QVERIFY(!dialog.request().grants.contains(QStringLiteral("telemetry:write")));
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("generateButton"))->isEnabled());

    // A disabled grant stays out even if something ticks it behind the user's back.
    auto *full = dialog.findChild<QCheckBox *>(QStringLiteral("grantCheck_admin_full"));
    full->setChecked(true);
    QVERIFY(!dialog.request().grants.contains(QStringLiteral("admin:full")));
}

void TestDialogs::generateRoleChangeResetsGrants()
{
    ManualClock clock;
    const GrantCatalogue catalogue = GrantCatalogue::defaults();
    GenerateKeyDialog dialog(catalogue, memberWithRole(Role::Owner), clock);
    dialog.show();
    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("n"));
    QTest::mouseClick(dialog.findChild<QCheckBox *>(QStringLiteral("grantCheck_licenses_read")),
                      Qt::LeftButton);
    QVERIFY(!dialog.request().grants.contains(QStringLiteral("licenses:read")));

    auto *roles = dialog.findChild<QComboBox *>(QStringLiteral("roleCombo"));
    selectData(roles, roleToInt(Role::Admin));
    QStringList admin = catalogue.roleGrants(Role::Admin);
    admin.sort();
    QCOMPARE(dialog.request().role, Role::Admin);
    QCOMPARE(dialog.request().grants, admin);
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("roleDescriptionLabel"))->text(),
             Formatting::keyRoleDescription(Role::Admin, catalogue));

    selectData(roles, roleToInt(Role::Viewer));
    QStringList viewer = catalogue.roleGrants(Role::Viewer);
    viewer.sort();
    QCOMPARE(dialog.request().grants, viewer);
    QVERIFY(
        !dialog.findChild<QCheckBox *>(QStringLiteral("grantCheck_customers_write"))->isEnabled());
}

void TestDialogs::generateNoGrantsIsRefused()
{
    ManualClock clock;
    GenerateKeyDialog dialog(GrantCatalogue::defaults(), memberWithRole(Role::Owner), clock);
    dialog.show();
    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("n"));
    for (QCheckBox *check : dialog.findChildren<QCheckBox *>()) {
        if (check->objectName().startsWith(QLatin1String("grantCheck_")) && check->isChecked())
            QTest::mouseClick(check, Qt::LeftButton);
    }
    QVERIFY(dialog.request().grants.isEmpty());
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("generateButton"))->isEnabled());
    const QString expected = Permissions::mayCreateKey(memberWithRole(Role::Owner), Role::Developer,
                                                       {}, GrantCatalogue::defaults())
                                 .errorMessage();
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("validationLabel"))->text(), expected);
}

void TestDialogs::generateExpiryPresets_data()
{
    QTest::addColumn<ExpiryPolicy::Choice>("choice");
    QTest::addColumn<int>("days");
    QTest::newRow("7") << ExpiryPolicy::Choice::Days7 << 7;
    QTest::newRow("30") << ExpiryPolicy::Choice::Days30 << 30;
    QTest::newRow("60") << ExpiryPolicy::Choice::Days60 << 60;
    QTest::newRow("90") << ExpiryPolicy::Choice::Days90 << 90;
    QTest::newRow("180") << ExpiryPolicy::Choice::Days180 << 180;
    QTest::newRow("365") << ExpiryPolicy::Choice::Days365 << 365;
}

void TestDialogs::generateExpiryPresets()
{
    QFETCH(ExpiryPolicy::Choice, choice);
    QFETCH(int, days);
    ManualClock clock;
    GenerateKeyDialog dialog(GrantCatalogue::defaults(), memberWithRole(Role::Owner), clock);
    auto *expiry = dialog.findChild<QComboBox *>(QStringLiteral("expiryCombo"));
    // 90 days is the default.
    QCOMPARE(expiry->currentData().toInt(), static_cast<int>(ExpiryPolicy::Choice::Days90));
    selectData(expiry, static_cast<int>(choice));
    QCOMPARE(dialog.request().expiresAtMs, std::optional<qint64>(clock.nowMs() + days * kDayMs));
    QVERIFY(!dialog.findChild<QWidget *>(QStringLiteral("neverWarning"))->isVisibleTo(&dialog));
}

void TestDialogs::generateNeverShowsWarning()
{
    ManualClock clock;
    GenerateKeyDialog dialog(GrantCatalogue::defaults(), memberWithRole(Role::Owner), clock);
    dialog.show();
    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("n"));
    auto *warning = dialog.findChild<QWidget *>(QStringLiteral("neverWarning"));
    QVERIFY(warning && !warning->isVisible());
    selectData(dialog.findChild<QComboBox *>(QStringLiteral("expiryCombo")),
               static_cast<int>(ExpiryPolicy::Choice::Never));
    QVERIFY(warning->isVisible());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("neverWarningLabel"))
                ->text()
                .contains(QLatin1String("discouraged")));
    QCOMPARE(dialog.request().expiresAtMs, std::nullopt);
    // Discouraged, not forbidden.
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("generateButton"))->isEnabled());
}

void TestDialogs::generateCustomDate()
{
    ManualClock clock; // 2027-01-15 08:00 UTC
    GenerateKeyDialog dialog(GrantCatalogue::defaults(), memberWithRole(Role::Owner), clock);
    dialog.show();
    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("n"));
    auto *date = dialog.findChild<QDateEdit *>(QStringLiteral("expiryDateEdit"));
    QVERIFY(date && !date->isVisible());
    selectData(dialog.findChild<QComboBox *>(QStringLiteral("expiryCombo")),
               static_cast<int>(ExpiryPolicy::Choice::CustomDate));
    QVERIFY(date->isVisible());
    QVERIFY(date->calendarPopup());

    const QDate today = localDate(clock.nowMs());
    const QDate chosen = today.addDays(45);
    date->setDate(chosen);
    QCOMPARE(dialog.request().expiresAtMs, std::optional<qint64>(endOfLocalDay(chosen)));

    // The summary shows the chosen day, not the instant after it ("…, end of day").
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("expirySummaryLabel"))->text(),
             QStringLiteral("until %1, end of day")
                 .arg(QLocale().toString(chosen, QLocale::ShortFormat)));

    // Today still lies ahead: the key works until the end of it.
    date->setDate(today);
    QCOMPARE(dialog.request().expiresAtMs, std::optional<qint64>(endOfLocalDay(today)));
    QVERIFY(dialog.validationMessage().isEmpty());

    // A past date is kept as typed (not silently replaced) and refused out loud.
    auto *generate = dialog.findChild<QPushButton *>(QStringLiteral("generateButton"));
    QVERIFY(generate->isEnabled());
    date->setDate(today.addDays(-3));
    QCOMPARE(date->date(), today.addDays(-3));
    QVERIFY(dialog.validationMessage().contains(QLatin1String("in the past")));
    QVERIFY(!generate->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("validationLabel"))->isVisible());
}

void TestDialogs::generateLimitsCustomerNotes()
{
    ManualClock clock;
    GenerateKeyDialog dialog(GrantCatalogue::defaults(), memberWithRole(Role::Owner), clock);
    dialog.show();
    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("n"));
    auto *limited = dialog.findChild<QCheckBox *>(QStringLiteral("rateLimitCheck"));
    auto *rate = dialog.findChild<QSpinBox *>(QStringLiteral("rateCountSpin"));
    auto *unit = dialog.findChild<QComboBox *>(QStringLiteral("rateUnitCombo"));
    // Unlimited is a choice of its own (the box unticked), not a count of 0.
    QVERIFY(!limited->isChecked());
    QVERIFY(!rate->isEnabled() && !unit->isEnabled());
    QVERIFY(dialog.request().rateLimit.isUnlimited());
    QVERIFY(!dialog.request().usageLimit);

    QTest::mouseClick(limited, Qt::LeftButton);
    QVERIFY(rate->isEnabled() && unit->isEnabled());
    rate->setValue(0); // below the minimum: a rate limit is at least 1, never "0 = unlimited"
    QCOMPARE(rate->value(), 1);
    QCOMPARE(dialog.request().rateLimit.count, 1);
    rate->setValue(250);
    selectData(unit, static_cast<int>(RateLimit::Unit::Hour));
    QCOMPARE(dialog.request().rateLimit, (RateLimit {250, RateLimit::Unit::Hour}));

    auto *usageCheck = dialog.findChild<QCheckBox *>(QStringLiteral("usageLimitCheck"));
    auto *usage = dialog.findChild<QSpinBox *>(QStringLiteral("usageLimitSpin"));
    QVERIFY(!usage->isEnabled());
    QTest::mouseClick(usageCheck, Qt::LeftButton);
    QVERIFY(usage->isEnabled());
    usage->setValue(5000);
    QCOMPARE(dialog.request().usageLimit, std::optional<qint64>(5000));
    usage->setValue(0); // below the minimum: a usage limit is at least 1
    QCOMPARE(dialog.request().usageLimit, std::optional<qint64>(1));

    dialog.findChild<QLineEdit *>(QStringLiteral("customerEdit"))
        ->setText(QStringLiteral(" acme "));
    dialog.findChild<QPlainTextEdit *>(QStringLiteral("notesEdit"))
        ->setPlainText(QStringLiteral("Stored in Vault\nOwner: ops"));
    const NewKeyRequest request = dialog.request();
    QCOMPARE(request.customer, QStringLiteral("acme"));
    QCOMPARE(request.notes, QStringLiteral("Stored in Vault\nOwner: ops"));

    dialog.findChild<QLineEdit *>(QStringLiteral("customerEdit"))
        ->setText(QString(Permissions::kMaxCustomerLength + 1, QLatin1Char('c')));
    QCOMPARE(dialog.validationMessage(),
             Permissions::validateCustomer(
                 QString(Permissions::kMaxCustomerLength + 1, QLatin1Char('c')))
                 .errorMessage());
}

void TestDialogs::generatePrefillFromKey()
{
    ManualClock clock;
    ApiKey key = sampleKey(clock);
    key.usageLimit = 700;
    key.customer = QStringLiteral("acme");
    GenerateKeyDialog dialog(GrantCatalogue::defaults(), memberWithRole(Role::Developer), clock);
    dialog.prefillFrom(key);
    dialog.show();
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Duplicate API Key"));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("basedOnLabel"))->isVisible());
    const NewKeyRequest request = dialog.request();
    QCOMPARE(request.name, QStringLiteral("CI deploy (copy)"));
    QCOMPARE(request.environment, Environment::Production);
    QCOMPARE(request.role, Role::Developer);
    QCOMPARE(request.grants, key.grants);
    QCOMPARE(request.rateLimit, key.rateLimit);
    QCOMPARE(request.usageLimit, key.usageLimit);
    QCOMPARE(request.customer, key.customer);
    QCOMPARE(request.notes, key.notes);
    // A fresh key gets the recommended expiry, not the old key's remaining time.
    QCOMPARE(request.expiresAtMs, std::optional<qint64>(clock.nowMs() + 90 * kDayMs));
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("generateButton"))->isEnabled());

    // The point of duplicating: other grants, so the others stay available.
    QVERIFY(
        dialog.findChild<QCheckBox *>(QStringLiteral("grantCheck_licenses_manage"))->isEnabled());

    // A key above the member's role is duplicated at the member's level.
    key.role = Role::Admin;
    key.grants = {QStringLiteral("customers:write"), QStringLiteral("customers:read")};
    GenerateKeyDialog capped(GrantCatalogue::defaults(), memberWithRole(Role::Developer), clock);
    capped.prefillFrom(key);
    QCOMPARE(capped.request().role, Role::Developer);
    QCOMPARE(capped.request().grants, QStringList {QStringLiteral("customers:read")});
}

// The allowlist field: parsed into the request, a bad entry shown in place and refused, and a
// duplicate keeps the list of the key it copies.
void TestDialogs::generateAllowedIps()
{
    ManualClock clock;
    GenerateKeyDialog dialog(GrantCatalogue::defaults(), memberWithRole(Role::Owner), clock);
    dialog.show();
    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("n"));
    auto *ips = dialog.findChild<QLineEdit *>(QStringLiteral("allowedIpsEdit"));
    auto *generate = dialog.findChild<QPushButton *>(QStringLiteral("generateButton"));
    auto *validation = dialog.findChild<QLabel *>(QStringLiteral("validationLabel"));
    QVERIFY(ips);
    QVERIFY(dialog.request().allowedIps.isEmpty());
    QTest::keyClicks(ips, QStringLiteral("10.0.0.0/8, 2001:DB8::/32"));
    QVERIFY(generate->isEnabled());
    QCOMPARE(dialog.request().allowedIps.entries(),
             (QStringList {QStringLiteral("10.0.0.0/8"), QStringLiteral("2001:db8::/32")}));

    ips->setText(QStringLiteral("10.0.0.0/33"));
    QVERIFY(!generate->isEnabled());
    QVERIFY(validation->isVisible());
    QCOMPARE(validation->text(),
             IpAllowlist::parseText(QStringLiteral("10.0.0.0/33")).errorMessage());
    dialog.accept();
    QVERIFY(dialog.isVisible());
    ips->setText(QStringLiteral("10.0.0.1,,10.0.0.2"));
    QVERIFY(validation->text().contains(QStringLiteral("empty")));
    ips->clear();
    QVERIFY(generate->isEnabled());

    ApiKey key = sampleKey(clock);
    key.allowedIps = *IpAllowlist::parseText(QStringLiteral("192.0.2.0/24"));
    GenerateKeyDialog duplicate(GrantCatalogue::defaults(), memberWithRole(Role::Owner), clock);
    duplicate.prefillFrom(key);
    QCOMPARE(duplicate.request().allowedIps, key.allowedIps);
}

void TestDialogs::generateTabOrderFollowsLayout()
{
    ManualClock clock;
    GenerateKeyDialog dialog(GrantCatalogue::defaults(), memberWithRole(Role::Owner), clock);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    QTRY_COMPARE(QApplication::focusWidget(), name);
    QStringList visited;
    for (int i = 0; i < 6; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        visited.append(QApplication::focusWidget()->objectName());
    }
    QCOMPARE(visited.mid(0, 3),
             (QStringList {QStringLiteral("environmentCombo"), QStringLiteral("roleCombo"),
                           QStringLiteral("grantCheck_licenses_read")}));
}

// ---- Edit ------------------------------------------------------------------------------------

void TestDialogs::editStartsUnchanged()
{
    ManualClock clock;
    const ApiKey key = sampleKey(clock);
    EditKeyDialog dialog(key, GrantCatalogue::defaults(), clock);
    dialog.show();
    auto *save = dialog.findChild<QPushButton *>(QStringLiteral("saveButton"));
    QCOMPARE(buttonText(save), QStringLiteral("Save Changes"));
    QVERIFY(!dialog.hasChanges());
    QVERIFY(!save->isEnabled());
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->text(), key.name);
    QCOMPARE(dialog.findChild<QPlainTextEdit *>(QStringLiteral("notesEdit"))->toPlainText(),
             key.notes);
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("rateCountSpin"))->value(), 100);
    const KeyEdit unchanged = dialog.edit();
    QCOMPARE(unchanged.expiresAtMs, key.expiresAtMs);
    QCOMPARE(unchanged.rateLimit, key.rateLimit);

    QTest::mouseClick(dialog.findChild<QCheckBox *>(QStringLiteral("rateLimitCheck")),
                      Qt::LeftButton);
    QVERIFY(save->isEnabled());
    QVERIFY(dialog.edit().rateLimit.isUnlimited());
}

void TestDialogs::editAllowedIps()
{
    ManualClock clock;
    ApiKey key = sampleKey(clock);
    key.allowedIps = *IpAllowlist::parseText(QStringLiteral("10.0.0.0/8"));
    EditKeyDialog dialog(key, GrantCatalogue::defaults(), clock);
    dialog.show();
    auto *ips = dialog.findChild<QLineEdit *>(QStringLiteral("allowedIpsEdit"));
    auto *save = dialog.findChild<QPushButton *>(QStringLiteral("saveButton"));
    auto *validation = dialog.findChild<QLabel *>(QStringLiteral("validationLabel"));
    QVERIFY(ips);
    QCOMPARE(ips->text(), QStringLiteral("10.0.0.0/8"));
    QVERIFY(!dialog.hasChanges());

    ips->setText(QStringLiteral("10.0.0.0/8, ::ffff:192.0.2.1"));
    QVERIFY(save->isEnabled());
    QCOMPARE(dialog.edit().allowedIps->toStored(), QStringLiteral("10.0.0.0/8 192.0.2.1"));

    ips->setText(QStringLiteral("example.com"));
    QVERIFY(!save->isEnabled());
    QVERIFY(validation->isVisible());
    QVERIFY(validation->text().contains(QStringLiteral("not an IP address")));
    dialog.accept();
    QVERIFY(dialog.isVisible());

    // Cleared: any address again.
    ips->clear();
    QVERIFY(save->isEnabled());
    QVERIFY(dialog.edit().allowedIps->isEmpty());
}

void TestDialogs::detailsShowAllowedIps()
{
    ManualClock clock;
    ApiKey key = sampleKey(clock);
    KeyDetailsPane pane(clock);
    pane.showKey(key, GrantCatalogue::defaults(), {});
    QVERIFY2(pane.text().contains(QStringLiteral("Any address")), qPrintable(pane.text()));
    key.allowedIps = *IpAllowlist::parseText(QStringLiteral("10.0.0.0/8, 2001:db8::/32"));
    pane.showKey(key, GrantCatalogue::defaults(), {});
    QVERIFY2(pane.text().contains(QStringLiteral("10.0.0.0/8, 2001:db8::/32")),
             qPrintable(pane.text()));
}

void TestDialogs::editNameValidation()
{
    ManualClock clock;
    EditKeyDialog dialog(sampleKey(clock), GrantCatalogue::defaults(), clock);
    dialog.show();
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    auto *save = dialog.findChild<QPushButton *>(QStringLiteral("saveButton"));
    name->clear();
    QVERIFY(!save->isEnabled());
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("validationLabel"))->text(),
             Permissions::validateKeyName(QString()).errorMessage());
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QTest::keyClicks(name, QStringLiteral("Renamed <i>key</i>"));
    QVERIFY(save->isEnabled());
    QCOMPARE(dialog.edit().name, QStringLiteral("Renamed <i>key</i>"));
}

void TestDialogs::editExpiryOnlyShorter()
{
    ManualClock clock;
    const ApiKey key = sampleKey(clock);
    EditKeyDialog dialog(key, GrantCatalogue::defaults(), clock);
    dialog.show();
    auto *expiry = dialog.findChild<QComboBox *>(QStringLiteral("expiryCombo"));
    auto *date = dialog.findChild<QDateEdit *>(QStringLiteral("expiryDateEdit"));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("expiryHintLabel"))
                ->text()
                .contains(QLatin1String("new key")));
    QCOMPARE(expiry->count(), 2);
    QVERIFY(!date->isVisible());
    expiry->setCurrentIndex(1);
    QVERIFY(date->isVisible());

    // Every date on offer ends before the current expiry; later ones are clamped away.
    QVERIFY(endOfLocalDay(date->maximumDate()) < *key.expiresAtMs);
    QVERIFY(endOfLocalDay(date->maximumDate().addDays(1)) > *key.expiresAtMs);
    QCOMPARE(date->minimumDate(), localDate(clock.nowMs()));
    date->setDate(localDate(*key.expiresAtMs).addDays(30));
    QCOMPARE(date->date(), date->maximumDate());

    const QDate earlier = localDate(clock.nowMs()).addDays(10);
    date->setDate(earlier);
    QCOMPARE(dialog.edit().expiresAtMs, std::optional<qint64>(endOfLocalDay(earlier)));
    QVERIFY(dialog.validationMessage().isEmpty());
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("saveButton"))->isEnabled());
    QVERIFY(Permissions::mayChangeExpiry(key, dialog.edit().expiresAtMs, clock.nowMs()));
}

void TestDialogs::editNeverExpiringKeyCanGetADate()
{
    ManualClock clock;
    ApiKey key = sampleKey(clock);
    key.expiresAtMs.reset();
    EditKeyDialog dialog(key, GrantCatalogue::defaults(), clock);
    auto *expiry = dialog.findChild<QComboBox *>(QStringLiteral("expiryCombo"));
    QCOMPARE(expiry->itemText(0), QStringLiteral("Keep: never expires"));
    expiry->setCurrentIndex(1);
    QVERIFY(dialog.edit().expiresAtMs.has_value());
    QVERIFY(dialog.validationMessage().isEmpty());
}

void TestDialogs::editKeyExpiringTodayCannotShorten()
{
    ManualClock clock;
    ApiKey key = sampleKey(clock);
    key.expiresAtMs = clock.nowMs() + 2 * kHourMs;
    EditKeyDialog dialog(key, GrantCatalogue::defaults(), clock);
    auto *expiry = dialog.findChild<QComboBox *>(QStringLiteral("expiryCombo"));
    auto *model = qobject_cast<QStandardItemModel *>(expiry->model());
    QVERIFY(model);
    QVERIFY(!model->item(1)->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("expiryHintLabel"))
                ->text()
                .contains(QLatin1String("Deactivate or revoke")));
}

void TestDialogs::editShowsGrantsReadOnlyAndDuplicates()
{
    ManualClock clock;
    const ApiKey key = sampleKey(clock);
    EditKeyDialog dialog(key, GrantCatalogue::defaults(), clock);
    dialog.show();
    // No grant to tick: fixed at creation (the only check box is the rate limit's).
    for (const QCheckBox *check : dialog.findChildren<QCheckBox *>())
        QCOMPARE(check->objectName(), QStringLiteral("rateLimitCheck"));
    const QString grants = dialog.findChild<QLabel *>(QStringLiteral("grantsLabel"))->text();
    QVERIFY(grants.contains(QLatin1String("License Read (licenses:read)")));
    QVERIFY(grants.contains(QLatin1String("Telemetry Upload (telemetry:write)")));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("roleLabel"))
                ->text()
                .startsWith(DisplayNames::role(Role::Developer)));

    auto *duplicate = dialog.findChild<QPushButton *>(QStringLiteral("duplicateButton"));
    QCOMPARE(buttonText(duplicate), QStringLiteral("Duplicate with Other Grants…"));
    QTest::mouseClick(duplicate, Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(EditKeyDialog::DuplicateRequested));
}

// ---- Regenerate, confirm, reveal ---------------------------------------------------------------

void TestDialogs::regenerateGraceChoices()
{
    ManualClock clock;
    RegenerateKeyDialog dialog(sampleKey(clock), clock);
    dialog.show();
    auto *regenerate = dialog.findChild<QPushButton *>(QStringLiteral("regenerateButton"));
    QCOMPARE(buttonText(regenerate), QStringLiteral("Regenerate Key"));
    QVERIFY(!regenerate->isDefault()); // Enter does not break integrations
    QCOMPARE(dialog.graceMs(), 24 * kHourMs);
    auto *explanation = dialog.findChild<QLabel *>(QStringLiteral("explanationLabel"));
    QVERIFY(explanation->text().contains(QLatin1String("Both secrets work")));

    QTest::mouseClick(dialog.findChild<QRadioButton *>(QStringLiteral("grace0Radio")),
                      Qt::LeftButton);
    QCOMPARE(dialog.graceMs(), qint64(0));
    QVERIFY(explanation->text().contains(QLatin1String("stops working at once")));
    QVERIFY(explanation->text().contains(QLatin1String("401 Unauthorized")));

    const QList<QPair<QString, qint64>> choices {{QStringLiteral("grace1hRadio"), kHourMs},
                                                 {QStringLiteral("grace24hRadio"), 24 * kHourMs},
                                                 {QStringLiteral("grace3dRadio"), 3 * kDayMs},
                                                 {QStringLiteral("grace7dRadio"), 7 * kDayMs}};
    for (const auto &[name, ms] : choices) {
        QTest::mouseClick(dialog.findChild<QRadioButton *>(name), Qt::LeftButton);
        QCOMPARE(dialog.graceMs(), ms);
        QVERIFY(explanation->text().contains(Formatting::absoluteTime(clock.nowMs() + ms)));
    }
    QVERIFY(!dialog.setGraceMs(2 * kHourMs));
    QVERIFY(dialog.setGraceMs(kHourMs));
    QCOMPARE(dialog.graceMs(), kHourMs);
}

void TestDialogs::confirmRevokeExplains()
{
    ManualClock clock;
    ApiKey key = sampleKey(clock, Environment::Staging);
    ConfirmDestructiveDialog dialog(ConfirmDestructiveDialog::Mode::Revoke, key, clock);
    dialog.show();
    auto *confirm = dialog.findChild<QPushButton *>(QStringLiteral("confirmButton"));
    QCOMPARE(buttonText(confirm), QStringLiteral("Revoke Key"));
    QVERIFY(confirm->isEnabled()); // not Production: no name to type
    QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("confirmNameEdit")));
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("cancelButton"))->isDefault());
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("breaksLabel"))->text(),
             QStringLiteral("Every integration that uses this key will get 401 Unauthorized."));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("lastUsedLabel"))->text(),
             QStringLiteral("Last used: never."));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("consequenceLabel"))
                ->text()
                .contains(QLatin1String("permanent")));

    key.secrets[0].lastUsedAtMs = clock.nowMs() - 3 * kDayMs;
    ConfirmDestructiveDialog used(ConfirmDestructiveDialog::Mode::Revoke, key, clock);
    const QString lastUsed = used.findChild<QLabel *>(QStringLiteral("lastUsedLabel"))->text();
    QVERIFY2(lastUsed.contains(Formatting::relativeTime(clock.nowMs() - 3 * kDayMs, clock.nowMs())),
             qPrintable(lastUsed));
    QVERIFY(lastUsed.contains(Formatting::absoluteTime(clock.nowMs() - 3 * kDayMs)));

    QTest::mouseClick(confirm, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestDialogs::confirmDeleteProductionNeedsExactName()
{
    ManualClock clock;
    const ApiKey key = sampleKey(clock, Environment::Production);
    ConfirmDestructiveDialog dialog(ConfirmDestructiveDialog::Mode::Delete, key, clock);
    dialog.show();
    auto *confirm = dialog.findChild<QPushButton *>(QStringLiteral("confirmButton"));
    auto *typed = dialog.findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"));
    QVERIFY(typed);
    QCOMPARE(buttonText(confirm), QStringLiteral("Delete Key"));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("consequenceLabel"))
                ->text()
                .contains(QLatin1String("audit log keeps its history")));
    QVERIFY(!confirm->isEnabled());
    for (const QString &wrong : {QStringLiteral("CI"), QStringLiteral("ci deploy"),
                                 QStringLiteral("CI deploy "), QStringLiteral(" CI deploy")}) {
        typed->setText(wrong);
        QVERIFY2(!confirm->isEnabled(), qPrintable(wrong));
        dialog.accept();
        QVERIFY(dialog.isVisible());
    }
    typed->clear();
    QTest::keyClicks(typed, key.name);
    QVERIFY(confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestDialogs::confirmShowsHostileNameAsText()
{
    ManualClock clock;
    ApiKey key = sampleKey(clock);
    key.name = QStringLiteral("<img src=x onerror=alert(1)><b>evil</b>");
    ConfirmDestructiveDialog dialog(ConfirmDestructiveDialog::Mode::Revoke, key, clock);
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->text().contains(QLatin1String("<b>")))
            QCOMPARE(label->textFormat(), Qt::PlainText);
    }
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("headingLabel"))
                ->text()
                .contains(QLatin1String("<b>evil</b>")));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("expectedNameLabel"))->text(), key.name);
}

void TestDialogs::revealCloseWithoutCopyAsks()
{
    ManualClock clock;
    ClipboardGuard guard(QGuiApplication::clipboard(), clock);
    const ApiKey key = sampleKey(clock);
    RevealKeyDialog dialog(KeyToken::generate(QStringLiteral("kw"), Environment::Production), key,
                           RevealKeyDialog::Occasion::Generated, guard, clock);
    dialog.show();
    QCOMPARE(dialog.windowTitle(), QStringLiteral("New API Key"));
    auto *close = dialog.findChild<QPushButton *>(QStringLiteral("closeButton"));

    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY(MessageBox::lastText().contains(QLatin1String("Have you stored the key?")));
    QVERIFY(!dialog.isTokenWiped());

    // Escape and the window's close button take the same road.
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(dialog.isVisible());
    MessageBox::setNextAnswer(QMessageBox::No);
    dialog.close();
    QVERIFY(dialog.isVisible());

    // The real question: open over the dialog, which waits for the answer without blocking.
    QTest::mouseClick(close, Qt::LeftButton);
    auto *question = openDialog<QMessageBox>();
    QVERIFY(question);
    QCOMPARE(question->windowModality(), Qt::WindowModal);
    QVERIFY(dialog.isVisible());
    QTest::keyClick(&dialog, Qt::Key_Escape); // a second close only raises the question
    QCOMPARE(openDialog<QMessageBox>(), question);
    QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("keepButton")),
                      Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.isTokenWiped());
    QTest::mouseClick(close, Qt::LeftButton);
    question = openDialog<QMessageBox>();
    QVERIFY(question);
    QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                      Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QVERIFY(dialog.isTokenWiped());
}

void TestDialogs::revealWipesTokenAfterClose()
{
    ManualClock clock;
    ClipboardGuard guard(QGuiApplication::clipboard(), clock);
    SecretString token = KeyToken::generate(QStringLiteral("kw"), Environment::Staging);
    const QString expected = token.toQString();
    RevealKeyDialog dialog(std::move(token), sampleKey(clock, Environment::Staging),
                           RevealKeyDialog::Occasion::Regenerated, guard, clock);
    dialog.show();
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Regenerated API Key"));
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("tokenEdit"));
    QCOMPARE(edit->text(), expected);
    QVERIFY(edit->isReadOnly());
    QVERIFY(edit->font().fixedPitch() || QFontInfo(edit->font()).fixedPitch());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("onceWarningLabel"))
                ->text()
                .contains(QLatin1String("will not be shown again")));

    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("copyButton")),
                      Qt::LeftButton);
    QVERIFY(dialog.hasCopied());
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("closeButton")),
                      Qt::LeftButton);
    QVERIFY(!dialog.isVisible()); // copied: no question
    QVERIFY(dialog.isTokenWiped());
    QVERIFY(edit->text().isEmpty());
    QVERIFY(!edit->isUndoAvailable());
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("copyButton"))->isEnabled());
    guard.clearNow();
}

// The button row of the single-action dialogs: named for tests and screen readers, Enter on the
// safe button where asked, and wired to the dialog's own accept() (virtual), not only QDialog's.
void TestDialogs::acceptCancelButtonsAreNamedAndWired()
{
    struct CountingDialog : QDialog
    {
        int accepts = 0;
        void accept() override
        {
            ++accepts;
            QDialog::accept();
        }
    };
    using EnterKey = DialogButtons::EnterKey;
    for (const EnterKey enter : {EnterKey::Accepts, EnterKey::Cancels}) {
        CountingDialog dialog;
        auto *field = new QLineEdit(&dialog);
        const DialogButtons buttons = DialogButtons::acceptCancel(
            &dialog, QStringLiteral("&Do It"), QStringLiteral("doButton"), enter);
        auto *layout = new QVBoxLayout(&dialog);
        layout->addWidget(field);
        layout->addWidget(buttons.box);
        QCOMPARE(buttons.box->objectName(), QStringLiteral("buttonBox"));
        QCOMPARE(dialog.findChild<QPushButton *>(QStringLiteral("doButton")), buttons.accept);
        QCOMPARE(dialog.findChild<QPushButton *>(QStringLiteral("cancelButton")), buttons.cancel);
        QCOMPARE(buttons.accept->accessibleName(), QStringLiteral("Do It"));
        QVERIFY(!buttons.cancel->accessibleName().isEmpty());
        QVERIFY(!buttons.cancel->accessibleName().contains(QLatin1Char('&')));
        QCOMPARE(buttons.accept->isDefault(), enter == EnterKey::Accepts);
        QCOMPARE(buttons.cancel->isDefault(), enter == EnterKey::Cancels);

        // Enter in the dialog's field presses the default button.
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        field->setFocus();
        QTest::keyClick(field, Qt::Key_Return);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(),
                 int(enter == EnterKey::Accepts ? QDialog::Accepted : QDialog::Rejected));
        QCOMPARE(dialog.accepts, enter == EnterKey::Accepts ? 1 : 0);

        // A click on the action accepts through the override either way.
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(buttons.accept, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.accepts, enter == EnterKey::Accepts ? 2 : 1);
    }
}

void TestDialogs::everyInteractiveWidgetIsNamed()
{
    ManualClock clock;
    ClipboardGuard guard(QGuiApplication::clipboard(), clock);
    const ApiKey key = sampleKey(clock);
    GenerateKeyDialog generate(GrantCatalogue::defaults(), memberWithRole(Role::Owner), clock);
    EditKeyDialog edit(key, GrantCatalogue::defaults(), clock);
    RegenerateKeyDialog regenerate(key, clock);
    ConfirmDestructiveDialog revoke(ConfirmDestructiveDialog::Mode::Revoke, key, clock);
    ConfirmDestructiveDialog remove(ConfirmDestructiveDialog::Mode::Delete, key, clock);
    RevealKeyDialog reveal(KeyToken::generate(QStringLiteral("kw"), Environment::Production), key,
                           RevealKeyDialog::Occasion::Generated, guard, clock);
    for (const QWidget *dialog : std::initializer_list<const QWidget *> {
             &generate, &edit, &regenerate, &revoke, &remove, &reveal}) {
        const QStringList unnamed = unnamedInteractiveWidgets(dialog);
        QVERIFY2(unnamed.isEmpty(),
                 qPrintable(dialog->objectName() + QStringLiteral(": ")
                            + unnamed.join(QStringLiteral(", "))));
    }
    MessageBox::setNextAnswer(QMessageBox::Yes);
    reveal.reject();
}

// Not an assertion: pictures to look at. KEYWARD_SCREENSHOT_DIR=/tmp saves dlg-*.png there.
void TestDialogs::screenshots()
{
    const QString dir = qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set KEYWARD_SCREENSHOT_DIR to save the dialogs as PNG");
    ManualClock clock;
    ClipboardGuard guard(QGuiApplication::clipboard(), clock);
    ApiKey key = sampleKey(clock);
    key.secrets[0].lastUsedAtMs = clock.nowMs() - 3 * kHourMs;
    auto save = [&](QWidget *dialog, const QString &name) {
        dialog->show();
        dialog->adjustSize();
        QVERIFY(dialog->grab().save(QDir(dir).filePath(QStringLiteral("dlg-%1.png").arg(name))));
    };
    GenerateKeyDialog generate(GrantCatalogue::defaults(), memberWithRole(Role::Owner), clock);
    save(&generate, QStringLiteral("generate-empty"));
    generate.findChild<QLineEdit *>(QStringLiteral("nameEdit"))
        ->setText(QStringLiteral("CI deploy"));
    selectData(generate.findChild<QComboBox *>(QStringLiteral("expiryCombo")),
               static_cast<int>(ExpiryPolicy::Choice::Never));
    save(&generate, QStringLiteral("generate-never"));
    selectData(generate.findChild<QComboBox *>(QStringLiteral("expiryCombo")),
               static_cast<int>(ExpiryPolicy::Choice::CustomDate));
    save(&generate, QStringLiteral("generate-custom"));
    GenerateKeyDialog duplicate(GrantCatalogue::defaults(), memberWithRole(Role::Developer), clock);
    duplicate.prefillFrom(key);
    save(&duplicate, QStringLiteral("generate-duplicate"));
    EditKeyDialog edit(key, GrantCatalogue::defaults(), clock);
    edit.findChild<QComboBox *>(QStringLiteral("expiryCombo"))->setCurrentIndex(1);
    save(&edit, QStringLiteral("edit"));
    RegenerateKeyDialog regenerate(key, clock);
    save(&regenerate, QStringLiteral("regenerate"));
    ConfirmDestructiveDialog revoke(ConfirmDestructiveDialog::Mode::Revoke,
                                    sampleKey(clock, Environment::Staging), clock);
    save(&revoke, QStringLiteral("revoke"));
    ConfirmDestructiveDialog remove(ConfirmDestructiveDialog::Mode::Delete, key, clock);
    save(&remove, QStringLiteral("delete-production"));
    RevealKeyDialog reveal(KeyToken::generate(QStringLiteral("kw"), Environment::Production), key,
                           RevealKeyDialog::Occasion::Generated, guard, clock);
    save(&reveal, QStringLiteral("reveal"));
    reveal.copyToClipboard();
    clock.advanceMs(3 * kSecondMs);
    guard.tick();
    save(&reveal, QStringLiteral("reveal-copied"));
    reveal.accept();
    guard.clearNow();
}

QTEST_MAIN(TestDialogs)
#include "test_dialogs.moc"
