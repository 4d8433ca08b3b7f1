// Usage in the GUI: the 7-day chart, the request log, last use per secret in the details pane and
// "Why is this key rejected?". Traffic goes through the real Verifier and UsageRecorder into a
// real SQLite vault on a ManualClock, so what is shown is what a verifier wrote.
//
// With KEYWARD_SCREENSHOT_DIR set, screenshots() writes key-usage.png and why-rejected.png there.
#include "UiTestSupport.h"
#include "VaultFixture.h"

#include "core/Translations.h"
#include "crypto/KeyToken.h"
#include "ui/KeyDetailsPane.h"
#include "ui/MainWindow.h"
#include "ui/OutcomeText.h"
#include "ui/RequestLogModel.h"
#include "ui/RequestLogView.h"
#include "ui/Settings.h"
#include "ui/UsageChartView.h"
#include "ui/WhyRejectedDialog.h"
#include "verify/UsageRecorder.h"
#include "verify/UsageReport.h"
#include "verify/UsageSource.h"
#include "verify/Verifier.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QValueAxis>

using namespace Keyward;
using namespace Keyward::Testing;
using Group = OutcomeText::Group;

namespace {

// Only an explicit flush writes during a test.
UsageRecorderOptions manualFlush()
{
    UsageRecorderOptions options;
    options.flushIntervalMs = 3600 * 1000;
    return options;
}

// The bucket the chart puts a time in: days back from today, in local time.
int bucketOf(qint64 atMs, qint64 nowMs)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(atMs).date();
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs).date();
    return UsageChartView::kDays - 1 - int(day.daysTo(today));
}

} // namespace

class TestUsageUi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<VaultFixture> m_vault;
    std::unique_ptr<Verifier> m_verifier;
    std::unique_ptr<UsageRecorder> m_recorder;
    QTemporaryDir m_home;
    QString m_outDir;

    SqlKeyStore &store() { return *m_vault->store; }
    ManualClock &clock() { return m_vault->clock; }

    IssuedKey issue(const QString &name, const QString &rateLimit = QStringLiteral("none"),
                    Environment env = Environment::Production)
    {
        NewKeyRequest request = m_vault->request(name, env);
        request.rateLimit = *RateLimit::parse(rateLimit);
        auto issued = store().createKey(request);
        if (!issued)
            qFatal("createKey failed: %s", qPrintable(issued.errorMessage()));
        return std::move(issued).value();
    }

    VerifyOutcome verify(const SecretString &token, const QString &source,
                         Environment env = Environment::Production, const QStringList &grants = {})
    {
        auto result = m_verifier->verify(token, env, grants, source);
        if (!result)
            qFatal("verify failed: %s", qPrintable(result.errorMessage()));
        return result->outcome;
    }

    SecretString regenerate(qint64 keyId, qint64 graceMs)
    {
        const ApiKey key = *store().key(keyId);
        auto issued = store().regenerateKey(keyId, key.version, graceMs);
        if (!issued)
            qFatal("regenerateKey failed: %s", qPrintable(issued.errorMessage()));
        return std::move(issued->token);
    }

    UsageReport report(qint64 keyId)
    {
        auto loaded = UsageReport::load(store(), keyId, clock().nowMs(),
                                        UsageChartView::hoursNeeded(clock().nowMs()), 1000);
        if (!loaded)
            qFatal("UsageReport::load failed: %s", qPrintable(loaded.errorMessage()));
        return *loaded;
    }

    void showInPane(KeyDetailsPane &pane, qint64 keyId)
    {
        auto history = store().auditEvents(keyId, 50);
        pane.showKey(*store().key(keyId), store().grantCatalogue(),
                     history ? *history : QVector<AuditEvent>());
    }

    // A rotation in progress: the old secret from ci-runner-03, the new one from api-gw-01.
    struct Rotation
    {
        qint64 keyId = 0;
        qint64 oldSecretId = 0;
        qint64 newSecretId = 0;
        QVector<qint64> times; // of the four requests, oldest first
    };
    Rotation rotate();

    void capture(QWidget *widget, const QString &name);

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void chartCountsPerOutcomeAndDay();
    void chartWithoutTraffic();
    void requestLogNewestFirstWithSecrets();
    void requestLogIsBounded();
    void requestLogSaysWhenItIsASample();
    void detailsPaneShowsBothSecretsLastUse();
    void detailsPaneRefreshReadsNewUsage();
    void whyRejected_data();
    void whyRejected();
    void whyRejectedRecordsNothing();
    void whyRejectedClearsTokenOnClose();
    void whyRejectedNeedsAToken();
    void mainWindowOffersWhyRejected();
    void screenshots();
};

