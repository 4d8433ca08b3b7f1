#include "PassphraseFields.h"

#include "PasswordLineEdit.h"
#include "core/Permissions.h"

#include <QFormLayout>
#include <QLabel>
#include <QProgressBar>
#include <QSet>
#include <QVBoxLayout>

#include <cmath>

namespace Keyward {

PassphraseFields::PassphraseFields(QWidget *parent)
    : QWidget(parent)
{
    m_first = new PasswordLineEdit(this);
    m_first->setObjectName(QStringLiteral("newPassphraseEdit"));
    m_second = new PasswordLineEdit(this);
    m_second->setObjectName(QStringLiteral("repeatPassphraseEdit"));

    m_meter = new QProgressBar(this);
    m_meter->setObjectName(QStringLiteral("strengthMeter"));
    m_meter->setRange(0, 4);
    m_meter->setTextVisible(false);
    m_meter->setMaximumHeight(6);
    m_strength = new QLabel(this);
    m_strength->setObjectName(QStringLiteral("strengthLabel"));
    m_strength->setWordWrap(true);
    m_mismatch = new QLabel(this);
    m_mismatch->setObjectName(QStringLiteral("passphraseProblemLabel"));
    m_mismatch->setWordWrap(true);
    QPalette problemPalette = m_mismatch->palette();
    problemPalette.setColor(QPalette::WindowText, QColor(0xda, 0x44, 0x53));
    m_mismatch->setPalette(problemPalette);

    auto *strengthBox = new QVBoxLayout;
    strengthBox->setSpacing(2);
    strengthBox->addWidget(m_meter);
    strengthBox->addWidget(m_strength);

    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->addRow(tr("&Passphrase:"), m_first);
    m_form->addRow(tr("&Repeat:"), m_second);
    m_form->addRow(QString(), strengthBox);
    m_form->addRow(QString(), m_mismatch);

    connect(m_first, &QLineEdit::textChanged, this, &PassphraseFields::update);
    connect(m_second, &QLineEdit::textChanged, this, &PassphraseFields::update);
    update();
}

PassphraseFields::Strength PassphraseFields::estimate(const QString &passphrase)
{
    if (passphrase.isEmpty())
        return Strength::Empty;
    bool lower = false, upper = false, digit = false, symbol = false, other = false;
    QSet<QChar> distinct;
    for (const QChar c : passphrase) {
        distinct.insert(c);
        if (c.unicode() > 127)
            other = true;
        else if (c.isLower())
            lower = true;
        else if (c.isUpper())
            upper = true;
        else if (c.isDigit())
            digit = true;
        else
            symbol = true;
    }
    const int alphabet = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0)
        + (other ? 100 : 0);
    // Repeats ("aaaaaaaa", "abcabcabc") add little: count only distinct characters fully.
    const double effectiveLength =
        distinct.size() + 0.25 * double(passphrase.size() - distinct.size());
    const double bits = effectiveLength * std::log2(double(qMax(alphabet, 2)));
    if (bits < 40)
        return Strength::Weak;
    if (bits < 60)
        return Strength::Fair;
    if (bits < 80)
        return Strength::Good;
    return Strength::Strong;
}

QString PassphraseFields::strengthText(Strength strength)
{
    switch (strength) {
    case Strength::Empty:
        return tr("Use several unrelated words, or a long mix of letters, digits and symbols.");
    case Strength::Weak:
        return tr(
            "Strength: weak. Anyone with a copy of the vault could guess it; add more words.");
    case Strength::Fair:
        return tr("Strength: fair. A few more words would make it much harder to guess.");
    case Strength::Good:
        return tr("Strength: good.");
    case Strength::Strong:
        return tr("Strength: strong.");
    }
    return {};
}

void PassphraseFields::update()
{
    const Strength strength = estimate(m_first->text());
    m_meter->setValue(int(strength));
    m_strength->setText(strengthText(strength));
    const QString why = problem();
    // Say nothing while the first entry is still being typed.
    const bool show = !m_second->text().isEmpty() && !why.isEmpty();
    m_mismatch->setText(show ? why : QString());
    m_mismatch->setVisible(show);
    Q_EMIT changed();
}

bool PassphraseFields::isAcceptable() const
{
    return problem().isEmpty();
}

QString PassphraseFields::problem() const
{
    if (auto length = Permissions::validatePassphraseLength(int(m_first->text().size())); !length)
        return length.errorMessage();
    if (m_first->text() != m_second->text())
        return tr("The two passphrases are different.");
    return {};
}

SecretString PassphraseFields::passphrase() const
{
    return SecretString::fromQString(m_first->text());
}

void PassphraseFields::clear()
{
    m_first->clear();
    m_second->clear();
}

} // namespace Keyward
