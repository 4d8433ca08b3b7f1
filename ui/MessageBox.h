#pragma once

#include <QMessageBox>
#include <QStringList>

#include <functional>
#include <optional>

namespace Keyward {

// All questions and notices go through here so tests can answer them without real popups:
// MessageBox::setNextAnswer(QMessageBox::Yes) makes the next question choose its action at once
// (any other answer keeps things as they are, or acknowledges a notice without showing it).
class MessageBox
{
public:
    static void setNextAnswer(QMessageBox::StandardButton answer);
    static void clearNextAnswer();

    // None of these blocks: a box opens window-modal with open() (no event loop of its own)
    // and the call returns. An answer arrives from the box's finished(), in context (dropped if
    // context is destroyed first), or at once when a test prepared it.

    // A question whose buttons say what they do ("Deactivate" / "Keep Active"), as the KDE and
    // GNOME guidelines ask, never Yes/No. Keeping things as they are is the default button and
    // what Esc and the window's close button choose. answer(true) when the user chose
    // actionText.
    // Returns the open box, or null when a prepared answer was given at once.
    static QMessageBox *confirm(QWidget *parent, const QString &title, const QString &text,
                                const QString &actionText, const QString &keepText,
                                QObject *context, std::function<void(bool confirmed)> answer);
    enum class Choice { Action, Alternative, Keep };
    // As confirm(), with a third button between them for a safer alternative ("Regenerate with
    // Grace Period" beside "Deactivate"). A prepared answer of QMessageBox::Apply chooses it.
    static QMessageBox *confirmOrAlternative(QWidget *parent, const QString &title,
                                             const QString &text, const QString &actionText,
                                             const QString &alternativeText,
                                             const QString &keepText, QObject *context,
                                             std::function<void(Choice choice)> answer);
    // A notice: opens and returns.
    static void warning(QWidget *parent, const QString &title, const QString &text);
    static void information(QWidget *parent, const QString &title, const QString &text);
    // The last text shown or asked, and its buttons' texts, for tests to assert on.
    static QString lastText();
    static QStringList lastButtons();
};

} // namespace Keyward
