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

// Plain text, deleted once closed, window-modal without an event loop of its own.
QMessageBox *makeBox(QMessageBox::Icon icon, QWidget *parent, const QString &title,
                     const QString &text)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("keywardMessageBox"));
    // Key and member names end up in these texts: they are data, never markup.
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    return box;
}

QPushButton *addButton(QMessageBox *box, const QString &text, QMessageBox::ButtonRole role,
                       const char *objectName)
{
    QPushButton *button = box->addButton(text, role);
    button->setObjectName(QLatin1String(objectName));
    return button;
}

void notice(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text)
{
    s_lastText = text;
    s_lastButtons.clear();
    // A prepared answer also acknowledges a notice, so a test that expects a refusal can say
    // setNextAnswer(QMessageBox::Ok) instead of hunting for a box.
    if (takePreparedAnswer())
        return;
    QMessageBox *box = makeBox(icon, parent, title, text);
    box->setStandardButtons(QMessageBox::Ok);
    box->open();
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

QMessageBox *MessageBox::confirm(QWidget *parent, const QString &title, const QString &text,
                                 const QString &actionText, const QString &keepText,
                                 QObject *context, std::function<void(bool)> answer)
{
    s_lastText = text;
    s_lastButtons = {actionText, keepText};
    if (const auto prepared = takePreparedAnswer()) {
        answer(*prepared == QMessageBox::Yes);
        return nullptr;
    }
    QMessageBox *box = makeBox(QMessageBox::Question, parent, title, text);
    QPushButton *action = addButton(box, actionText, QMessageBox::AcceptRole, "confirmButton");
    QPushButton *keep = addButton(box, keepText, QMessageBox::RejectRole, "keepButton");
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    // (Deleted later by WA_DeleteOnClose: still whole while this runs.)
    QObject::connect(
        box, &QMessageBox::finished, context,
        [box, action, answer = std::move(answer)] { answer(box->clickedButton() == action); });
    box->open();
    return box;
}

QMessageBox *MessageBox::confirmOrAlternative(QWidget *parent, const QString &title,
                                              const QString &text, const QString &actionText,
                                              const QString &alternativeText,
                                              const QString &keepText, QObject *context,
                                              std::function<void(Choice)> answer)
{
    s_lastText = text;
    s_lastButtons = {actionText, alternativeText, keepText};
    if (const auto prepared = takePreparedAnswer()) {
        if (*prepared == QMessageBox::Yes)
            answer(Choice::Action);
        else
            answer(*prepared == QMessageBox::Apply ? Choice::Alternative : Choice::Keep);
        return nullptr;
    }
    QMessageBox *box = makeBox(QMessageBox::Question, parent, title, text);
    QPushButton *action = addButton(box, actionText, QMessageBox::AcceptRole, "confirmButton");
    QPushButton *alternative =
        addButton(box, alternativeText, QMessageBox::ApplyRole, "alternativeButton");
    QPushButton *keep = addButton(box, keepText, QMessageBox::RejectRole, "keepButton");
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    QObject::connect(box, &QMessageBox::finished, context,
                     [box, action, alternative, answer = std::move(answer)] {
                         if (box->clickedButton() == action)
                             answer(Choice::Action);
                         else if (box->clickedButton() == alternative)
                             answer(Choice::Alternative);
                         else
                             answer(Choice::Keep);
                     });
    box->open();
    return box;
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
