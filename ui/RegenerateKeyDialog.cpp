#include "RegenerateKeyDialog.h"

#include "DialogButtons.h"
#include "Formatting.h"
#include "LastUseText.h"
#include "core/Clock.h"
#include "core/KeyStatus.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

#include <array>

namespace Keyward {

namespace {

struct GraceChoice
{
    qint64 ms;
    const char *objectName;
};

// The store accepts any grace up to 7 days; these are the ones people pick from.
constexpr std::array<GraceChoice, 5> kGraceChoices {{{0, "grace0Radio"},
                                                     {kHourMs, "grace1hRadio"},
                                                     {24 * kHourMs, "grace24hRadio"},
                                                     {3 * kDayMs, "grace3dRadio"},
                                                     {7 * kDayMs, "grace7dRadio"}}};
constexpr int kDefaultChoice = 2; // 24 hours: time for a deploy, short enough to matter

// How the explanation names each choice; Formatting::duration would say "1 day" for 24 hours.
QString graceName(int index)
{
    switch (index) {
    case 1:
        return RegenerateKeyDialog::tr("1 hour");
    case 2:
        return RegenerateKeyDialog::tr("24 hours");
    case 3:
        return RegenerateKeyDialog::tr("3 days");
    case 4:
        return RegenerateKeyDialog::tr("7 days");
    default:
        return RegenerateKeyDialog::tr("no time");
    }
}

QLabel *plainLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

} // namespace

RegenerateKeyDialog::RegenerateKeyDialog(const ApiKey &key, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_key(key)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("regenerateKeyDialog"));
    setWindowTitle(tr("Regenerate API Key"));
    buildLayout();
    updateExplanation();
}

