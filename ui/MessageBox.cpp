#include "MessageBox.h"

#include <QPushButton>

namespace Keyward {

namespace {

// Process-wide on purpose: the hook exists so tests can answer the next popup without a real
// event loop, and popups are shown from the GUI thread only.
std::optional<QMessageBox::StandardButton> s_nextAnswer;
QString s_lastText;
QStringList s_lastButtons;

std::optional<QMessageBox::StandardButton> takePreparedAnswer()
{
    const auto answer = s_nextAnswer;
    s_nextAnswer.reset();
    return answer;
}

void prepare(QMessageBox &box)
{
    box.setObjectName(QStringLiteral("keywardMessageBox"));
    // Key and member names end up in these texts: they are data, never markup.
    box.setTextFormat(Qt::PlainText);
}

void notice(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text)
{
    s_lastText = text;
    s_lastButtons.clear();
    // A prepared answer also acknowledges a notice, so a test that expects a refusal can say
    // setNextAnswer(QMessageBox::Ok) instead of hunting for a modal box.
    if (takePreparedAnswer())
        return;
    QMessageBox box(icon, title, text, QMessageBox::Ok, parent);
    prepare(box);
    box.exec();
}

} // namespace

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    s_nextAnswer = answer;
}

void MessageBox::clearNextAnswer()
{
    s_nextAnswer.reset();
}

bool MessageBox::confirm(QWidget *parent, const QString &title, const QString &text,
                         const QString &actionText, const QString &keepText)
{
    s_lastText = text;
    s_lastButtons = {actionText, keepText};
    if (const auto answer = takePreparedAnswer())
        return *answer == QMessageBox::Yes;
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    prepare(box);
    QPushButton *action = box.addButton(actionText, QMessageBox::AcceptRole);
    action->setObjectName(QStringLiteral("confirmButton"));
    QPushButton *keep = box.addButton(keepText, QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepButton"));
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    return box.clickedButton() == action;
}

MessageBox::Choice MessageBox::confirmOrAlternative(QWidget *parent, const QString &title,
                                                    const QString &text, const QString &actionText,
                                                    const QString &alternativeText,
                                                    const QString &keepText)
{
    s_lastText = text;
    s_lastButtons = {actionText, alternativeText, keepText};
    if (const auto answer = takePreparedAnswer()) {
        if (*answer == QMessageBox::Yes)
            return Choice::Action;
        return *answer == QMessageBox::Apply ? Choice::Alternative : Choice::Keep;
    }
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    prepare(box);
    QPushButton *action = box.addButton(actionText, QMessageBox::AcceptRole);
    action->setObjectName(QStringLiteral("confirmButton"));
    QPushButton *alternative = box.addButton(alternativeText, QMessageBox::ApplyRole);
    alternative->setObjectName(QStringLiteral("alternativeButton"));
    QPushButton *keep = box.addButton(keepText, QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepButton"));
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    if (box.clickedButton() == action)
        return Choice::Action;
    return box.clickedButton() == alternative ? Choice::Alternative : Choice::Keep;
}

void MessageBox::warning(QWidget *parent, const QString &title, const QString &text)
{
    notice(QMessageBox::Warning, parent, title, text);
}

void MessageBox::information(QWidget *parent, const QString &title, const QString &text)
{
    notice(QMessageBox::Information, parent, title, text);
}

QString MessageBox::lastText()
{
    return s_lastText;
}

QStringList MessageBox::lastButtons()
{
    return s_lastButtons;
}

} // namespace Keyward
