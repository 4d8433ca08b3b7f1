#include "KeyDetailsPane.h"

#include "AuditText.h"
#include "Formatting.h"
#include "StatusBadgeDelegate.h"
#include "core/Clock.h"
#include "core/GrantCatalogue.h"
#include "core/KeyStatus.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QScrollBar>
#include <QVBoxLayout>

namespace Keyward {

namespace {

// Only long, free text wraps: a wrapping QLabel reserves height as if it were narrow, which
// spreads short values apart.
QLabel *valueLabel(const QString &text, QWidget *parent, bool wrap = false)
{
    auto *label = new QLabel(text, parent);
    // Names and notes are data, never markup.
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(wrap);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    return label;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 10, 0, 2);
    return label;
}

QLabel *hintText(const QString &text, QWidget *parent, bool wrap = true)
{
    QLabel *label = valueLabel(text, parent, wrap);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

QString timeWithRelative(qint64 atMs, qint64 nowMs)
{
    return KeyDetailsPane::tr("%1 (%2)").arg(Formatting::absoluteTime(atMs),
                                             Formatting::relativeTime(atMs, nowMs));
}

// The status pills of the table, at the top of the pane.
class BadgeRow : public QWidget
{
public:
    BadgeRow(QVector<StatusBadgeDelegate::Badge> badges, QWidget *parent)
        : QWidget(parent)
        , m_badges(std::move(badges))
    {
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }
    QSize sizeHint() const override { return StatusBadgeDelegate::badgesSize(m_badges, font()); }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        // The delegate's margin would indent the pills relative to the labels around them.
        StatusBadgeDelegate::paintBadges(&painter, rect().adjusted(-4, 0, 0, 0), m_badges, font(),
                                         palette());
    }

private:
    QVector<StatusBadgeDelegate::Badge> m_badges;
};

} // namespace

KeyDetailsPane::KeyDetailsPane(const Clock &clock, QWidget *parent)
    : QScrollArea(parent)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("keyDetailsPane"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    clear();
}

void KeyDetailsPane::clear()
{
    m_keyId = 0;
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    QLabel *placeholder = hintText(tr("Select a key to see its details and history."), content);
    placeholder->setAlignment(Qt::AlignCenter);
    layout->addWidget(placeholder);
    setWidget(content);
}

void KeyDetailsPane::showKey(const ApiKey &key, const GrantCatalogue &catalogue,
                             const QVector<AuditEvent> &history)
{
    const int scroll = key.id == m_keyId ? verticalScrollBar()->value() : 0;
    m_keyId = key.id;
    setWidget(buildContent(key, catalogue, history));
    verticalScrollBar()->setValue(scroll);
}