void TestUsageUi::initTestCase()
{
    QVERIFY(m_home.isValid());
    UiTest::isolateUserDirectories(m_home.path());
    m_outDir = qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR");
    if (!m_outDir.isEmpty())
        QVERIFY(QDir().mkpath(m_outDir));
    QApplication::setStyle(QStringLiteral("Fusion"));
    // The English catalogue carries the plural forms ("5 minutes ago", not "5 minute(s) ago").
    Translations::install(*qApp, QStringLiteral("en"));
}

void TestUsageUi::init()
{
    m_vault = std::make_unique<VaultFixture>();
    m_verifier = std::make_unique<Verifier>(store(), clock());
    m_recorder = std::make_unique<UsageRecorder>(store(), clock(), manualFlush());
    m_verifier->setRecorder(m_recorder.get());
}

void TestUsageUi::cleanup()
{
    m_verifier.reset();
    m_recorder.reset();
    m_vault.reset();
}

TestUsageUi::Rotation TestUsageUi::rotate()
{
    Rotation r;
    IssuedKey issued = issue(QStringLiteral("CI deploy"));
    r.keyId = issued.key.id;
    r.oldSecretId = issued.key.secrets.constFirst().id;
    const SecretString oldToken = std::move(issued.token);

    clock().advanceMs(10 * kMinuteMs);
    r.times.append(clock().nowMs());
    verify(oldToken, QStringLiteral("ci-runner-03"));
    clock().advanceMs(10 * kMinuteMs);
    const SecretString newToken = regenerate(r.keyId, kDayMs);
    r.newSecretId = store().key(r.keyId)->secrets.constFirst().id;
    clock().advanceMs(10 * kMinuteMs);
    r.times.append(clock().nowMs());
    verify(newToken, QStringLiteral("api-gw-01"));
    clock().advanceMs(10 * kMinuteMs);
    r.times.append(clock().nowMs());
    verify(oldToken, QStringLiteral("ci-runner-03")); // still inside the grace period
    clock().advanceMs(10 * kMinuteMs);
    r.times.append(clock().nowMs());
    verify(newToken, QStringLiteral("api-gw-01"), Environment::Production,
           {QStringLiteral("customers:write")});
    clock().advanceMs(5 * kMinuteMs);
    if (!m_recorder->flush())
        qFatal("flush failed");
    return r;
}

void TestUsageUi::chartCountsPerOutcomeAndDay()
{
    IssuedKey issued = issue(QStringLiteral("Billing"), QStringLiteral("3/min"));
    const SecretString token = std::move(issued.token);
    const qint64 start = clock().nowMs();

    // Day 1: five valid requests, paced under the rate limit.
    clock().setNowMs(start + kDayMs);
    const qint64 day1 = clock().nowMs();
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(verify(token, QStringLiteral("billing-1")), VerifyOutcome::Valid);
        clock().advanceMs(30 * kSecondMs);
    }
    // Day 3: valid, a missing grant (403) twice, a wrong environment (401) once.
    clock().setNowMs(start + 3 * kDayMs);
    const qint64 day3 = clock().nowMs();
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(verify(token, QStringLiteral("billing-1")), VerifyOutcome::Valid);
        clock().advanceMs(30 * kSecondMs);
    }
    for (int i = 0; i < 2; ++i)
        QCOMPARE(verify(token, QStringLiteral("billing-1"), Environment::Production,
                        {QStringLiteral("customers:write")}),
                 VerifyOutcome::InsufficientGrants);
    QCOMPARE(verify(token, QStringLiteral("billing-1"), Environment::Staging),
             VerifyOutcome::WrongEnvironment);
    // Day 5: a burst of five at once against 3/min: three pass, two get 429.
    clock().setNowMs(start + 5 * kDayMs);
    const qint64 day5 = clock().nowMs();
    int limited = 0;
    for (int i = 0; i < 5; ++i)
        limited += verify(token, QStringLiteral("billing-2")) == VerifyOutcome::RateLimited;
    QCOMPARE(limited, 2);
    // Traffic of another key must not show up.
    IssuedKey other = issue(QStringLiteral("Other"));
    verify(other.token, QStringLiteral("elsewhere"));
    clock().advanceMs(kHourMs);
    QVERIFY(m_recorder->flush());

    UsageChartView chart;
    chart.setReport(report(issued.key.id), clock().nowMs());
    const qint64 now = clock().nowMs();
    QCOMPARE(chart.bucketCount(), 7);
    QCOMPARE(chart.dayAxis()->categories().size(), 7);
    QCOMPARE(chart.dayAxis()->categories().constLast(), QStringLiteral("Today"));
    QCOMPARE(chart.count(Group::Valid, bucketOf(day1, now)), qint64(5));
    QCOMPARE(chart.count(Group::Valid, bucketOf(day3, now)), qint64(3));
    QCOMPARE(chart.count(Group::Forbidden, bucketOf(day3, now)), qint64(2));
    QCOMPARE(chart.count(Group::Unauthorized, bucketOf(day3, now)), qint64(1));
    QCOMPARE(chart.count(Group::Valid, bucketOf(day5, now)), qint64(3));
    QCOMPARE(chart.count(Group::TooManyRequests, bucketOf(day5, now)), qint64(2));
    QCOMPARE(chart.total(), qint64(5 + 6 + 5));
    // The bar sets are what is drawn: they hold the same numbers, one colour per group.
    QCOMPARE(chart.barSet(Group::Valid)->at(bucketOf(day1, now)), 5.0);
    QCOMPARE(chart.barSet(Group::Forbidden)->at(bucketOf(day3, now)), 2.0);
    QCOMPARE(chart.barSet(Group::TooManyRequests)->at(bucketOf(day5, now)), 2.0);
    QCOMPARE(chart.barSet(Group::Unauthorized)->at(bucketOf(day1, now)), 0.0);
    QCOMPARE(chart.barSet(Group::Valid)->color(), OutcomeText::groupColor(Group::Valid));
    QCOMPARE(chart.barSet(Group::Unauthorized)->label(), QStringLiteral("Unauthorized (401)"));
    // Whole-number ticks above the tallest bar (6 on day 3).
    QVERIFY(chart.countAxis()->max() >= 6);
    QCOMPARE(chart.countAxis()->min(), 0.0);
}

