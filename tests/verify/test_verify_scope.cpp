// Customer scope and per-key IP allowlists in the Verifier, on a real vault: the outcomes, their
// place in the order of checks, that refusals consume nothing, and that every reader of keys
// (store, prepared look-up, cache) carries the allowlist. Built twice (see CMakeLists.txt):
// SQLite and PostgreSQL.
#include "StoreFixture.h"
#include "crypto/SecretString.h"
#include "crypto/Sha256.h"
#include "store/SecretLookup.h"
#include "verify/Verifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Keyward;
using namespace Keyward::Testing;

namespace {

IpAllowlist allowlist(const char *text)
{
    auto parsed = IpAllowlist::parseText(QString::fromLatin1(text));
    if (!parsed)
        qFatal("bad allowlist: %s", qPrintable(parsed.errorMessage()));
    return *parsed;
}

struct Issued
{
    ApiKey key;
    SecretString token;
};

} // namespace

class TestVerifyScope : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_f;
    int m_counter = 0;

    Issued issue(const QString &customer, const IpAllowlist &ips = {},
                 const std::function<void(NewKeyRequest &)> &adjust = {})
    {
        NewKeyRequest request = m_f->request(QStringLiteral("Scoped %1").arg(++m_counter));
        request.customer = customer;
        request.allowedIps = ips;
        if (adjust)
            adjust(request);
        auto issued = m_f->store->createKey(request);
        if (!issued)
            qFatal("createKey failed: %s", qPrintable(issued.errorMessage()));
        return {issued->key, std::move(issued->token)};
    }

    static VerifyResult check(Verifier &verifier, const SecretString &token,
                              const QString &customer = {}, const QString &address = {},
                              const QStringList &grants = {})
    {
        VerifyRequest request;
        request.environment = Environment::Production;
        request.customer = customer;
        request.requiredGrants = grants;
        request.source = QStringLiteral("test");
        if (!address.isEmpty())
            request.clientAddress = QHostAddress(address);
        auto result = verifier.verify(token.data(), token.size(), request);
        if (!result)
            qFatal("verify failed: %s", qPrintable(result.errorMessage()));
        return *result;
    }

