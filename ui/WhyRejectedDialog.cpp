#include "WhyRejectedDialog.h"

#include "FittingScrollArea.h"
#include "Formatting.h"
#include "Icons.h"
#include "OutcomeText.h"
#include "WrapAnywhereLabel.h"
#include "core/Clock.h"
#include "core/DisplayNames.h"
#include "crypto/SecretString.h"
#include "store/KeyStore.h"
#include "verify/Verifier.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Keyward {

namespace {

QLabel *wrappingLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    // Key names and grant ids are data, never markup.
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void setTextColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

QString timeWithRelative(qint64 atMs, qint64 nowMs)
{
    return WhyRejectedDialog::tr("%1 (%2)").arg(Formatting::absoluteTime(atMs),
                                                Formatting::relativeTime(atMs, nowMs));
}

const KeySecret *secretById(const ApiKey &key, qint64 secretId)
{
    for (const KeySecret &secret : key.secrets) {
        if (secret.id == secretId)
            return &secret;
    }
    return nullptr;
}

} // namespace

WhyRejectedDialog::WhyRejectedDialog(KeyStore &store, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("whyRejectedDialog"));
    setWindowTitle(tr("Why Is This Key Rejected?"));
    buildLayout();
    resetVerdict();
    updateCheckButton();
}

WhyRejectedDialog::~WhyRejectedDialog()
{
    wipeToken();
}