void TestUsageUi::chartWithoutTraffic()
{
    const IssuedKey issued = issue(QStringLiteral("Quiet"));
    UsageChartView chart;
    chart.setReport(report(issued.key.id), clock().nowMs());
    QCOMPARE(chart.total(), qint64(0));
    QVERIFY(chart.countAxis()->max() > 0); // an empty chart still has a sensible scale
    for (int bucket = 1; bucket < chart.bucketCount(); ++bucket)
        QVERIFY(chart.bucketStartMs(bucket) > chart.bucketStartMs(bucket - 1));
    QVERIFY(chart.bucketStartMs(6) <= clock().nowMs());
    QVERIFY(UsageChartView::hoursNeeded(clock().nowMs()) <= 7 * 24);
    QVERIFY(UsageChartView::hoursNeeded(clock().nowMs()) > 6 * 24);
}

void TestUsageUi::requestLogNewestFirstWithSecrets()
{
    const Rotation r = rotate();
    const ApiKey key = *store().key(r.keyId);
    RequestLogView view;
    QAbstractItemModelTester tester(view.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.setRequests(report(r.keyId).requests(), key.secrets, clock().nowMs());
    RequestLogModel *model = view.model();
    QVERIFY(!view.isShowingPlaceholder());
    QCOMPARE(model->rowCount(), 4);

    const auto cell = [model](int row, int column, int role = Qt::DisplayRole) {
        return model->index(row, column).data(role);
    };
    // Newest first.
    for (int row = 0; row < 4; ++row)
        QCOMPARE(cell(row, RequestLogModel::TimeColumn, RequestLogModel::SortRole).toLongLong(),
                 r.times.at(3 - row));
    QCOMPARE(cell(0, RequestLogModel::SourceColumn).toString(), QStringLiteral("api-gw-01"));
    QCOMPARE(cell(0, RequestLogModel::OutcomeColumn).toString(),
             QStringLiteral("Missing grant (403)"));
    QCOMPARE(model->secretKind(0), RequestLogModel::SecretKind::Current);
    QCOMPARE(cell(1, RequestLogModel::SourceColumn).toString(), QStringLiteral("ci-runner-03"));
    QCOMPARE(cell(1, RequestLogModel::OutcomeColumn).toString(), QStringLiteral("Valid (200)"));
    QCOMPARE(model->secretKind(1), RequestLogModel::SecretKind::Previous);
    QVERIFY(
        cell(1, RequestLogModel::SecretColumn).toString().endsWith(QStringLiteral("(previous)")));
    QVERIFY(cell(1, RequestLogModel::SecretColumn, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("stops working")));
    QCOMPARE(model->secretKind(2), RequestLogModel::SecretKind::Current);
    QVERIFY(
        cell(2, RequestLogModel::SecretColumn).toString().endsWith(QStringLiteral("(current)")));
    QVERIFY(cell(2, RequestLogModel::SecretColumn)
                .toString()
                .startsWith(key.secrets.constFirst().hint));
    QCOMPARE(model->secretKind(3), RequestLogModel::SecretKind::Previous);
    // Relative time shown, absolute in the tooltip, colour by answer.
    QCOMPARE(cell(0, RequestLogModel::TimeColumn).toString(), QStringLiteral("5 minutes ago"));
    QVERIFY(!cell(0, RequestLogModel::TimeColumn, Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(cell(0, RequestLogModel::OutcomeColumn, Qt::DecorationRole).value<QColor>(),
             OutcomeText::groupColor(Group::Forbidden));

    view.clear();
    QVERIFY(view.isShowingPlaceholder());
}

void TestUsageUi::requestLogIsBounded()
{
    IssuedKey issued = issue(QStringLiteral("Busy"));
    for (int i = 0; i < KeyDetailsPane::kRequestLogLimit + 50; ++i) {
        verify(issued.token, QStringLiteral("worker-%1").arg(i));
        clock().advanceMs(kSecondMs);
    }
    QVERIFY(m_recorder->flush());
    KeyDetailsPane pane(clock());
    StoreUsageSource usage(store());
    pane.setStore(&store(), &usage);
    QElapsedTimer timer;
    timer.start();
    showInPane(pane, issued.key.id);
    qInfo("Showing a key with %d requests took %lld ms", KeyDetailsPane::kRequestLogLimit + 50,
          timer.elapsed());
    QCOMPARE(pane.requestLog()->model()->rowCount(), KeyDetailsPane::kRequestLogLimit);
    // The newest is on top.
    QCOMPARE(pane.requestLog()->model()->requestAt(0)->source,
             QStringLiteral("worker-%1").arg(KeyDetailsPane::kRequestLogLimit + 49));
    QCOMPARE(pane.usageChart()->total(), qint64(KeyDetailsPane::kRequestLogLimit + 50));
}

// A key answering many requests a second logs a sample of them: the pane must not let the
// admin read the log as the whole traffic.
void TestUsageUi::requestLogSaysWhenItIsASample()
{
    IssuedKey quiet = issue(QStringLiteral("Quiet"));
    IssuedKey busy = issue(QStringLiteral("Busy"));
    for (int i = 0; i < 3; ++i) {
        verify(quiet.token, QStringLiteral("cron"));
        clock().advanceMs(kSecondMs);
    }
    for (int i = 0; i < 40; ++i)
        verify(busy.token, QStringLiteral("api-gw-%1").arg(i % 4)); // all in one second
    QVERIFY(m_recorder->flush());
    KeyDetailsPane pane(clock());
    StoreUsageSource usage(store());
    pane.setStore(&store(), &usage);

    showInPane(pane, quiet.key.id);
    QCOMPARE(pane.requestLog()->model()->rowCount(), 3);
    QVERIFY2(!pane.requestLogCaption().contains(QStringLiteral("sample")),
             qPrintable(pane.requestLogCaption()));

    showInPane(pane, busy.key.id);
    QCOMPARE(pane.usageChart()->total(), qint64(40));
    QCOMPARE(pane.requestLog()->model()->rowCount(), UsageBatch::kDefaultRequestsPerSecond);
    QVERIFY2(pane.requestLogCaption().contains(QStringLiteral("sample")),
             qPrintable(pane.requestLogCaption()));
    QVERIFY(pane.requestLogCaption().contains(QStringLiteral("the chart counts every request")));
}

void TestUsageUi::detailsPaneShowsBothSecretsLastUse()
{
    const Rotation r = rotate();
    KeyDetailsPane pane(clock());
    StoreUsageSource usage(store());
    pane.setStore(&store(), &usage);
    showInPane(pane, r.keyId);
    QCOMPARE(pane.keyId(), r.keyId);
    const QString text = pane.text();
    // The previous secret was used 15 minutes ago (before the 403 at -5 min came from the new).
    QVERIFY2(text.contains(QStringLiteral("Previous secret last used 15 minutes ago from "
                                          "ci-runner-03")),
             qPrintable(text));
    // The new secret's last success was 25 minutes ago; the 403 since is a refusal, not a use.
    QVERIFY2(text.contains(QStringLiteral("Last used 25 minutes ago from api-gw-01\nLast refused "
                                          "5 minutes ago: Missing grant.")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Still in use: the previous secret was used 15 minutes "
                                          "ago from ci-runner-03")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Current secret")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("grace period")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Regenerated key by alice")), qPrintable(text));
    // Chart and log of the same key.
    QCOMPARE(pane.usageChart()->total(), qint64(4));
    QCOMPARE(pane.usageChart()->total(Group::Forbidden), qint64(1));
    QCOMPARE(pane.requestLog()->model()->rowCount(), 4);
    QVERIFY2(pane.usageSummary().contains(QStringLiteral("4 requests")),
             qPrintable(pane.usageSummary()));
    QVERIFY2(pane.usageSummary().contains(QStringLiteral("3 valid")),
             qPrintable(pane.usageSummary()));
    QVERIFY2(pane.usageSummary().contains(QStringLiteral("1 forbidden (403)")),
             qPrintable(pane.usageSummary()));

    // Once the old secret is quiet after a regeneration, the pane says it is safe to let go.
    IssuedKey quiet = issue(QStringLiteral("Quiet rotation"));
    verify(quiet.token, QStringLiteral("old-host"));
    clock().advanceMs(kMinuteMs);
    regenerate(quiet.key.id, kDayMs);
    clock().advanceMs(kMinuteMs);
    QVERIFY(m_recorder->flush());
    showInPane(pane, quiet.key.id);
    QVERIFY2(
        pane.text().contains(QStringLiteral("has not been used since the key was regenerated")),
        qPrintable(pane.text()));
    QVERIFY2(pane.text().contains(QStringLiteral("Never used")), qPrintable(pane.text()));

    pane.clear();
    QCOMPARE(pane.keyId(), qint64(0));
    QVERIFY(pane.text().contains(QStringLiteral("Select a key")));
}

void TestUsageUi::detailsPaneRefreshReadsNewUsage()
{
    IssuedKey issued = issue(QStringLiteral("Reports"));
    verify(issued.token, QStringLiteral("reports-1"));
    clock().advanceMs(kMinuteMs);
    QVERIFY(m_recorder->flush());
    KeyDetailsPane pane(clock());
    StoreUsageSource usage(store());
    pane.setStore(&store(), &usage);
    showInPane(pane, issued.key.id);
    QCOMPARE(pane.usageChart()->total(), qint64(1));

    // Usage does not change the vault's change counter, so only the pane's own refresh sees it.
    clock().advanceMs(kMinuteMs);
    verify(issued.token, QStringLiteral("reports-2"));
    verify(issued.token, QStringLiteral("reports-2"), Environment::Staging);
    QVERIFY(m_recorder->flush());
    clock().advanceMs(2 * kMinuteMs);
    pane.refreshUsage();
    QCOMPARE(pane.usageChart()->total(), qint64(3));
    QCOMPARE(pane.requestLog()->model()->rowCount(), 3);
    QCOMPARE(pane.requestLog()->model()->requestAt(0)->outcome, VerifyOutcome::WrongEnvironment);
    QVERIFY2(pane.text().contains(QStringLiteral("Last used 2 minutes ago from reports-2")),
             qPrintable(pane.text()));

    // The window's usage channel hands the pane its key, freshly used; another key's update
    // changes nothing.
    verify(issued.token, QStringLiteral("reports-3"));
    QVERIFY(m_recorder->flush());
    ApiKey other = *store().key(issued.key.id);
    other.id += 1000;
    pane.updateUsage(other);
    QCOMPARE(pane.usageChart()->total(), qint64(3));
    pane.updateUsage(*store().key(issued.key.id));
    QCOMPARE(pane.usageChart()->total(), qint64(4));
    QVERIFY2(pane.text().contains(QStringLiteral("Last used just now from reports-3")),
             qPrintable(pane.text()));

    // Without a store there is nothing to read, and nothing breaks.
    pane.setStore(nullptr);
    QCOMPARE(pane.keyId(), qint64(0));
    pane.refreshUsage();
}

void TestUsageUi::whyRejected_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<int>("http");
    QTest::addColumn<QStringList>("reasonContains");

    const auto row = [](const char *name, VerifyOutcome outcome, const QStringList &words) {
        QTest::newRow(name) << QString::fromLatin1(name) << verifyOutcomeToInt(outcome)
                            << verifyHttpStatus(outcome) << words;
    };
    row("valid", VerifyOutcome::Valid, {QStringLiteral("valid")});
    row("valid with spaces around", VerifyOutcome::Valid, {});
    row("truncated", VerifyOutcome::Malformed, {QStringLiteral("not copied in full")});
    row("one character changed", VerifyOutcome::Malformed, {QStringLiteral("not copied in full")});
    row("garbage", VerifyOutcome::Malformed, {QStringLiteral("not a Keyward key")});
    row("unknown key", VerifyOutcome::NotFound, {QStringLiteral("No key matches")});
    row("revoked", VerifyOutcome::Revoked,
        {QStringLiteral("Revoked on"), QStringLiteral("by alice")});
    // The order: a dead key is 401 even when the grant is missing too.
    row("revoked and missing grant", VerifyOutcome::Revoked, {QStringLiteral("by alice")});
    row("deactivated", VerifyOutcome::Inactive,
        {QStringLiteral("Deactivated on"), QStringLiteral("by alice")});
    row("missing grant", VerifyOutcome::InsufficientGrants,
        {QStringLiteral("Missing grant customers:write")});
    row("wrong environment", VerifyOutcome::WrongEnvironment,
        {QStringLiteral("Production key"), QStringLiteral("Staging")});
    row("old secret after grace", VerifyOutcome::Revoked,
        {QStringLiteral("old secret"), QStringLiteral("alice regenerated")});
    row("expired", VerifyOutcome::Expired, {QStringLiteral("Expired on")});
}