void RegenerateKeyDialog::buildLayout()
{
    const qint64 now = m_clock.nowMs();

    auto *heading = plainLabel(this, QStringLiteral("headingLabel"));
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    heading->setFont(headingFont);
    heading->setText(tr("Regenerate “%1”?")
                         .arg(heading->fontMetrics().elidedText(m_key.name, Qt::ElideMiddle, 360)));

    auto *intro = plainLabel(this, QStringLiteral("introLabel"));
    intro->setText(tr("Keyward makes a new secret for this key and shows it once. Name, grants, "
                      "expiry and limits stay as they are."));

    auto *current = plainLabel(this, QStringLiteral("currentSecretLabel"));
    const std::optional<qint64> lastUsed =
        m_key.secrets.isEmpty() ? std::nullopt : m_key.secrets.constFirst().lastUsedAtMs;
    QString currentText = lastUsed
        ? tr("The current secret (%1) was last used %2, on %3.")
              .arg(m_key.hint(), Formatting::relativeTime(*lastUsed, now),
                   Formatting::absoluteTime(*lastUsed))
        : tr("The current secret (%1) has never been used successfully.").arg(m_key.hint());
    // Still presented and refused since: something out there holds it.
    if (!m_key.secrets.isEmpty()) {
        const KeySecret &secret = m_key.secrets.constFirst();
        if (secret.lastRefusedAtMs && (!lastUsed || *secret.lastRefusedAtMs > *lastUsed))
            currentText += QLatin1Char(' ') + LastUseText::refusal(secret, now);
    }
    current->setText(currentText);

    auto *graceBox = new QGroupBox(tr("Keep the current secret working for"), this);
    graceBox->setObjectName(QStringLiteral("graceBox"));
    m_graceGroup = new QButtonGroup(this);
    auto *graceRow = new QHBoxLayout;
    const QStringList texts {tr("&None"), tr("&1 hour"), tr("&24 hours"), tr("&3 days"),
                             tr("&7 days")};
    for (int i = 0; i < int(kGraceChoices.size()); ++i) {
        auto *radio = new QRadioButton(texts.at(i), graceBox);
        radio->setObjectName(QLatin1String(kGraceChoices.at(i).objectName));
        radio->setAccessibleName(i == 0 ? tr("No grace period")
                                        : tr("Grace period of %1").arg(graceName(i)));
        m_graceGroup->addButton(radio, i);
        graceRow->addWidget(radio);
    }
    graceRow->addStretch(1);
    m_graceGroup->button(kDefaultChoice)->setChecked(true);
    m_explanationLabel = plainLabel(graceBox, QStringLiteral("explanationLabel"));
    auto *graceLayout = new QVBoxLayout(graceBox);
    graceLayout->addLayout(graceRow);
    graceLayout->addWidget(m_explanationLabel);

    auto *statusNote = plainLabel(this, QStringLiteral("statusNoteLabel"));
    statusNote->setForegroundRole(QPalette::PlaceholderText);
    QStringList notes;
    switch (effectiveStatus(m_key, now)) {
    case KeyStatus::Inactive:
        notes.append(tr("The key is inactive: the new secret works only after you activate it."));
        break;
    case KeyStatus::Expired:
        notes.append(tr("The key has expired; a new secret does not change that."));
        break;
    case KeyStatus::Active:
    case KeyStatus::Revoked:
        break;
    }
    for (int i = 1; i < m_key.secrets.size(); ++i) {
        const KeySecret &older = m_key.secrets.at(i);
        if (older.isInGracePeriodAt(now)) {
            notes.append(tr("An older secret (%1) is still in its grace period; it stops at %2 "
                            "whatever you choose here.")
                             .arg(older.hint, Formatting::absoluteTime(*older.retiresAtMs)));
        }
    }
    statusNote->setText(notes.join(QLatin1Char('\n')));
    statusNote->setVisible(!notes.isEmpty());

    // Without a grace period this breaks integrations: do not make it the Enter key.
    const DialogButtons buttons =
        DialogButtons::acceptCancel(this, tr("&Regenerate Key"), QStringLiteral("regenerateButton"),
                                    DialogButtons::EnterKey::Cancels);
    m_regenerateButton = buttons.accept;
    m_regenerateButton->setIcon(QIcon::fromTheme(QStringLiteral("view-refresh")));
    connect(m_graceGroup, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            updateExplanation();
    });

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon::fromTheme(QStringLiteral("view-refresh"),
                                     style()->standardIcon(QStyle::SP_BrowserReload))
                        .pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    auto *textColumn = new QVBoxLayout;
    textColumn->addWidget(heading);
    textColumn->addWidget(intro);
    textColumn->addWidget(current);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(textColumn, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(graceBox);
    layout->addWidget(statusNote);
    layout->addStretch(1);
    layout->addWidget(buttons.box);
    setMinimumWidth(520);
    m_graceGroup->button(kDefaultChoice)->setFocus();
}

qint64 RegenerateKeyDialog::graceMs() const
{
    const int id = m_graceGroup->checkedId();
    return id >= 0 ? kGraceChoices.at(id).ms : kGraceChoices.at(kDefaultChoice).ms;
}

bool RegenerateKeyDialog::setGraceMs(qint64 graceMs)
{
    for (int i = 0; i < int(kGraceChoices.size()); ++i) {
        if (kGraceChoices.at(i).ms == graceMs) {
            m_graceGroup->button(i)->setChecked(true);
            return true;
        }
    }
    return false;
}

void RegenerateKeyDialog::updateExplanation()
{
    const qint64 grace = graceMs();
    if (grace == 0) {
        m_explanationLabel->setText(
            tr("The current secret stops working at once. Every integration that still uses it "
               "gets 401 Unauthorized until it has the new key."));
        return;
    }
    const qint64 until = m_clock.nowMs() + grace;
    m_explanationLabel->setText(
        tr("Both secrets work for %1, until %2, so you can update your integrations without "
           "downtime. After that the current secret gets 401 Unauthorized.")
            .arg(graceName(m_graceGroup->checkedId()), Formatting::absoluteTime(until)));
}

} // namespace Keyward
