#include "HygieneDismissDialog.h"

#include "DialogButtons.h"
#include "core/HygieneReport.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Keyward {

namespace {
constexpr int kListedFindings = 8;
}

HygieneDismissDialog::HygieneDismissDialog(const QStringList &findings, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("hygieneDismissDialog"));
    setWindowTitle(tr("Dismiss Findings"));
    QStringList listed = findings.mid(0, kListedFindings);
    if (findings.size() > kListedFindings)
        listed.append(tr("… and %n more", nullptr, int(findings.size()) - kListedFindings));
    auto *intro = new QLabel(tr("The report stops listing these findings until someone restores "
                                "them. Say why they may stay: the reason is kept in the audit "
                                "log.\n\n%1")
                                 .arg(listed.join(QLatin1Char('\n'))),
                             this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    auto *label = new QLabel(tr("&Reason:"), this);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("dismissReasonEdit"));
    m_reason->setMaxLength(HygieneReport::kMaxReasonLength + 50);
    m_reason->setPlaceholderText(tr("e.g. Break-glass key, kept in the safe"));
    label->setBuddy(m_reason);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("dismissErrorLabel"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->hide();
    const DialogButtons buttons = DialogButtons::acceptCancel(
        this, findings.size() == 1 ? tr("&Dismiss Finding") : tr("&Dismiss Findings"),
        QStringLiteral("dismissButton"));
    m_dismiss = buttons.accept;
    connect(m_reason, &QLineEdit::textChanged, this, &HygieneDismissDialog::validate);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(label);
    layout->addWidget(m_reason);
    layout->addWidget(m_error);
    layout->addWidget(buttons.box);
    setMinimumWidth(460);
    validate();
}

QString HygieneDismissDialog::reason() const
{
    return m_reason->text().trimmed();
}

void HygieneDismissDialog::validate()
{
    const auto checked = HygieneReport::validateDismissReason(m_reason->text());
    m_dismiss->setEnabled(bool(checked));
    // An empty field needs no scolding: the disabled button says enough.
    const bool show = !checked && !m_reason->text().trimmed().isEmpty();
    m_error->setText(show ? checked.errorMessage() : QString());
    m_error->setVisible(show);
}

void HygieneDismissDialog::accept()
{
    if (!HygieneReport::validateDismissReason(m_reason->text()))
        return;
    QDialog::accept();
}

} // namespace Keyward