void TestUsageUi::whyRejected()
{
    QFETCH(QString, scenario);
    QFETCH(int, outcome);
    QFETCH(int, http);
    QFETCH(QStringList, reasonContains);

    NewKeyRequest request = m_vault->request(QStringLiteral("Payments"));
    request.expiresAtMs = clock().nowMs() + 7 * kDayMs;
    auto created = store().createKey(request);
    QVERIFY(created);
    const qint64 keyId = created->key.id;
    QString text = created->token.toQString();
    int environment = 0; // the key's own
    QStringList grants;
    if (scenario == QLatin1String("valid with spaces around")) {
        text = QStringLiteral("  ") + text + QStringLiteral(" \n");
    } else if (scenario == QLatin1String("truncated")) {
        text.chop(5);
    } else if (scenario == QLatin1String("one character changed")) {
        text[20] = text.at(20) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    } else if (scenario == QLatin1String("garbage")) {
        text = QStringLiteral("hello world");
    } else if (scenario == QLatin1String("unknown key")) {
        text = KeyToken::generate(QStringLiteral("kw"), Environment::Production).toQString();
    } else if (scenario.startsWith(QLatin1String("revoked"))) {
        QVERIFY(store().revokeKey(keyId, created->key.version));
        if (scenario.contains(QLatin1String("grant")))
            grants = {QStringLiteral("customers:write")};
    } else if (scenario == QLatin1String("deactivated")) {
        QVERIFY(store().setKeyActive(keyId, created->key.version, false));
    } else if (scenario == QLatin1String("missing grant")) {
        grants = {QStringLiteral("licenses:read"), QStringLiteral("customers:write")};
    } else if (scenario == QLatin1String("wrong environment")) {
        environment = 2; // Staging: after "own", Production
    } else if (scenario == QLatin1String("old secret after grace")) {
        regenerate(keyId, kHourMs);
        clock().advanceMs(2 * kHourMs);
    } else if (scenario == QLatin1String("expired")) {
        clock().advanceMs(8 * kDayMs);
    }

    WhyRejectedDialog dialog(store(), clock());
    dialog.show();
    auto *tokenEdit = dialog.findChild<QLineEdit *>(QStringLiteral("tokenEdit"));
    QVERIFY(tokenEdit);
    QCOMPARE(tokenEdit->echoMode(), QLineEdit::Password);
    tokenEdit->setText(text);
    dialog.findChild<QComboBox *>(QStringLiteral("environmentCombo"))->setCurrentIndex(environment);
    auto *grantList = dialog.findChild<QListWidget *>(QStringLiteral("grantsList"));
    for (int i = 0; i < grantList->count(); ++i) {
        if (grants.contains(grantList->item(i)->data(Qt::UserRole).toString()))
            grantList->item(i)->setCheckState(Qt::Checked);
    }
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("checkButton")),
                      Qt::LeftButton);

    QVERIFY(dialog.result().has_value());
    QCOMPARE(verifyOutcomeToInt(dialog.result()->outcome), outcome);
    QCOMPARE(dialog.result()->httpStatus(), http);
    QVERIFY2(dialog.verdictText().contains(QStringLiteral("HTTP %1").arg(http)),
             qPrintable(dialog.verdictText()));
    QVERIFY2(dialog.verdictText().startsWith(OutcomeText::name(*verifyOutcomeFromInt(outcome))),
             qPrintable(dialog.verdictText()));
    for (const QString &words : reasonContains)
        QVERIFY2(dialog.reasonText().contains(words, Qt::CaseInsensitive),
                 qPrintable(dialog.reasonText()));
    // Whenever the token matched a key, the dialog names it.
    if (dialog.result()->hasKey())
        QVERIFY2(dialog.keyText().contains(QStringLiteral("Payments")),
                 qPrintable(dialog.keyText()));
    else
        QVERIFY(dialog.keyText().isEmpty());
    QVERIFY(!dialog.adviceText().isEmpty());

    // Changing the question clears the old answer instead of showing it next to new input.
    tokenEdit->setText(text + QStringLiteral("x"));
    QVERIFY(!dialog.result());
    QVERIFY(dialog.verdictText().isEmpty());
}

