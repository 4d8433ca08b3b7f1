#pragma once

#include <QMessageBox>

#include <optional>

namespace Keyward {

// All questions and notices go through here so tests can answer them without real popups:
// MessageBox::setNextAnswer(QMessageBox::Yes) makes the next question return Yes at once.
class MessageBox
{
public:
    static void setNextAnswer(QMessageBox::StandardButton answer);
    static void clearNextAnswer();

    static QMessageBox::StandardButton
    question(QWidget *parent, const QString &title, const QString &text,
             QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
             QMessageBox::StandardButton defaultButton = QMessageBox::No);
    static void warning(QWidget *parent, const QString &title, const QString &text);
    static void information(QWidget *parent, const QString &title, const QString &text);
    // The last text shown or asked, for tests to assert on.
    static QString lastText();

private:
    static QMessageBox::StandardButton run(QMessageBox::Icon icon, QWidget *parent,
                                           const QString &title, const QString &text,
                                           QMessageBox::StandardButtons buttons,
                                           QMessageBox::StandardButton defaultButton);
};

} // namespace Keyward