private Q_SLOTS:
    void init() { m_f = std::make_unique<StoreFixture>(); }
    void cleanup() { m_f.reset(); }

    void outcomesHaveFixedCodesAndStatus()
    {
        QCOMPARE(verifyOutcomeToInt(VerifyOutcome::WrongCustomer), 10);
        QCOMPARE(verifyOutcomeToInt(VerifyOutcome::IpNotAllowed), 11);
        QCOMPARE(verifyOutcomeCode(VerifyOutcome::WrongCustomer), QStringLiteral("WrongCustomer"));
        QCOMPARE(verifyOutcomeCode(VerifyOutcome::IpNotAllowed), QStringLiteral("IpNotAllowed"));
        QCOMPARE(verifyOutcomeFromCode(QStringLiteral("IpNotAllowed")),
                 std::optional<VerifyOutcome>(VerifyOutcome::IpNotAllowed));
        QCOMPARE(verifyHttpStatus(VerifyOutcome::WrongCustomer), 403);
        QCOMPARE(verifyHttpStatus(VerifyOutcome::IpNotAllowed), 403);
        QVERIFY(std::find(kAllVerifyOutcomes.begin(), kAllVerifyOutcomes.end(),
                          VerifyOutcome::WrongCustomer)
                != kAllVerifyOutcomes.end());
        QVERIFY(std::find(kAllVerifyOutcomes.begin(), kAllVerifyOutcomes.end(),
                          VerifyOutcome::IpNotAllowed)
                != kAllVerifyOutcomes.end());
    }

    void customerScope()
    {
        Verifier verifier(*m_f->store, m_f->clock);
        const Issued scoped = issue(QStringLiteral(" acme "));
        QCOMPARE(scoped.key.customer, QStringLiteral("acme")); // stored trimmed

        const VerifyResult other = check(verifier, scoped.token, QStringLiteral("globex"));
        QCOMPARE(other.outcome, VerifyOutcome::WrongCustomer);
        QCOMPARE(other.httpStatus(), 403);
        QVERIFY(other.reason.contains(QStringLiteral("globex")));
        QVERIFY(!other.callerMessage().contains(QStringLiteral("acme")));
        // Exact, after trimming: case counts.
        QCOMPARE(check(verifier, scoped.token, QStringLiteral("ACME")).outcome,
                 VerifyOutcome::WrongCustomer);
        QCOMPARE(check(verifier, scoped.token, QStringLiteral("  acme\t")).outcome,
                 VerifyOutcome::Valid);
        // No customer named: valid, and the key's customer is returned for the service to check.
        const VerifyResult unnamed = check(verifier, scoped.token);
        QCOMPARE(unnamed.outcome, VerifyOutcome::Valid);
        QCOMPARE(unnamed.customer, QStringLiteral("acme"));
        // An unscoped key serves any customer.
        const Issued open = issue(QString());
        QCOMPARE(check(verifier, open.token, QStringLiteral("globex")).outcome,
                 VerifyOutcome::Valid);
    }

    void ipAllowlist()
    {
        Verifier verifier(*m_f->store, m_f->clock);
        const Issued issued = issue(QString(), allowlist("10.0.0.0/8, 2001:db8::/32, 192.0.2.7"));
        QCOMPARE(issued.key.allowedIps.toStored(),
                 QStringLiteral("10.0.0.0/8 2001:db8::/32 192.0.2.7"));
        for (const char *allowed :
             {"10.1.2.3", "::ffff:10.200.0.1", "2001:db8:1::9", "192.0.2.7", "::ffff:192.0.2.7"}) {
            const VerifyResult result =
                check(verifier, issued.token, {}, QString::fromLatin1(allowed));
            QVERIFY2(result.outcome == VerifyOutcome::Valid, allowed);
        }
        for (const char *refused : {"11.0.0.1", "192.0.2.8", "2001:db9::1", "::1", "127.0.0.1"}) {
            const VerifyResult result =
                check(verifier, issued.token, {}, QString::fromLatin1(refused));
            QVERIFY2(result.outcome == VerifyOutcome::IpNotAllowed, refused);
            QCOMPARE(result.httpStatus(), 403);
        }
        const VerifyResult elsewhere =
            check(verifier, issued.token, {}, QStringLiteral("11.0.0.1"));
        QVERIFY(elsewhere.reason.contains(QStringLiteral("11.0.0.1")));
        QVERIFY(!elsewhere.callerMessage().contains(QStringLiteral("10.0.0.0")));
        // An address nobody passed: refused, and the reason says why.
        const VerifyResult unknown = check(verifier, issued.token);
        QCOMPARE(unknown.outcome, VerifyOutcome::IpNotAllowed);
        QVERIFY2(unknown.reason.contains(QStringLiteral("unknown")), qPrintable(unknown.reason));
        // A key without a list: any address, and no address at all.
        const Issued open = issue(QString());
        QCOMPARE(check(verifier, open.token).outcome, VerifyOutcome::Valid);
        QCOMPARE(check(verifier, open.token, {}, QStringLiteral("203.0.113.5")).outcome,
                 VerifyOutcome::Valid);
    }

    // A dead key says Revoked/Expired/Inactive first, whatever the address and customer; then
    // the address, then the customer, then the grants.
    void orderOfChecks()
    {
        Verifier verifier(*m_f->store, m_f->clock);
        const IpAllowlist ips = allowlist("10.0.0.0/8");
        const QStringList missing {QStringLiteral("customers:write")};
        const Issued revoked = issue(QStringLiteral("acme"), ips);
        QVERIFY(m_f->store->revokeKey(revoked.key.id, revoked.key.version));
        QCOMPARE(check(verifier, revoked.token, QStringLiteral("globex"),
                       QStringLiteral("11.0.0.1"), missing)
                     .outcome,
                 VerifyOutcome::Revoked);
        const Issued inactive = issue(QStringLiteral("acme"), ips);
        QVERIFY(m_f->store->setKeyActive(inactive.key.id, inactive.key.version, false));
        QCOMPARE(check(verifier, inactive.token, QStringLiteral("globex"), {}, missing).outcome,
                 VerifyOutcome::Inactive);
        const Issued expiring = issue(QStringLiteral("acme"), ips, [this](NewKeyRequest &r) {
            r.expiresAtMs = m_f->clock.nowMs() + kHourMs;
        });
        m_f->clock.advanceMs(2 * kHourMs);
        QCOMPARE(check(verifier, expiring.token, QStringLiteral("globex"), {}, missing).outcome,
                 VerifyOutcome::Expired);

        const Issued live = issue(QStringLiteral("acme"), ips);
        QCOMPARE(check(verifier, live.token, QStringLiteral("globex"), QStringLiteral("11.0.0.1"),
                       missing)
                     .outcome,
                 VerifyOutcome::IpNotAllowed);
        QCOMPARE(check(verifier, live.token, QStringLiteral("globex"), QStringLiteral("10.0.0.1"),
                       missing)
                     .outcome,
                 VerifyOutcome::WrongCustomer);
        QCOMPARE(
            check(verifier, live.token, QStringLiteral("acme"), QStringLiteral("10.0.0.1"), missing)
                .outcome,
            VerifyOutcome::InsufficientGrants);
        QCOMPARE(
            check(verifier, live.token, QStringLiteral("acme"), QStringLiteral("10.0.0.1")).outcome,
            VerifyOutcome::Valid);
    }

    // Refused for the address or the customer: no rate-limit token, no usage credit.
    void refusalsConsumeNoQuota()
    {
        Verifier verifier(*m_f->store, m_f->clock);
        const Issued issued =
            issue(QStringLiteral("acme"), allowlist("10.0.0.0/8"), [](NewKeyRequest &r) {
                r.rateLimit = RateLimit {1, RateLimit::Unit::Minute};
                r.usageLimit = 1;
            });
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(check(verifier, issued.token, {}, QStringLiteral("192.0.2.1")).outcome,
                     VerifyOutcome::IpNotAllowed);
            QCOMPARE(check(verifier, issued.token).outcome, VerifyOutcome::IpNotAllowed);
            QCOMPARE(
                check(verifier, issued.token, QStringLiteral("globex"), QStringLiteral("10.0.0.1"))
                    .outcome,
                VerifyOutcome::WrongCustomer);
        }
        const VerifyResult first = check(verifier, issued.token, {}, QStringLiteral("10.0.0.1"));
        QCOMPARE(first.outcome, VerifyOutcome::Valid);
        QCOMPARE(first.usageCount, qint64(1));
        QCOMPARE(check(verifier, issued.token, {}, QStringLiteral("10.0.0.1")).outcome,
                 VerifyOutcome::RateLimited);
    }

    // explain() (the GUI's "why rejected?") has no caller address: it checks only a given one.
    void explainWithoutAddressDoesNotRefuse()
    {
        Verifier verifier(*m_f->store, m_f->clock);
        const Issued issued = issue(QStringLiteral("acme"), allowlist("10.0.0.0/8"));
        auto explained = verifier.explain(issued.token);
        QVERIFY(explained);
        QCOMPARE(explained->outcome, VerifyOutcome::Valid);
    }

    // Every reader of keys carries the list: the store's list and key, its findSecret, the
    // prepared look-up, and a cached verifier.
    void everyReaderCarriesTheAllowlist()
    {
        const Issued issued = issue(QString(), allowlist("2001:db8::/32, 10.0.0.1"));
        const QString stored = QStringLiteral("2001:db8::/32 10.0.0.1");
        auto listed = m_f->store->listKeys();
        QVERIFY(listed);
        QCOMPARE(listed->constLast().allowedIps.toStored(), stored);
        QCOMPARE(m_f->store->key(issued.key.id)->allowedIps.toStored(), stored);
        auto found = m_f->store->findSecret(Sha256::hash(issued.token));
        QVERIFY(found && found->has_value());
        QCOMPARE((*found)->key.allowedIps.toStored(), stored);
        SecretLookup lookup(*m_f->store);
        auto looked = lookup.find(Sha256::hash(issued.token));
        QVERIFY(looked && looked->has_value());
        QCOMPARE((*looked)->key.allowedIps.toStored(), stored);

        Verifier cached(*m_f->store, m_f->clock);
        cached.enableCache();
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(check(cached, issued.token, {}, QStringLiteral("10.0.0.2")).outcome,
                     VerifyOutcome::IpNotAllowed);
            QCOMPARE(check(cached, issued.token, {}, QStringLiteral("10.0.0.1")).outcome,
                     VerifyOutcome::Valid);
        }
    }

    // Editing the list: changed, kept (nullopt), cleared; each change audited; the verifier
    // honours it.
    void editingTheAllowlistIsAuditedAndHonoured()
    {
        Verifier verifier(*m_f->store, m_f->clock);
        const Issued issued = issue(QString());
        auto key = m_f->store->key(issued.key.id);
        QVERIFY(key);
        KeyEdit edit {key->name, key->notes, key->rateLimit, key->expiresAtMs};
        edit.allowedIps = allowlist("192.0.2.0/24");
        auto edited = m_f->store->editKey(key->id, key->version, edit);
        QVERIFY2(edited, qPrintable(edited.errorMessage()));
        QCOMPARE(edited->allowedIps.toStored(), QStringLiteral("192.0.2.0/24"));
        QCOMPARE(check(verifier, issued.token, {}, QStringLiteral("198.51.100.1")).outcome,
                 VerifyOutcome::IpNotAllowed);

        auto events = m_f->store->auditEvents(key->id);
        QVERIFY(events);
        const QJsonObject details =
            QJsonDocument::fromJson(events->constFirst().details.toUtf8()).object();
        QCOMPARE(events->constFirst().action, QStringLiteral("key.edit"));
        QCOMPARE(details.value(QStringLiteral("allowed_ips")).toArray(),
                 (QJsonArray {QJsonArray {}, QJsonArray {QStringLiteral("192.0.2.0/24")}}));

        // A rename without a list keeps it.
        KeyEdit rename {QStringLiteral("renamed"), edited->notes, edited->rateLimit,
                        edited->expiresAtMs};
        auto renamed = m_f->store->editKey(key->id, edited->version, rename);
        QVERIFY2(renamed, qPrintable(renamed.errorMessage()));
        QCOMPARE(renamed->allowedIps.toStored(), QStringLiteral("192.0.2.0/24"));

        KeyEdit clear {renamed->name, renamed->notes, renamed->rateLimit, renamed->expiresAtMs};
        clear.allowedIps = IpAllowlist();
        auto cleared = m_f->store->editKey(key->id, renamed->version, clear);
        QVERIFY2(cleared, qPrintable(cleared.errorMessage()));
        QVERIFY(cleared->allowedIps.isEmpty());
        QCOMPARE(check(verifier, issued.token, {}, QStringLiteral("198.51.100.1")).outcome,
                 VerifyOutcome::Valid);
    }

    void creationIsAudited()
    {
        const Issued issued = issue(QStringLiteral("acme"), allowlist("10.0.0.0/8"));
        auto events = m_f->store->auditEvents(issued.key.id);
        QVERIFY(events);
        QCOMPARE(events->constLast().action, QStringLiteral("key.create"));
        const QJsonObject details =
            QJsonDocument::fromJson(events->constLast().details.toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("customer")).toString(), QStringLiteral("acme"));
        QCOMPARE(details.value(QStringLiteral("allowed_ips")).toArray(),
                 QJsonArray {QStringLiteral("10.0.0.0/8")});
    }
};

QTEST_GUILESS_MAIN(TestVerifyScope)
#include "test_verify_scope.moc"
