#pragma once

#include <QMessageBox>
#include <QStringList>

#include <optional>

namespace Keyward {

// All questions and notices go through here so tests can answer them without real popups:
// MessageBox::setNextAnswer(QMessageBox::Yes) makes the next question choose its action at once
// (any other answer keeps things as they are, or acknowledges a notice).
class MessageBox
{
public:
    static void setNextAnswer(QMessageBox::StandardButton answer);
    static void clearNextAnswer();

    // A question whose buttons say what they do ("Deactivate" / "Keep Active"), as the KDE and
    // GNOME guidelines ask, never Yes/No. Keeping things as they are is the default button and
    // what Esc chooses. True when the user chose actionText.
    static bool confirm(QWidget *parent, const QString &title, const QString &text,
                        const QString &actionText, const QString &keepText);
    enum class Choice { Action, Alternative, Keep };
    // As confirm(), with a third button between them for a safer alternative ("Regenerate with
    // Grace Period" beside "Deactivate"). A prepared answer of QMessageBox::Apply chooses it.
    static Choice confirmOrAlternative(QWidget *parent, const QString &title, const QString &text,
                                       const QString &actionText, const QString &alternativeText,
                                       const QString &keepText);
    static void warning(QWidget *parent, const QString &title, const QString &text);
    static void information(QWidget *parent, const QString &title, const QString &text);
    // The last text shown or asked, and its buttons' texts, for tests to assert on.
    static QString lastText();
    static QStringList lastButtons();
};

} // namespace Keyward