void WhyRejectedDialog::buildLayout()
{
    auto *outer = new QVBoxLayout(this);
    m_body = new FittingScrollArea(this);
    m_body->setObjectName(QStringLiteral("whyRejectedBody"));
    auto *body = new QWidget(m_body);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);

    QLabel *intro = wrappingLabel(tr("Paste a key that a service refused. Keyward shows the answer "
                                     "the service gets and explains why."),
                                  this);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_tokenEdit = new QLineEdit(this);
    m_tokenEdit->setObjectName(QStringLiteral("tokenEdit"));
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_tokenEdit->setPlaceholderText(tr("kw_live_…"));
    // No autocompletion, prediction or input-method history for a secret.
    m_tokenEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText
                                     | Qt::ImhSensitiveData | Qt::ImhNoAutoUppercase);
    m_tokenEdit->setAccessibleName(tr("API key to check"));
    m_tokenEdit->setMinimumWidth(m_tokenEdit->fontMetrics().horizontalAdvance(QLatin1Char('M'))
                                 * 36);
    m_showToken =
        m_tokenEdit->addAction(Icons::icon(QStringLiteral("show")), QLineEdit::TrailingPosition);
    m_showToken->setObjectName(QStringLiteral("showTokenAction"));
    m_showToken->setCheckable(true);
    m_showToken->setToolTip(tr("Show the key"));
    connect(m_showToken, &QAction::toggled, this, [this](bool shown) {
        m_tokenEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_showToken->setIcon(Icons::icon(shown ? QStringLiteral("hide") : QStringLiteral("show")));
        m_showToken->setToolTip(shown ? tr("Hide the key") : tr("Show the key"));
    });
    connect(m_tokenEdit, &QLineEdit::textChanged, this, [this] {
        resetVerdict();
        updateCheckButton();
    });
    form->addRow(tr("API &key:"), m_tokenEdit);

    m_environment = new QComboBox(this);
    m_environment->setObjectName(QStringLiteral("environmentCombo"));
    m_environment->addItem(tr("The key's own environment"), -1);
    for (const Environment env : kAllEnvironments)
        m_environment->addItem(DisplayNames::environment(env), environmentToInt(env));
    m_environment->setToolTip(tr("The environment the service runs in. A Staging key is refused "
                                 "by a Production service."));
    connect(m_environment, &QComboBox::currentIndexChanged, this, &WhyRejectedDialog::resetVerdict);
    form->addRow(tr("&Environment:"), m_environment);

    m_grants = new QListWidget(this);
    m_grants->setObjectName(QStringLiteral("grantsList"));
    m_grants->setAccessibleName(tr("Grants the service requires"));
    const GrantCatalogue &catalogue = m_store.grantCatalogue();
    for (const GrantInfo &grant : catalogue.grants()) {
        // As in Generate: the translated label people read, then the id services ask for.
        auto *item =
            new QListWidgetItem(tr("%1 (%2)").arg(catalogue.label(grant.id), grant.id), m_grants);
        item->setData(Qt::UserRole, grant.id);
        item->setToolTip(catalogue.description(grant.id));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    // Tall enough for a usual catalogue without scrolling; a long one scrolls.
    m_grants->ensurePolished();
    const int rows = qBound(1, int(m_grants->count()), 8);
    m_grants->setFixedHeight(m_grants->sizeHintForRow(0) * rows + 2 * m_grants->frameWidth() + 2);
    connect(m_grants, &QListWidget::itemChanged, this, &WhyRejectedDialog::resetVerdict);
    auto *grantsColumn = new QVBoxLayout;
    grantsColumn->setSpacing(2);
    grantsColumn->addWidget(m_grants);
    QLabel *grantsHint =
        wrappingLabel(tr("Tick what the service asks for; leave all unticked to check only that "
                         "the key works."),
                      this);
    setTextColor(grantsHint, palette().color(QPalette::PlaceholderText));
    grantsColumn->addWidget(grantsHint);
    auto *grantsLabel = new QLabel(tr("Required &grants:"), this);
    grantsLabel->setBuddy(m_grants);
    form->addRow(grantsLabel, grantsColumn);
    layout->addLayout(form);

    m_placeholder = wrappingLabel(tr("Paste a key and press Check."), this);
    m_placeholder->setObjectName(QStringLiteral("verdictPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setMinimumHeight(fontMetrics().height() * 5);
    setTextColor(m_placeholder, palette().color(QPalette::PlaceholderText));
    layout->addWidget(m_placeholder);

    m_verdictBox = new QFrame(this);
    m_verdictBox->setObjectName(QStringLiteral("verdictBox"));
    m_verdictBox->setFrameShape(QFrame::StyledPanel);
    auto *verdictLayout = new QVBoxLayout(m_verdictBox);
    verdictLayout->setContentsMargins(10, 8, 10, 8);
    verdictLayout->setSpacing(4);
    m_verdict = wrappingLabel(QString(), m_verdictBox);
    m_verdict->setObjectName(QStringLiteral("verdictLabel"));
    QFont verdictFont = m_verdict->font();
    verdictFont.setBold(true);
    verdictFont.setPointSizeF(verdictFont.pointSizeF() * 1.2);
    m_verdict->setFont(verdictFont);
    m_reason = wrappingLabel(QString(), m_verdictBox);
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    // Holds the key's name: up to 200 characters, maybe without a space.
    m_key = new WrapAnywhereLabel(QString(), m_verdictBox);
    m_key->setObjectName(QStringLiteral("matchedKeyLabel"));
    m_advice = wrappingLabel(QString(), m_verdictBox);
    m_advice->setObjectName(QStringLiteral("adviceLabel"));
    setTextColor(m_advice, palette().color(QPalette::PlaceholderText));
    verdictLayout->addWidget(m_verdict);
    verdictLayout->addWidget(m_reason);
    verdictLayout->addWidget(m_key);
    verdictLayout->addWidget(m_advice);
    layout->addWidget(m_verdictBox);

    QLabel *privacy = wrappingLabel(tr("Checking records nothing: no usage, no last use, no rate "
                                       "limit. The key is not stored and is cleared when this "
                                       "window closes."),
                                    this);
    setTextColor(privacy, palette().color(QPalette::PlaceholderText));
    layout->addWidget(privacy);
    layout->addStretch(1);
    m_body->setWidget(body);
    outer->addWidget(m_body, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("buttonBox"));
    // ActionRole: checking must not close the dialog, people try several keys in a row.
    m_checkButton = buttons->addButton(tr("&Check"), QDialogButtonBox::ActionRole);
    m_checkButton->setObjectName(QStringLiteral("checkButton"));
    m_checkButton->setDefault(true);
    m_checkButton->setAutoDefault(true);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(m_checkButton, &QPushButton::clicked, this, &WhyRejectedDialog::check);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    outer->addWidget(buttons);
}

void WhyRejectedDialog::updateCheckButton()
{
    const bool hasToken = !m_tokenEdit->text().trimmed().isEmpty();
    m_checkButton->setEnabled(hasToken);
    m_checkButton->setToolTip(hasToken ? QString() : tr("Paste a key first"));
}

void WhyRejectedDialog::resetVerdict()
{
    m_result.reset();
    m_verdictBox->hide();
    m_placeholder->show();
}

void WhyRejectedDialog::growToFitVerdict()
{
    m_body->fitWindowToContent(false);
}

std::optional<Environment> WhyRejectedDialog::chosenEnvironment() const
{
    const int code = m_environment->currentData().toInt();
    return code < 0 ? std::nullopt : environmentFromInt(code);
}

QStringList WhyRejectedDialog::requiredGrants() const
{
    QStringList grants;
    for (int i = 0; i < m_grants->count(); ++i) {
        if (m_grants->item(i)->checkState() == Qt::Checked)
            grants.append(m_grants->item(i)->data(Qt::UserRole).toString());
    }
    return grants;
}

void WhyRejectedDialog::check()
{
    if (!m_checkButton->isEnabled())
        return;
    // The bytes live in wiped memory for the check; the field's own copy is beyond our reach
    // (Qt cannot scrub it), which is why the field is cleared when the dialog closes.
    SecretString token = SecretString::fromQString(m_tokenEdit->text());
    // A fresh verifier without a recorder: explain() records nothing and takes no rate-limit
    // token or credit either way, and nothing from this check lingers in a cache afterwards.
    Verifier verifier(m_store, m_clock);
    auto result = verifier.explain(token, chosenEnvironment(), requiredGrants());
    token.clear();
    if (!result) {
        showError(result.errorMessage());
        return;
    }
    showVerdict(*result);
}

void WhyRejectedDialog::showError(const QString &message)
{
    m_result.reset();
    m_verdict->setText(tr("Could not check the key"));
    setTextColor(m_verdict, OutcomeText::groupColor(OutcomeText::Group::Unauthorized));
    m_reason->setText(message);
    m_key->clear();
    m_key->hide();
    m_advice->setText(tr("The vault could not be read. Try again once it is reachable."));
    m_placeholder->hide();
    m_verdictBox->show();
    growToFitVerdict();
}

void WhyRejectedDialog::showVerdict(const VerifyResult &result)
{
    m_result = result;
    std::optional<ApiKey> key;
    if (result.hasKey()) {
        auto loaded = m_store.key(result.keyId);
        if (loaded)
            key = *loaded;
    }
    const ApiKey *keyPtr = key ? &*key : nullptr;

    m_verdict->setText(
        tr("%1 — HTTP %2").arg(OutcomeText::name(result.outcome)).arg(result.httpStatus()));
    setTextColor(m_verdict, OutcomeText::color(result.outcome));
    m_reason->setText(reason(result, keyPtr));

    QString keyLine;
    if (keyPtr) {
        keyLine = tr("Key: %1 (ID %2), %3")
                      .arg(keyPtr->name)
                      .arg(keyPtr->id)
                      .arg(DisplayNames::environment(keyPtr->environment));
        if (const KeySecret *secret = secretById(*keyPtr, result.secretId)) {
            const bool current = keyPtr->secrets.constFirst().id == secret->id;
            keyLine += QLatin1Char('\n')
                + (current ? tr("Secret: %1, the current one").arg(secret->hint)
                           : tr("Secret: %1, the previous one").arg(secret->hint));
        }
    } else if (result.hasKey()) {
        keyLine = tr("Key: %1 (ID %2)").arg(result.keyName).arg(result.keyId);
    }
    m_key->setText(keyLine);
    m_key->setVisible(!keyLine.isEmpty());
    const QString hint = advice(result, keyPtr);
    m_advice->setText(hint);
    m_advice->setVisible(!hint.isEmpty());
    m_placeholder->hide();
    m_verdictBox->show();
    growToFitVerdict();
}

std::optional<AuditEvent> WhyRejectedDialog::lastEvent(qint64 keyId, const QString &action) const
{
    // Newest first; a key's history is short, and the row we want is nearly always recent.
    auto events = m_store.auditEvents(keyId, 200);
    if (!events)
        return std::nullopt;
    for (const AuditEvent &event : std::as_const(*events)) {
        if (event.action == action)
            return event;
    }
    return std::nullopt;
}

QString WhyRejectedDialog::reason(const VerifyResult &result, const ApiKey *key) const
{
    const qint64 now = m_clock.nowMs();
    switch (result.outcome) {
    case VerifyOutcome::Revoked: {
        if (!key)
            break;
        if (key->state != KeyState::Revoked) {
            // The key lives on: the presented secret is one a regeneration retired.
            const KeySecret *secret = secretById(*key, result.secretId);
            const std::optional<AuditEvent> regenerated =
                lastEvent(key->id, QStringLiteral("key.regenerate"));
            if (secret && secret->retiresAtMs && regenerated)
                return tr("This is an old secret: %1 regenerated the key, and this secret "
                          "stopped working on %2.")
                    .arg(regenerated->actor, timeWithRelative(*secret->retiresAtMs, now));
            if (regenerated)
                return tr("This is an old secret: %1 regenerated the key on %2.")
                    .arg(regenerated->actor, timeWithRelative(regenerated->atMs, now));
            break;
        }
        const std::optional<AuditEvent> revoked = lastEvent(key->id, QStringLiteral("key.revoke"));
        const qint64 at = key->revokedAtMs ? *key->revokedAtMs : (revoked ? revoked->atMs : 0);
        if (at == 0)
            break;
        return revoked ? tr("Revoked on %1 by %2.").arg(timeWithRelative(at, now), revoked->actor)
                       : tr("Revoked on %1.").arg(timeWithRelative(at, now));
    }
    case VerifyOutcome::Inactive: {
        if (!key)
            break;
        const std::optional<AuditEvent> deactivated =
            lastEvent(key->id, QStringLiteral("key.deactivate"));
        if (!deactivated)
            break;
        const QString when = tr("Deactivated on %1 by %2.")
                                 .arg(timeWithRelative(deactivated->atMs, now), deactivated->actor);
        return key->flagged ? when + QLatin1Char(' ') + result.reason : when;
    }
    case VerifyOutcome::Expired:
        if (key && key->expiresAtMs)
            return tr("Expired on %1.").arg(timeWithRelative(*key->expiresAtMs, now));
        break;
    case VerifyOutcome::WrongEnvironment:
        if (const std::optional<Environment> chosen = chosenEnvironment())
            return tr("Wrong environment: this is a %1 key, but the service runs in %2.")
                .arg(DisplayNames::environment(result.environment),
                     DisplayNames::environment(*chosen));
        break;
    case VerifyOutcome::InsufficientGrants: {
        QStringList missing;
        for (const QString &grant : result.missingGrants) {
            const QString label = m_store.grantCatalogue().label(grant);
            missing.append(label == grant ? grant : tr("%1 (%2)").arg(grant, label));
        }
        const QString list = missing.join(tr(", "));
        return tr("Missing grant(s) %1.", nullptr, int(missing.size())).arg(list);
    }
    default:
        break;
    }
    return result.reason;
}

QString WhyRejectedDialog::advice(const VerifyResult &result, const ApiKey *key) const
{
    switch (result.outcome) {
    case VerifyOutcome::Valid:
        return tr("A service asking for this environment and these grants accepts the key.");
    case VerifyOutcome::Malformed:
        return tr("Copy the whole key again from where the service keeps it, without spaces or "
                  "line breaks. Keyward cannot show a key again; if it is lost, regenerate it.");
    case VerifyOutcome::NotFound:
        return tr("Keys of this vault start with %1_. The key may have been deleted, or it "
                  "belongs to another vault.")
            .arg(m_store.prefix());
    case VerifyOutcome::WrongEnvironment:
        return tr("Give the service a key made for its environment.");
    case VerifyOutcome::Inactive:
        return tr("An Admin or Owner can activate the key again.");
    case VerifyOutcome::Revoked:
        if (key && key->state != KeyState::Revoked)
            return tr("Give the service the key's current secret.");
        return tr("A revoked key never works again. Generate a new key for this integration.");
    case VerifyOutcome::Expired:
        return tr("An expired key cannot be extended. Generate a new key for this integration.");
    case VerifyOutcome::IpNotAllowed:
        return tr("Call from an address on the key's allowlist, or add the service's address to "
                  "the allowlist (Edit Key).");
    case VerifyOutcome::WrongCustomer:
        return tr("A key's customer cannot change after it is made. Generate a key for this "
                  "customer.");
    case VerifyOutcome::InsufficientGrants:
        return tr("A key's grants cannot change after it is made. Generate a new key with the "
                  "grants the service needs.");
    case VerifyOutcome::RateLimited:
        return tr("The service should wait for the Retry-After time, or an Admin can raise the "
                  "key's rate limit.");
    case VerifyOutcome::UsageExceeded:
        return {};
    }
    return {};
}

QString WhyRejectedDialog::verdictText() const
{
    return m_verdictBox->isHidden() ? QString() : m_verdict->text();
}

QString WhyRejectedDialog::reasonText() const
{
    return m_reason->text();
}

QString WhyRejectedDialog::keyText() const
{
    return m_key->text();
}

QString WhyRejectedDialog::adviceText() const
{
    return m_advice->text();
}

void WhyRejectedDialog::done(int result)
{
    wipeToken();
    QDialog::done(result);
}

void WhyRejectedDialog::wipeToken()
{
    if (!m_tokenEdit)
        return;
    // setText() (unlike clear()) also drops the undo history, which would keep the token.
    m_tokenEdit->setText(QString());
    m_showToken->setChecked(false);
    resetVerdict();
}

} // namespace Keyward