void TestUsageUi::whyRejectedRecordsNothing()
{
    NewKeyRequest request = m_vault->request(QStringLiteral("Metered"));
    request.rateLimit = *RateLimit::parse(QStringLiteral("1/min"));
    request.usageLimit = 2;
    auto created = store().createKey(request);
    QVERIFY(created);
    const qint64 keyId = created->key.id;
    QCOMPARE(verify(created->token, QStringLiteral("svc")), VerifyOutcome::Valid);
    clock().advanceMs(kMinuteMs);
    QVERIFY(m_recorder->flush());
    const ApiKey before = *store().key(keyId);
    const UsageReport reportBefore = report(keyId);
    QCOMPARE(before.usageCount, qint64(1));

    WhyRejectedDialog dialog(store(), clock());
    dialog.findChild<QLineEdit *>(QStringLiteral("tokenEdit"))->setText(created->token.toQString());
    // More checks than the rate limit (1/min) and the credits left (1) allow: all stay Valid,
    // because explaining takes nothing.
    for (int i = 0; i < 5; ++i) {
        dialog.check();
        QVERIFY(dialog.result());
        QCOMPARE(dialog.result()->outcome, VerifyOutcome::Valid);
    }
    QVERIFY(m_recorder->flush());
    const ApiKey after = *store().key(keyId);
    const UsageReport reportAfter = report(keyId);
    QCOMPARE(after.usageCount, before.usageCount);
    QCOMPARE(after.secrets.constFirst().lastUsedAtMs, before.secrets.constFirst().lastUsedAtMs);
    QCOMPARE(after.secrets.constFirst().lastUsedSource, QStringLiteral("svc"));
    QCOMPARE(reportAfter.total(), reportBefore.total());
    QCOMPARE(reportAfter.requests().size(), reportBefore.requests().size());
    // And the real verifier still has its one remaining credit and its rate-limit token.
    QCOMPARE(verify(created->token, QStringLiteral("svc")), VerifyOutcome::Valid);
}

