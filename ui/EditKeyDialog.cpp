#include "EditKeyDialog.h"

#include "DialogButtons.h"
#include "RateLimitField.h"

#include "Formatting.h"
#include "NoticeRow.h"
#include "core/Clock.h"
#include "core/DisplayNames.h"
#include "core/GrantCatalogue.h"
#include "core/Permissions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStyle>
#include <QTextDocument>
#include <QVBoxLayout>

#include <limits>

namespace Keyward {

namespace {

enum ExpiryItem { KeepExpiry = 0, EarlierDate = 1 };

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setText(text);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QDate localDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().date();
}

} // namespace

EditKeyDialog::EditKeyDialog(const ApiKey &key, const GrantCatalogue &catalogue, const Clock &clock,
                             QWidget *parent, UsageLimit usageLimit)
    : QDialog(parent)
    , m_key(key)
    , m_clock(clock)
    , m_usageEditable(usageLimit == UsageLimit::Editable)
{
    setObjectName(QStringLiteral("editKeyDialog"));
    setWindowTitle(tr("Edit API Key"));
    buildLayout(catalogue);
    setUpExpiryRange();
    validate();
    m_nameEdit->setFocus();
}

void EditKeyDialog::buildLayout(const GrantCatalogue &catalogue)
{
    m_nameEdit = new QLineEdit(m_key.name, this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setAccessibleName(tr("Name"));
    m_nameEdit->setClearButtonEnabled(true);
    // A name from before the cap stays whole (cutting it would rename the key silently); the
    // validation message then asks for a shorter one.
    m_nameEdit->setMaxLength(qMax(Permissions::kMaxNameLength, int(m_key.name.size())));

    m_rateField = new RateLimitField(this);
    m_rateField->setRateLimit(m_key.rateLimit);

    m_expiryCombo = new QComboBox(this);
    m_expiryCombo->setObjectName(QStringLiteral("expiryCombo"));
    m_expiryCombo->setAccessibleName(tr("Expiry"));
    m_expiryCombo->addItem(m_key.expiresAtMs
                               ? tr("Keep: %1").arg(Formatting::absoluteTime(*m_key.expiresAtMs))
                               : tr("Keep: never expires"),
                           KeepExpiry);
    m_expiryCombo->addItem(tr("An earlier date…"), EarlierDate);
    m_expiryDateEdit = new QDateEdit(this);
    m_expiryDateEdit->setObjectName(QStringLiteral("expiryDateEdit"));
    m_expiryDateEdit->setAccessibleName(tr("New expiry date"));
    m_expiryDateEdit->setCalendarPopup(true);
    m_expiryDateEdit->setTimeSpec(Qt::LocalTime);
    m_expiryDateEdit->setVisible(false);
    auto *expiryRow = new QHBoxLayout;
    expiryRow->addWidget(m_expiryCombo);
    expiryRow->addWidget(m_expiryDateEdit);
    expiryRow->addStretch(1);
    m_expiryHintLabel = new QLabel(this);
    m_expiryHintLabel->setObjectName(QStringLiteral("expiryHintLabel"));
    m_expiryHintLabel->setTextFormat(Qt::PlainText);
    m_expiryHintLabel->setWordWrap(true);
    m_expiryHintLabel->setForegroundRole(QPalette::PlaceholderText);
    auto *expiryColumn = new QVBoxLayout;
    expiryColumn->setSpacing(2);
    expiryColumn->addLayout(expiryRow);
    expiryColumn->addWidget(m_expiryHintLabel);

    m_notesEdit = new QPlainTextEdit(m_key.notes, this);
    m_notesEdit->setObjectName(QStringLiteral("notesEdit"));
    m_notesEdit->setAccessibleName(tr("Notes"));
    m_notesEdit->setTabChangesFocus(true);
    m_notesEdit->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_notesEdit->setFixedHeight(m_notesEdit->fontMetrics().lineSpacing() * 3
                                + 2 * m_notesEdit->frameWidth()
                                + 2 * int(m_notesEdit->document()->documentMargin()) + 4);

    m_allowedIpsEdit = new QLineEdit(m_key.allowedIps.toDisplay(), this);
    m_allowedIpsEdit->setObjectName(QStringLiteral("allowedIpsEdit"));
    m_allowedIpsEdit->setAccessibleName(tr("Allowed IP addresses"));
    m_allowedIpsEdit->setPlaceholderText(tr("Any address, or e.g. 10.0.0.0/8, 2001:db8::/32"));
    m_allowedIpsEdit->setToolTip(tr("IPv4 and IPv6 addresses and CIDR ranges the key may be used "
                                    "from, separated by commas. Requests from elsewhere are "
                                    "refused (403). Empty: any address."));

    QWidget *fixedBox = buildFixedBox(catalogue);

    m_validationRow =
        noticeRow(this, QStringLiteral("validationRow"), QStringLiteral("dialog-error"),
                  QStyle::SP_MessageBoxCritical, &m_validationLabel);
    m_validationLabel->setObjectName(QStringLiteral("validationLabel"));
    QSizePolicy keepSpace = m_validationRow->sizePolicy();
    keepSpace.setRetainSizeWhenHidden(true);
    m_validationRow->setSizePolicy(keepSpace);

    const DialogButtons buttons =
        DialogButtons::acceptCancel(this, tr("&Save Changes"), QStringLiteral("saveButton"));
    m_saveButton = buttons.accept;

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto addRow = [&](const QString &text, QWidget *buddy, auto field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        form->addRow(label, field);
    };
    addRow(tr("&Name:"), m_nameEdit, m_nameEdit);
    addRow(tr("Rate &limit:"), m_rateField->limitCheck(), m_rateField);
    addRow(tr("E&xpires:"), m_expiryCombo, expiryColumn);
    addRow(tr("Allowed &IPs:"), m_allowedIpsEdit, m_allowedIpsEdit);
    addRow(tr("N&otes:"), m_notesEdit, m_notesEdit);
    if (m_usageEditable)
        addRow(tr("&Usage limit:"), m_usageLimitCheck, buildUsageLimitField());

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(fixedBox);
    layout->addWidget(m_validationRow);
    layout->addWidget(buttons.box);
    setMinimumWidth(qMax(560, fontMetrics().averageCharWidth() * 80));

    connect(m_nameEdit, &QLineEdit::textChanged, this, &EditKeyDialog::validate);
    connect(m_notesEdit, &QPlainTextEdit::textChanged, this, &EditKeyDialog::validate);
    connect(m_allowedIpsEdit, &QLineEdit::textChanged, this, &EditKeyDialog::validate);
    connect(m_rateField, &RateLimitField::changed, this, &EditKeyDialog::validate);
    connect(m_expiryCombo, &QComboBox::currentIndexChanged, this, [this]() {
        m_expiryDateEdit->setVisible(m_expiryCombo->currentData().toInt() == EarlierDate);
        validate();
    });
    connect(m_expiryDateEdit, &QDateEdit::dateChanged, this, &EditKeyDialog::validate);
    connect(m_duplicateButton, &QPushButton::clicked, this, [this]() { done(DuplicateRequested); });

    const QList<QWidget *> order {m_nameEdit,
                                  m_rateField->limitCheck(),
                                  m_rateField->countSpin(),
                                  m_rateField->unitCombo(),
                                  m_expiryCombo,
                                  m_expiryDateEdit,
                                  m_allowedIpsEdit,
                                  m_notesEdit,
                                  m_usageLimitCheck,
                                  m_usageLimitSpin,
                                  m_resetUsageCheck,
                                  m_duplicateButton,
                                  m_saveButton,
                                  buttons.cancel};
    QWidget *previous = nullptr;
    for (QWidget *widget : order) {
        if (!widget)
            continue; // the usage limit fields exist only for Admins and Owners
        if (previous)
            setTabOrder(previous, widget);
        previous = widget;
    }
}

// "[x] Limit to [ 5000 ] requests" and "[ ] Count usage from 0 again (5000 used)": the two
// ways an Admin lets a key refused as UsageExceeded work again.
QWidget *EditKeyDialog::buildUsageLimitField()
{
    auto *field = new QWidget(this);
    m_usageLimitCheck = new QCheckBox(tr("Limit to"), field);
    m_usageLimitCheck->setObjectName(QStringLiteral("usageLimitCheck"));
    m_usageLimitCheck->setAccessibleName(tr("Limit the number of requests"));
    m_usageLimitCheck->setChecked(m_key.usageLimit.has_value());
    m_usageLimitSpin = new QSpinBox(field);
    m_usageLimitSpin->setObjectName(QStringLiteral("usageLimitSpin"));
    m_usageLimitSpin->setAccessibleName(tr("Usage limit in requests"));
    m_usageLimitSpin->setRange(1, std::numeric_limits<int>::max());
    m_usageLimitSpin->setGroupSeparatorShown(true);
    m_usageLimitSpin->setValue(int(qBound(qint64(1), m_key.usageLimit.value_or(1000),
                                          qint64(std::numeric_limits<int>::max()))));
    m_usageLimitSpin->setEnabled(m_usageLimitCheck->isChecked());
    m_resetUsageCheck = new QCheckBox(
        tr("Count usage from 0 again (%L1 used so far)").arg(m_key.usageCount), field);
    m_resetUsageCheck->setObjectName(QStringLiteral("resetUsageCheck"));
    m_resetUsageCheck->setAccessibleName(tr("Count usage from 0 again"));
    m_resetUsageCheck->setEnabled(m_key.usageCount > 0);

    auto *row = new QHBoxLayout;
    row->addWidget(m_usageLimitCheck);
    row->addWidget(m_usageLimitSpin);
    row->addWidget(new QLabel(tr("requests"), field));
    row->addStretch(1);
    auto *column = new QVBoxLayout(field);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(row);
    column->addWidget(m_resetUsageCheck);

    connect(m_usageLimitCheck, &QCheckBox::toggled, this, [this](bool limited) {
        m_usageLimitSpin->setEnabled(limited);
        validate();
    });
    connect(m_usageLimitSpin, &QSpinBox::valueChanged, this, &EditKeyDialog::validate);
    connect(m_resetUsageCheck, &QCheckBox::toggled, this, &EditKeyDialog::validate);
    return field;
}

std::optional<qint64> EditKeyDialog::usageLimit() const
{
    if (!m_usageEditable)
        return m_key.usageLimit;
    return m_usageLimitCheck->isChecked() ? std::optional<qint64>(m_usageLimitSpin->value())
                                          : std::nullopt;
}

bool EditKeyDialog::resetUsage() const
{
    return m_usageEditable && m_resetUsageCheck->isChecked();
}

QWidget *EditKeyDialog::buildFixedBox(const GrantCatalogue &catalogue)
{
    auto *box = new QGroupBox(tr("Fixed when the key was generated"), this);
    box->setObjectName(QStringLiteral("fixedBox"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *environment = plainLabel(DisplayNames::environment(m_key.environment), box);
    environment->setObjectName(QStringLiteral("environmentLabel"));
    form->addRow(tr("Environment:"), environment);
    // The role alone: the grants below say what this key may do (the member role description
    // shown here before described a person, not the key).
    auto *role = plainLabel(DisplayNames::role(m_key.role), box);
    role->setObjectName(QStringLiteral("roleLabel"));
    role->setWordWrap(false);
    form->addRow(tr("Role:"), role);
    auto *grants =
        plainLabel(m_key.grants.isEmpty() ? Formatting::grantsSummary(m_key.grants, catalogue)
                                          : Formatting::grantsList(m_key.grants, catalogue),
                   box);
    grants->setObjectName(QStringLiteral("grantsLabel"));
    grants->setWordWrap(false); // one grant per line already
    form->addRow(tr("Grants:"), grants);
    if (!m_key.customer.isEmpty()) {
        auto *customer = plainLabel(m_key.customer, box);
        customer->setObjectName(QStringLiteral("customerLabel"));
        form->addRow(tr("Customer:"), customer);
    }
    auto *usage = plainLabel(Formatting::usageLimit(m_key.usageLimit, m_key.usageCount), box);
    usage->setWordWrap(false); // a few words; wrapped, a form squeezed it to half a line
    usage->setObjectName(QStringLiteral("usageLabel"));
    form->addRow(tr("Usage:"), usage);

    auto *explanation = plainLabel(tr("To change these, or to extend the expiry, make a new key "
                                      "and revoke this one when nothing uses it any more."),
                                   box);
    explanation->setForegroundRole(QPalette::PlaceholderText);
    m_duplicateButton = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-copy")),
                                        tr("&Duplicate with Other Grants…"), box);
    m_duplicateButton->setObjectName(QStringLiteral("duplicateButton"));
    m_duplicateButton->setAccessibleName(tr("Duplicate with other grants"));
    m_duplicateButton->setAutoDefault(false);
    auto *duplicateRow = new QHBoxLayout;
    duplicateRow->addStretch(1);
    duplicateRow->addWidget(m_duplicateButton);

    auto *layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addWidget(explanation);
    layout->addLayout(duplicateRow);
    return box;
}

void EditKeyDialog::setUpExpiryRange()
{
    const qint64 now = m_clock.nowMs();
    // A date expires at the end of that (local) day, like in Generate. Today still lies ahead;
    // the latest date offered must end strictly before the current expiry, or it would extend
    // the key.
    const QDate earliest = localDate(now);
    const QDate latest =
        m_key.expiresAtMs ? localDate(*m_key.expiresAtMs - 1).addDays(-1) : earliest.addYears(10);
    const bool canShorten = latest >= earliest;
    if (canShorten) {
        m_expiryDateEdit->setDateRange(earliest, latest);
        m_expiryDateEdit->setDate(latest);
        m_expiryHintLabel->setText(tr("An expiry can only be brought forward. Extending it needs "
                                      "a new key: use “Duplicate with Other Grants…”."));
    } else {
        // Grey the choice out rather than hide it, so the reason below reads as an answer.
        if (auto *model = qobject_cast<QStandardItemModel *>(m_expiryCombo->model()))
            model->item(EarlierDate)->setEnabled(false);
        m_expiryHintLabel->setText(
            m_key.expiresAtMs && *m_key.expiresAtMs <= now
                ? tr("The key has expired. Extending it needs a new key: use “Duplicate with "
                     "Other Grants…”.")
                : tr("The key expires today, so there is no earlier date to choose. "
                     "Deactivate or revoke it to stop it now."));
    }
}

std::optional<qint64> EditKeyDialog::chosenExpiry() const
{
    if (m_expiryCombo->currentData().toInt() == KeepExpiry)
        return m_key.expiresAtMs;
    return ExpiryPolicy::onDate(m_expiryDateEdit->date())
        .expiresAtMs(m_clock.nowMs(), Qt::LocalTime);
}

KeyEdit EditKeyDialog::edit() const
{
    KeyEdit edit;
    edit.name = m_nameEdit->text().trimmed();
    edit.notes = m_notesEdit->toPlainText();
    edit.rateLimit = m_rateField->rateLimit();
    edit.expiresAtMs = chosenExpiry();
    // Text that does not parse keeps the current list; validationMessage() says why.
    auto allowed = IpAllowlist::parseText(m_allowedIpsEdit->text());
    edit.allowedIps = allowed ? *allowed : m_key.allowedIps;
    return edit;
}

bool EditKeyDialog::hasChanges() const
{
    const KeyEdit e = edit();
    return e.name != m_key.name || e.notes != m_key.notes || e.rateLimit != m_key.rateLimit
        || e.expiresAtMs != m_key.expiresAtMs || e.allowedIps != m_key.allowedIps
        || usageLimit() != m_key.usageLimit || resetUsage();
}

QString EditKeyDialog::validationMessage() const
{
    const KeyEdit e = edit();
    for (const Result<void> &check :
         {Permissions::validateKeyName(e.name), Permissions::validateNotes(e.notes),
          Permissions::mayChangeExpiry(m_key, e.expiresAtMs, m_clock.nowMs())}) {
        if (!check)
            return check.errorMessage();
    }
    if (auto allowed = IpAllowlist::parseText(m_allowedIpsEdit->text()); !allowed)
        return allowed.errorMessage();
    return {};
}

void EditKeyDialog::validate()
{
    const QString problem = validationMessage();
    m_validationLabel->setText(problem);
    m_validationRow->setVisible(!problem.isEmpty());
    m_saveButton->setEnabled(problem.isEmpty() && hasChanges());
    m_saveButton->setToolTip(problem.isEmpty() && !hasChanges() ? tr("Nothing has changed yet.")
                                                                : problem);
}

void EditKeyDialog::accept()
{
    validate();
    if (!validationMessage().isEmpty())
        return;
    QDialog::accept();
}

} // namespace Keyward
