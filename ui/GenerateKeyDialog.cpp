#include "GenerateKeyDialog.h"

#include "DialogButtons.h"
#include "RateLimitField.h"

#include "FittingScrollArea.h"
#include "Formatting.h"
#include "NoticeRow.h"
#include "core/Clock.h"
#include "core/DisplayNames.h"
#include "core/Permissions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QTextDocument>
#include <QVBoxLayout>

#include <limits>

namespace Keyward {

namespace {

const char kGrantIdProperty[] = "grantId";

QDate todayLocal(const Clock &clock)
{
    return QDateTime::fromMSecsSinceEpoch(clock.nowMs()).toLocalTime().date();
}

QString grantObjectName(const QString &grantId)
{
    QString name = grantId;
    name.replace(QLatin1Char(':'), QLatin1Char('_'));
    return QStringLiteral("grantCheck_") + name;
}

} // namespace

GenerateKeyDialog::GenerateKeyDialog(const GrantCatalogue &catalogue, const Member &member,
                                     const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_catalogue(catalogue)
    , m_member(member)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("generateKeyDialog"));
    setWindowTitle(tr("Generate API Key"));
    buildLayout();
    populateRoles();
    resetGrantsForRole();
    updateExpiryWidgets();
    updateUsageWidgets();
    validate();
    m_nameEdit->setFocus();
}