void TestUsageUi::whyRejectedClearsTokenOnClose()
{
    const IssuedKey issued = issue(QStringLiteral("Payments"));
    WhyRejectedDialog dialog(store(), clock());
    dialog.show();
    auto *tokenEdit = dialog.findChild<QLineEdit *>(QStringLiteral("tokenEdit"));
    QTest::keyClicks(tokenEdit, issued.token.toQString());
    auto *show = tokenEdit->findChild<QAction *>(QStringLiteral("showTokenAction"));
    QVERIFY(show);
    show->trigger();
    QCOMPARE(tokenEdit->echoMode(), QLineEdit::Normal);
    QVERIFY(tokenEdit->isUndoAvailable());
    dialog.check();
    QCOMPARE(dialog.result()->outcome, VerifyOutcome::Valid);

    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("closeButton")),
                      Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QVERIFY(tokenEdit->text().isEmpty());
    QCOMPARE(tokenEdit->echoMode(), QLineEdit::Password);
    // Undo must not bring the token back.
    tokenEdit->setEchoMode(QLineEdit::Normal);
    QVERIFY(!tokenEdit->isUndoAvailable());
    tokenEdit->undo();
    QVERIFY(tokenEdit->text().isEmpty());
    QVERIFY(!dialog.result());
}

void TestUsageUi::whyRejectedNeedsAToken()
{
    WhyRejectedDialog dialog(store(), clock());
    auto *check = dialog.findChild<QPushButton *>(QStringLiteral("checkButton"));
    QVERIFY(!check->isEnabled());
    dialog.findChild<QLineEdit *>(QStringLiteral("tokenEdit"))->setText(QStringLiteral("   "));
    QVERIFY(!check->isEnabled());
    dialog.check();
    QVERIFY(!dialog.result());
    dialog.findChild<QLineEdit *>(QStringLiteral("tokenEdit"))->setText(QStringLiteral("kw_"));
    QVERIFY(check->isEnabled());
    // Every grant of the vault is offered, by label and id.
    auto *grantList = dialog.findChild<QListWidget *>(QStringLiteral("grantsList"));
    QCOMPARE(grantList->count(), int(store().grantCatalogue().grants().size()));
    QVERIFY(grantList->item(0)->text().contains(store().grantCatalogue().grants().at(0).id));
}