QWidget *KeyDetailsPane::buildContent(const ApiKey &key, const GrantCatalogue &catalogue,
                                      const QVector<AuditEvent> &history)
{
    const qint64 now = m_clock.nowMs();
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 8, 12, 12);
    layout->setSpacing(4);

    QLabel *name = valueLabel(key.name, content, true);
    name->setObjectName(QStringLiteral("detailsName"));
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.3);
    nameFont.setBold(true);
    name->setFont(nameFont);
    layout->addWidget(name);

    bool grace = false;
    for (const KeySecret &secret : key.secrets)
        grace = grace || secret.isInGracePeriodAt(now);
    layout->addWidget(
        new BadgeRow(StatusBadgeDelegate::badgesFor(effectiveStatus(key, now),
                                                    expiresSoon(key, now), grace, key.flagged),
                     content));
    if (key.flagged)
        layout->addWidget(hintText(tr("Deactivated automatically because the member who created "
                                      "it was demoted or removed. An Admin or Owner can activate "
                                      "it again."),
                                   content));

    // Three columns side by side: the pane sits below the table and is wider than tall.
    auto *columns = new QHBoxLayout;
    columns->setSpacing(24);
    layout->addLayout(columns);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->setVerticalSpacing(3);
    const auto addRow = [&](const QString &label, const QString &value) {
        form->addRow(label, valueLabel(value, content));
    };
    addRow(tr("Key ID:"), QString::number(key.id));
    addRow(tr("Environment:"), Formatting::environment(key.environment));
    addRow(tr("Role:"), Formatting::role(key.role));
    addRow(tr("Grants:"), Formatting::grantsList(key.grants, catalogue));
    addRow(tr("Customer:"), key.customer.isEmpty() ? tr("Any customer") : key.customer);
    addRow(tr("Rate limit:"), Formatting::rateLimit(key.rateLimit));
    addRow(tr("Usage:"), Formatting::usageLimit(key.usageLimit, key.usageCount));
    addRow(tr("Expires:"), key.expiresAtMs ? timeWithRelative(*key.expiresAtMs, now) : tr("Never"));
    addRow(tr("Created:"),
           tr("%1 by %2").arg(timeWithRelative(key.createdAtMs, now), key.createdByName));
    if (key.updatedAtMs > key.createdAtMs)
        addRow(tr("Changed:"), timeWithRelative(key.updatedAtMs, now));
    if (key.revokedAtMs)
        addRow(tr("Revoked:"), timeWithRelative(*key.revokedAtMs, now));
    auto *settingsColumn = new QVBoxLayout;
    settingsColumn->addWidget(heading(tr("Settings"), content));
    settingsColumn->addLayout(form);
    settingsColumn->addStretch(1);
    columns->addLayout(settingsColumn, 4);

    auto *secretsColumn = new QVBoxLayout;
    secretsColumn->addWidget(
        heading(key.secrets.size() > 1 ? tr("Secrets") : tr("Secret"), content));
    for (int i = 0; i < key.secrets.size(); ++i)
        secretsColumn->addWidget(buildSecret(key.secrets.at(i), i == 0));
    secretsColumn->addWidget(hintText(tr("A key is shown only once, when it is generated. If it "
                                         "is lost, regenerate it."),
                                      content));
    secretsColumn->addWidget(heading(tr("Notes"), content));
    secretsColumn->addWidget(key.notes.isEmpty() ? hintText(tr("No notes."), content)
                                                 : valueLabel(key.notes, content, true));
    secretsColumn->addStretch(1);
    columns->addLayout(secretsColumn, 3);

    auto *historyColumn = new QVBoxLayout;
    historyColumn->addWidget(heading(tr("History"), content));
    historyColumn->addWidget(buildHistory(history));
    historyColumn->addStretch(1);
    columns->addLayout(historyColumn, 3);
    return content;
}

QWidget *KeyDetailsPane::buildSecret(const KeySecret &secret, bool newest)
{
    const qint64 now = m_clock.nowMs();
    auto *box = new QFrame(this);
    box->setObjectName(QStringLiteral("secretBox"));
    box->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(2);

    QLabel *hint = valueLabel(secret.hint, box);
    hint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(hint);

    QString state;
    if (secret.isInGracePeriodAt(now))
        state = tr("Previous secret, in its grace period:\nstill works until %1")
                    .arg(timeWithRelative(*secret.retiresAtMs, now));
    else if (secret.isRetiredAt(now))
        state = tr("Retired %1").arg(timeWithRelative(*secret.retiresAtMs, now));
    else
        state = newest ? tr("Current secret") : tr("Valid");
    layout->addWidget(valueLabel(state, box));
    layout->addWidget(
        valueLabel(tr("Created %1").arg(timeWithRelative(secret.createdAtMs, now)), box));
    QString used = secret.lastUsedAtMs
        ? tr("Last used %1").arg(timeWithRelative(*secret.lastUsedAtMs, now))
        : tr("Never used");
    if (secret.lastUsedAtMs && !secret.lastUsedSource.isEmpty())
        used = tr("%1 from %2").arg(used, secret.lastUsedSource);
    layout->addWidget(valueLabel(used, box));
    return box;
}

QWidget *KeyDetailsPane::buildHistory(const QVector<AuditEvent> &history)
{
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("keyHistory"));
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    if (history.isEmpty())
        layout->addWidget(hintText(tr("No recorded history."), box));
    const qint64 now = m_clock.nowMs();
    for (const AuditEvent &event : history) {
        QString line = tr("%1 by %2").arg(AuditText::action(event.action), event.actor);
        const QString details = AuditText::details(event);
        if (!details.isEmpty())
            line += QLatin1Char('\n') + details;
        QLabel *when = hintText(timeWithRelative(event.atMs, now), box, false);
        layout->addWidget(when);
        QLabel *what = valueLabel(line, box, true);
        what->setContentsMargins(0, 0, 0, 4);
        layout->addWidget(what);
    }
    return box;
}

QString KeyDetailsPane::text() const
{
    QStringList parts;
    if (widget()) {
        for (const QLabel *label : widget()->findChildren<QLabel *>())
            parts.append(label->text());
    }
    return parts.join(QLatin1Char('\n'));
}

} // namespace Keyward