void GenerateKeyDialog::buildLayout()
{
    QLabel *basedOnText = nullptr;
    QWidget *basedOnRow =
        noticeRow(this, QStringLiteral("basedOnRow"), QStringLiteral("dialog-information"),
                  QStyle::SP_MessageBoxInformation, &basedOnText);
    m_basedOnLabel = basedOnText;
    m_basedOnLabel->setObjectName(QStringLiteral("basedOnLabel"));
    basedOnRow->setVisible(false);

    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setAccessibleName(tr("Name"));
    m_nameEdit->setPlaceholderText(tr("What uses this key, e.g. “CI deploy”"));
    m_nameEdit->setClearButtonEnabled(true);
    m_nameEdit->setMaxLength(Permissions::kMaxNameLength);

    m_environmentCombo = new QComboBox(this);
    m_environmentCombo->setObjectName(QStringLiteral("environmentCombo"));
    m_environmentCombo->setAccessibleName(tr("Environment"));
    for (Environment env : kAllEnvironments)
        m_environmentCombo->addItem(DisplayNames::environment(env), environmentToInt(env));
    m_environmentCombo->setCurrentIndex(
        m_environmentCombo->findData(environmentToInt(Environment::Development)));

    m_roleCombo = new QComboBox(this);
    m_roleCombo->setObjectName(QStringLiteral("roleCombo"));
    m_roleCombo->setAccessibleName(tr("Role"));
    m_roleDescriptionLabel = new QLabel(this);
    m_roleDescriptionLabel->setObjectName(QStringLiteral("roleDescriptionLabel"));
    m_roleDescriptionLabel->setTextFormat(Qt::PlainText);
    m_roleDescriptionLabel->setWordWrap(true); // lists the role's grants: long in German
    m_roleDescriptionLabel->setForegroundRole(QPalette::PlaceholderText);

    QWidget *grantsBox = buildGrantsBox();

    m_expiryCombo = new QComboBox(this);
    m_expiryCombo->setObjectName(QStringLiteral("expiryCombo"));
    m_expiryCombo->setAccessibleName(tr("Expires"));
    using Choice = ExpiryPolicy::Choice;
    for (Choice choice : {Choice::Days7, Choice::Days30, Choice::Days60, Choice::Days90,
                          Choice::Days180, Choice::Days365, Choice::CustomDate, Choice::Never})
        m_expiryCombo->addItem(Formatting::expiryChoice(choice), static_cast<int>(choice));
    m_expiryCombo->setCurrentIndex(
        m_expiryCombo->findData(static_cast<int>(ExpiryPolicy::kDefault)));
    m_expiryDateEdit = new QDateEdit(this);
    m_expiryDateEdit->setObjectName(QStringLiteral("expiryDateEdit"));
    m_expiryDateEdit->setAccessibleName(tr("Expiry date"));
    m_expiryDateEdit->setCalendarPopup(true);
    // The day is the user's own (local) day, like every time the window shows.
    m_expiryDateEdit->setTimeSpec(Qt::LocalTime);
    const QDate today = todayLocal(m_clock);
    // Past days stay selectable on purpose: a typed past date must not be silently replaced by
    // the earliest allowed one; validate() says it is in the past and disables Generate.
    m_expiryDateEdit->setDateRange(today.addYears(-10), today.addYears(10));
    m_expiryDateEdit->setDate(today.addDays(ExpiryPolicy::choiceDays(ExpiryPolicy::kDefault)));
    m_expirySummaryLabel = new QLabel(this);
    m_expirySummaryLabel->setObjectName(QStringLiteral("expirySummaryLabel"));
    m_expirySummaryLabel->setTextFormat(Qt::PlainText);
    m_expirySummaryLabel->setForegroundRole(QPalette::PlaceholderText);
    QLabel *neverText = nullptr;
    m_neverWarning =
        noticeRow(this, QStringLiteral("neverWarning"), QStringLiteral("dialog-warning"),
                  QStyle::SP_MessageBoxWarning, &neverText);
    neverText->setObjectName(QStringLiteral("neverWarningLabel"));
    neverText->setText(tr("Keys that never expire are discouraged: a leaked key keeps working "
                          "until someone notices and revokes it."));
    auto *expiryRow = new QHBoxLayout;
    expiryRow->addWidget(m_expiryCombo);
    expiryRow->addWidget(m_expiryDateEdit);
    expiryRow->addWidget(m_expirySummaryLabel, 1);
    auto *expiryColumn = new QVBoxLayout;
    expiryColumn->setSpacing(2);
    expiryColumn->addLayout(expiryRow);
    expiryColumn->addWidget(m_neverWarning);

    m_rateField = new RateLimitField(this);

    m_usageLimitCheck = new QCheckBox(tr("Stop after"), this);
    m_usageLimitCheck->setObjectName(QStringLiteral("usageLimitCheck"));
    m_usageLimitCheck->setAccessibleName(tr("Limit total requests"));
    m_usageLimitSpin = new QSpinBox(this);
    m_usageLimitSpin->setObjectName(QStringLiteral("usageLimitSpin"));
    m_usageLimitSpin->setAccessibleName(tr("Total requests allowed"));
    m_usageLimitSpin->setRange(1, std::numeric_limits<int>::max());
    m_usageLimitSpin->setValue(10000);
    m_usageLimitSpin->setGroupSeparatorShown(true);
    m_usageLimitSpin->setSuffix(tr(" requests"));
    auto *usageRow = new QHBoxLayout;
    usageRow->addWidget(m_usageLimitCheck);
    usageRow->addWidget(m_usageLimitSpin);
    usageRow->addStretch(1);

    m_customerEdit = new QLineEdit(this);
    m_customerEdit->setObjectName(QStringLiteral("customerEdit"));
    m_customerEdit->setAccessibleName(tr("Customer"));
    m_customerEdit->setPlaceholderText(tr("Optional: the customer this key is limited to"));

    m_allowedIpsEdit = new QLineEdit(this);
    m_allowedIpsEdit->setObjectName(QStringLiteral("allowedIpsEdit"));
    m_allowedIpsEdit->setAccessibleName(tr("Allowed IP addresses"));
    m_allowedIpsEdit->setPlaceholderText(tr("Optional, e.g. 10.0.0.0/8, 2001:db8::/32; empty: any "
                                            "address"));
    m_allowedIpsEdit->setToolTip(tr("IPv4 and IPv6 addresses and CIDR ranges the key may be used "
                                    "from, separated by commas. Requests from elsewhere are "
                                    "refused (403)."));

    m_notesEdit = new QPlainTextEdit(this);
    m_notesEdit->setObjectName(QStringLiteral("notesEdit"));
    m_notesEdit->setAccessibleName(tr("Notes"));
    m_notesEdit->setPlaceholderText(tr("Optional: where the key is stored, who to ask"));
    m_notesEdit->setTabChangesFocus(true);
    m_notesEdit->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_notesEdit->setFixedHeight(m_notesEdit->fontMetrics().lineSpacing() * 3
                                + 2 * m_notesEdit->frameWidth()
                                + 2 * int(m_notesEdit->document()->documentMargin()) + 4);

    m_validationRow =
        noticeRow(this, QStringLiteral("validationRow"), QStringLiteral("dialog-error"),
                  QStyle::SP_MessageBoxCritical, &m_validationLabel);
    m_validationLabel->setObjectName(QStringLiteral("validationLabel"));
    // Keep the dialog from jumping as the reason comes and goes.
    QSizePolicy keepSpace = m_validationRow->sizePolicy();
    keepSpace.setRetainSizeWhenHidden(true);
    m_validationRow->setSizePolicy(keepSpace);

    const DialogButtons buttons =
        DialogButtons::acceptCancel(this, tr("&Generate Key"), QStringLiteral("generateButton"));
    m_buttons = buttons.box;
    m_generateButton = buttons.accept;

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto addRow = [&](const QString &text, QWidget *buddy, auto field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        form->addRow(label, field);
    };
    addRow(tr("&Name:"), m_nameEdit, m_nameEdit);
    addRow(tr("&Environment:"), m_environmentCombo, m_environmentCombo);
    addRow(tr("&Role:"), m_roleCombo, m_roleCombo);
    // A field of its own, not a layout below the combo: the form gives a field widget the
    // height its wrapped lines need at the field's width (a nested layout's label was cut to
    // half its lines under a window manager: test_real_desktop).
    form->addRow(QString(), m_roleDescriptionLabel);
    form->addRow(tr("Grants:"), grantsBox);
    addRow(tr("E&xpires:"), m_expiryCombo, expiryColumn);
    addRow(tr("Rate &limit:"), m_rateField->limitCheck(), m_rateField);
    form->addRow(tr("Usage limit:"), usageRow);
    addRow(tr("Cus&tomer:"), m_customerEdit, m_customerEdit);
    addRow(tr("Allowed &IPs:"), m_allowedIpsEdit, m_allowedIpsEdit);
    addRow(tr("N&otes:"), m_notesEdit, m_notesEdit);

    // Everything but the buttons scrolls when the screen is too small for it (800×600).
    auto *body = new FittingScrollArea(this);
    body->setObjectName(QStringLiteral("generateBody"));
    auto *content = new QWidget(body);
    auto *bodyLayout = new QVBoxLayout(content);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(basedOnRow);
    bodyLayout->addLayout(form);
    bodyLayout->addWidget(m_validationRow);
    bodyLayout->addStretch(1);
    body->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(body, 1);
    layout->addWidget(m_buttons);
    // Wide enough that the one-line explanations never wrap into clipped second lines.
    setMinimumWidth(qMax(560, fontMetrics().averageCharWidth() * 80));

    connect(m_nameEdit, &QLineEdit::textChanged, this, &GenerateKeyDialog::validate);
    connect(m_roleCombo, &QComboBox::currentIndexChanged, this, [this]() {
        resetGrantsForRole();
        validate();
    });
    connect(m_expiryCombo, &QComboBox::currentIndexChanged, this, [this]() {
        updateExpiryWidgets();
        validate();
    });
    connect(m_expiryDateEdit, &QDateEdit::dateChanged, this, [this]() {
        updateExpiryWidgets();
        validate();
    });
    connect(m_usageLimitCheck, &QCheckBox::toggled, this, [this]() { updateUsageWidgets(); });
    connect(m_customerEdit, &QLineEdit::textChanged, this, &GenerateKeyDialog::validate);
    connect(m_allowedIpsEdit, &QLineEdit::textChanged, this, &GenerateKeyDialog::validate);
    connect(m_notesEdit, &QPlainTextEdit::textChanged, this, &GenerateKeyDialog::validate);

    // Top to bottom, as read; the grant boxes sit between role and expiry.
    QList<QWidget *> order {m_nameEdit, m_environmentCombo, m_roleCombo};
    for (QCheckBox *check : std::as_const(m_grantChecks))
        order.append(check);
    order << m_expiryCombo << m_expiryDateEdit << m_rateField->limitCheck()
          << m_rateField->countSpin() << m_rateField->unitCombo() << m_usageLimitCheck
          << m_usageLimitSpin << m_customerEdit << m_allowedIpsEdit << m_notesEdit
          << m_generateButton << buttons.cancel;
    for (int i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

QWidget *GenerateKeyDialog::buildGrantsBox()
{
    auto *box = new QGroupBox(this);
    box->setObjectName(QStringLiteral("grantsBox"));
    box->setAccessibleName(tr("Grants"));
    auto *grid = new QGridLayout(box);
    grid->setVerticalSpacing(2);
    int row = 0;
    auto *hint =
        new QLabel(tr("The role's grants; untick what this integration does not need."), box);
    hint->setObjectName(QStringLiteral("grantsHintLabel"));
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setWordWrap(true); // longer in German than in English
    grid->addWidget(hint, row++, 0, 1, 2);
    QFont idFont = font();
    idFont.setPointSizeF(idFont.pointSizeF() * 0.9);
    for (const GrantInfo &grant : m_catalogue.grants()) {
        auto *check = new QCheckBox(m_catalogue.label(grant.id), box);
        check->setObjectName(grantObjectName(grant.id));
        check->setProperty(kGrantIdProperty, grant.id);
        check->setAccessibleName(m_catalogue.label(grant.id));
        check->setAccessibleDescription(
            tr("%1: %2").arg(grant.id, m_catalogue.description(grant.id)));
        auto *idLabel = new QLabel(grant.id, box);
        idLabel->setObjectName(grantObjectName(grant.id) + QStringLiteral("_id"));
        idLabel->setTextFormat(Qt::PlainText);
        idLabel->setFont(idFont);
        idLabel->setForegroundRole(QPalette::PlaceholderText);
        idLabel->setBuddy(check);
        grid->addWidget(check, row, 0);
        grid->addWidget(idLabel, row, 1);
        ++row;
        m_grantChecks.append(check);
        connect(check, &QCheckBox::toggled, this, &GenerateKeyDialog::validate);
    }
    grid->setColumnStretch(1, 1);
    return box;
}

void GenerateKeyDialog::populateRoles()
{
    const QSignalBlocker blocker(m_roleCombo);
    m_roleCombo->clear();
    // Highest first, and never above the member: the core refuses it anyway, the picker does
    // not tempt.
    for (Role role : kAllRoles) {
        if (!roleAtLeast(m_member.role, role))
            continue;
        m_roleCombo->addItem(DisplayNames::role(role), roleToInt(role));
        const int index = m_roleCombo->count() - 1;
        const QString description = Formatting::keyRoleDescription(role, m_catalogue);
        m_roleCombo->setItemData(index, description, Qt::ToolTipRole);
        m_roleCombo->setItemData(index, description, Qt::AccessibleDescriptionRole);
    }
    const Role preferred =
        roleAtLeast(m_member.role, Role::Developer) ? Role::Developer : m_member.role;
    m_roleCombo->setCurrentIndex(qMax(0, m_roleCombo->findData(roleToInt(preferred))));
}

void GenerateKeyDialog::resetGrantsForRole()
{
    const Role role = selectedRole();
    m_roleDescriptionLabel->setText(Formatting::keyRoleDescription(role, m_catalogue));
    const QStringList roleGrants = m_catalogue.roleGrants(role);
    for (QCheckBox *check : std::as_const(m_grantChecks)) {
        const QString id = check->property(kGrantIdProperty).toString();
        const bool inRole = roleGrants.contains(id);
        const QSignalBlocker blocker(check);
        check->setChecked(inRole);
        check->setEnabled(inRole);
        const QString description = m_catalogue.description(id);
        check->setToolTip(
            inRole ? description
                   : tr("%1\nNot part of the %2 role.").arg(description, DisplayNames::role(role)));
    }
}

void GenerateKeyDialog::updateExpiryWidgets()
{
    const ExpiryPolicy::Choice choice = selectedExpiryChoice();
    m_expiryDateEdit->setVisible(choice == ExpiryPolicy::Choice::CustomDate);
    m_neverWarning->setVisible(choice == ExpiryPolicy::Choice::Never);
    const std::optional<qint64> at = expiresAtMs();
    m_expirySummaryLabel->setText(at ? tr("until %1").arg(Formatting::absoluteTime(*at))
                                     : QString());
}

void GenerateKeyDialog::updateUsageWidgets()
{
    m_usageLimitSpin->setEnabled(m_usageLimitCheck->isChecked());
}

void GenerateKeyDialog::prefillFrom(const ApiKey &key)
{
    setWindowTitle(tr("Duplicate API Key"));
    const QString shown = m_basedOnLabel->fontMetrics().elidedText(key.name, Qt::ElideMiddle, 300);
    m_basedOnLabel->setText(tr("Based on “%1”. A key's role and grants cannot change, so this "
                               "makes a new key with its own secret; “%1” keeps working until "
                               "you revoke it.")
                                .arg(shown));
    m_basedOnLabel->parentWidget()->setVisible(true);

    // The field takes at most kMaxNameLength: shorten the original, never the "(copy)".
    const QString copy = tr("%1 (copy)");
    const int room = Permissions::kMaxNameLength - int(copy.size()) + 2; // minus "%1"
    m_nameEdit->setText(copy.arg(key.name.left(qMax(1, room))));
    m_environmentCombo->setCurrentIndex(
        m_environmentCombo->findData(environmentToInt(key.environment)));
    // A key above the member's role can only be duplicated at the member's own level.
    const Role role = roleAtLeast(m_member.role, key.role) ? key.role : m_member.role;
    m_roleCombo->setCurrentIndex(qMax(0, m_roleCombo->findData(roleToInt(role))));
    resetGrantsForRole();
    bool anyKept = false;
    for (QCheckBox *check : std::as_const(m_grantChecks))
        anyKept |=
            check->isEnabled() && key.grants.contains(check->property(kGrantIdProperty).toString());
    if (anyKept) {
        for (QCheckBox *check : std::as_const(m_grantChecks)) {
            if (check->isEnabled())
                check->setChecked(
                    key.grants.contains(check->property(kGrantIdProperty).toString()));
        }
    }
    m_rateField->setRateLimit(key.rateLimit);
    m_usageLimitCheck->setChecked(key.usageLimit.has_value());
    if (key.usageLimit)
        m_usageLimitSpin->setValue(
            int(qBound(qint64(1), *key.usageLimit, qint64(std::numeric_limits<int>::max()))));
    m_customerEdit->setText(key.customer);
    m_allowedIpsEdit->setText(key.allowedIps.toDisplay());
    m_notesEdit->setPlainText(key.notes);
    m_nameEdit->selectAll();
    validate();
}

Role GenerateKeyDialog::selectedRole() const
{
    return roleFromInt(m_roleCombo->currentData().toInt()).value_or(Role::Viewer);
}

QStringList GenerateKeyDialog::selectedGrants() const
{
    QStringList grants;
    for (const QCheckBox *check : m_grantChecks) {
        if (check->isEnabled() && check->isChecked())
            grants.append(check->property(kGrantIdProperty).toString());
    }
    grants.sort();
    return grants;
}

ExpiryPolicy::Choice GenerateKeyDialog::selectedExpiryChoice() const
{
    return static_cast<ExpiryPolicy::Choice>(m_expiryCombo->currentData().toInt());
}

std::optional<qint64> GenerateKeyDialog::expiresAtMs() const
{
    return ExpiryPolicy::fromChoice(selectedExpiryChoice(), m_expiryDateEdit->date())
        .expiresAtMs(m_clock.nowMs(), Qt::LocalTime);
}

RateLimit GenerateKeyDialog::rateLimit() const
{
    return m_rateField->rateLimit();
}

NewKeyRequest GenerateKeyDialog::request() const
{
    NewKeyRequest request;
    request.name = m_nameEdit->text().trimmed();
    request.notes = m_notesEdit->toPlainText();
    request.environment = environmentFromInt(m_environmentCombo->currentData().toInt())
                              .value_or(Environment::Development);
    request.role = selectedRole();
    request.grants = selectedGrants();
    request.expiresAtMs = expiresAtMs();
    request.rateLimit = rateLimit();
    if (m_usageLimitCheck->isChecked())
        request.usageLimit = m_usageLimitSpin->value();
    request.customer = m_customerEdit->text().trimmed();
    // Text that does not parse leaves the list empty here; validationMessage() says why and
    // keeps the dialog from accepting it.
    if (auto allowed = IpAllowlist::parseText(m_allowedIpsEdit->text()))
        request.allowedIps = *allowed;
    return request;
}

QString GenerateKeyDialog::validationMessage() const
{
    const NewKeyRequest r = request();
    for (const Result<void> &check :
         {Permissions::validateKeyName(r.name),
          Permissions::mayCreateKey(m_member, r.role, r.grants, m_catalogue),
          Permissions::validateCustomer(r.customer), Permissions::validateNotes(r.notes),
          Permissions::validateNewExpiry(r.expiresAtMs, m_clock.nowMs()),
          Permissions::validateUsageLimit(r.usageLimit)}) {
        if (!check)
            return check.errorMessage();
    }
    if (auto allowed = IpAllowlist::parseText(m_allowedIpsEdit->text()); !allowed)
        return allowed.errorMessage();
    return {};
}

bool GenerateKeyDialog::validate()
{
    const QString problem = validationMessage();
    m_validationLabel->setText(problem);
    m_validationRow->setVisible(!problem.isEmpty());
    m_generateButton->setEnabled(problem.isEmpty());
    m_generateButton->setToolTip(problem);
    return problem.isEmpty();
}

void GenerateKeyDialog::accept()
{
    // The button is disabled while invalid, but Enter in a field and tests can still get here.
    if (!validate())
        return;
    if (m_submit) {
        if (const Result<void> done = m_submit(request()); !done) {
            // The store saw what the form could not (a role taken away meanwhile, a lost
            // connection): said in place, the input kept, Generate still offered.
            m_validationLabel->setText(done.errorMessage());
            m_validationRow->setVisible(true);
            return;
        }
    }
    QDialog::accept();
}

} // namespace Keyward