void TestUsageUi::mainWindowOffersWhyRejected()
{
    UiTest::Vault vault;
    QVERIFY(vault.isValid());
    vault.createKey(QStringLiteral("Payments"));
    vault.closeStore();
    Settings settings(m_home.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings, vault.clock());
    window.show();
    auto *action = window.findChild<QAction *>(QStringLiteral("whyRejectedAction"));
    QVERIFY(action);
    QVERIFY(!action->isEnabled()); // nothing to check against before a vault is open
    QMenu *keysMenu = nullptr;
    for (QAction *menuAction : window.menuBar()->actions()) {
        if (menuAction->text() == QStringLiteral("&Keys"))
            keysMenu = menuAction->menu();
    }
    QVERIFY(keysMenu);
    QVERIFY(keysMenu->actions().contains(action));

    window.start(vault.path());
    QVERIFY(UiTest::submitLogin(window, QStringLiteral("alice"), UiTest::kOwnerPassphrase));
    QVERIFY(window.session().isUnlocked());
    QVERIFY(action->isEnabled());
    action->trigger();
    WhyRejectedDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = UiTest::findVisible<WhyRejectedDialog>(&window)));
    // Locking closes it (and clears the token with it).
    window.lock();
    QTRY_VERIFY(!UiTest::findVisible<WhyRejectedDialog>(&window));
    QVERIFY(!action->isEnabled());
}

