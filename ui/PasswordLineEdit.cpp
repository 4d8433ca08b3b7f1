#include "PasswordLineEdit.h"

#include "Icons.h"

#include <QAction>

namespace Keyward {

PasswordLineEdit::PasswordLineEdit(QWidget *parent)
    : QLineEdit(parent)
{
    setEchoMode(QLineEdit::Password);
    // No autocompletion or input-method history for secrets.
    setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData
                        | Qt::ImhNoAutoUppercase);
    m_toggle = addAction(Icons::icon(QStringLiteral("show")), QLineEdit::TrailingPosition);
    m_toggle->setObjectName(QStringLiteral("revealPassphraseAction"));
    m_toggle->setCheckable(true);
    m_toggle->setToolTip(tr("Show the passphrase"));
    connect(m_toggle, &QAction::toggled, this, &PasswordLineEdit::setRevealed);
}

void PasswordLineEdit::setRevealed(bool revealed)
{
    setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    m_toggle->setIcon(Icons::icon(revealed ? QStringLiteral("hide") : QStringLiteral("show")));
    m_toggle->setToolTip(revealed ? tr("Hide the passphrase") : tr("Show the passphrase"));
    if (m_toggle->isChecked() != revealed)
        m_toggle->setChecked(revealed);
}

} // namespace Keyward
