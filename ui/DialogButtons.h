#pragma once

#include <QString>

class QDialog;
class QDialogButtonBox;
class QPushButton;

namespace Keyward {

// The button row of a dialog that does one thing: Cancel, and one button that accepts.
struct DialogButtons
{
    // Which button Enter presses: the action, or Cancel for one that cannot be undone (so
    // Enter never destroys).
    enum class EnterKey { Accepts, Cancels };

    QDialogButtonBox *box = nullptr;
    QPushButton *accept = nullptr;
    QPushButton *cancel = nullptr;

    // Made for dialog and wired to its (virtual) accept() and reject(). Object names for tests
    // ("buttonBox", acceptObjectName, "cancelButton"); accessible names are the buttons' texts
    // without their accelerator marks.
    static DialogButtons acceptCancel(QDialog *dialog, const QString &acceptText,
                                      const QString &acceptObjectName,
                                      EnterKey enter = EnterKey::Accepts);
};

} // namespace Keyward