void TestUsageUi::capture(QWidget *widget, const QString &name)
{
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget));
    QCoreApplication::processEvents();
    const QImage image = widget->grab().toImage();
    QVERIFY2(image.width() >= 300 && image.height() >= 200, qPrintable(name));
    if (!m_outDir.isEmpty())
        QVERIFY(image.save(QDir(m_outDir).filePath(name + QStringLiteral(".png"))));
}

void TestUsageUi::screenshots()
{
    // A week of a CI key's life: steady traffic, a few refusals, a burst into the rate limit,
    // and a rotation two days ago that one runner has not picked up yet.
    IssuedKey issued = issue(QStringLiteral("CI deploy"), QStringLiteral("60/min"));
    SecretString oldToken = std::move(issued.token);
    SecretString newToken;
    const qint64 start = clock().nowMs();
    const QStringList runners {QStringLiteral("ci-runner-01"), QStringLiteral("ci-runner-02"),
                               QStringLiteral("ci-runner-03")};
    const int perDay[] = {34, 52, 41, 67, 23, 58, 47, 39};
    for (int day = 0; day < 8; ++day) {
        clock().setNowMs(start + qint64(day) * kDayMs + 2 * kHourMs);
        if (day == 6)
            newToken = regenerate(issued.key.id, 3 * kDayMs);
        for (int i = 0; i < perDay[day]; ++i) {
            const QString &runner = runners.at(i % runners.size());
            // After the rotation only ci-runner-03 keeps sending the previous secret.
            const SecretString &token =
                day >= 6 && runner != QLatin1String("ci-runner-03") ? newToken : oldToken;
            verify(token, runner);
            clock().advanceMs(7 * kMinuteMs);
        }
        if (day % 2 == 1)
            verify(oldToken, QStringLiteral("staging-smoke"), Environment::Staging);
        if (day == 3 || day == 7)
            verify(day >= 6 ? newToken : oldToken, QStringLiteral("ci-runner-02"),
                   Environment::Production, {QStringLiteral("customers:write")});
        if (day == 5) {
            for (int i = 0; i < 70; ++i)
                verify(oldToken, QStringLiteral("load-test"));
        }
    }
    verify(oldToken, QStringLiteral("ci-runner-03"));
    clock().advanceMs(5 * kMinuteMs);
    QVERIFY(m_recorder->flush());

    KeyDetailsPane pane(clock());
    StoreUsageSource usage(store());
    pane.setStore(&store(), &usage);
    showInPane(pane, issued.key.id);
    QVERIFY(pane.text().contains(
        QStringLiteral("Previous secret last used 5 minutes ago from ci-runner-03")));
    pane.resize(1250, 770);
    capture(&pane, QStringLiteral("key-usage"));

    NewKeyRequest request = m_vault->request(QStringLiteral("Partner sync"));
    auto partner = store().createKey(request);
    QVERIFY(partner);
    QVERIFY(store().revokeKey(partner->key.id, partner->key.version));
    WhyRejectedDialog dialog(store(), clock());
    dialog.findChild<QLineEdit *>(QStringLiteral("tokenEdit"))->setText(partner->token.toQString());
    auto *grantList = dialog.findChild<QListWidget *>(QStringLiteral("grantsList"));
    for (int i = 0; i < grantList->count(); ++i) {
        if (grantList->item(i)->data(Qt::UserRole).toString() == QLatin1String("customers:read"))
            grantList->item(i)->setCheckState(Qt::Checked);
    }
    dialog.check();
    QCOMPARE(dialog.result()->outcome, VerifyOutcome::Revoked);
    capture(&dialog, QStringLiteral("why-rejected"));
    dialog.reject();
}

QTEST_MAIN(TestUsageUi)
#include "test_usage_ui.moc"
