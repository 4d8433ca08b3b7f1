#pragma once

#include "VaultFixture.h"
#include "core/ApiKey.h"

#include <QAbstractButton>
#include <QApplication>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QWidget>

#include <functional>

// Helpers for the dialog, clipboard and command tests, on top of tests/common/VaultFixture.h
// (a real SQLite vault in a temporary directory on a ManualClock): a second member, keys made
// directly in the store, and a driver for the dialogs of a command's flow.
namespace Keyward::DialogTest {

inline const QString kDeveloperName = QStringLiteral("dave");
inline constexpr const char *kDeveloperPassphrase = "developer passphrase";

// Adds dave (Developer) through the fixture's store, whose owner is signed in.
bool addDeveloper(Testing::VaultFixture &vault);
// A key made straight through the store, as its signed-in member.
ApiKey createKey(Testing::VaultFixture &vault, const QString &name,
                 Environment environment = Environment::Development, Role role = Role::Developer);

// Interactive widgets under root that lack an objectName or an accessibleName (the parts Qt
// builds inside spin boxes, combo boxes and line edits are skipped). Empty is good.
QStringList unnamedInteractiveWidgets(const QWidget *root);
// A button's text as people read it: "&Revoke Key" -> "Revoke Key".
QString buttonText(const QAbstractButton *button);
// Accelerators (Alt+letter) used by more than one visible label or button under root, each as
// "Alt+R: &Role:, &Repeat:". Empty is good: a clash makes Alt+letter reach only the first.
QStringList clashingAccelerators(const QWidget *root);
// clashingAccelerators() of every dialog with passphrase fields (Add Member, Welcome in both
// modes, Set Passphrase for oneself and for another member), each prefixed with the dialog's
// object name, in the language installed now. Makes its own vault.
QStringList passphraseDialogAcceleratorClashes();

// The visible dialog of type T: one a command opened with open() (window-modal, no event loop
// of its own), so the call that opened it has returned. Null when none is open.
template<typename T>
T *openDialog()
{
    const QList<QWidget *> windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows) {
        if (auto *dialog = qobject_cast<T *>(window); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

// Drives a command's flow. Its dialogs open with open() (window-modal, no event loop of their
// own), so each is open when the call that opened it returns: on<GenerateKeyDialog>(...) then
// on<RevealKeyDialog>(...), then run([&] { commands.generate(); }). Each step acts on the dialog
// of its type open at that moment; closing it may open the next. Nothing polls or waits, so a
// dialog that did not open leaves its step and the ones after it pending.
class FlowScript
{
public:
    FlowScript() = default;
    ~FlowScript(); // closes the dialogs a failed step left open
    FlowScript(const FlowScript &) = delete;
    FlowScript &operator=(const FlowScript &) = delete;

    template<typename T>
    void on(std::function<void(T *)> action)
    {
        m_steps.append({[](QWidget *w) { return qobject_cast<T *>(w) != nullptr; },
                        [action](QWidget *w) {
                            action(qobject_cast<T *>(w));
                        }});
    }
    // Starts the flow, then runs the steps in order while each finds its dialog.
    void run(const std::function<void()> &start);
    int pendingSteps() const { return int(m_steps.size()); }
    int stepsRun() const { return m_stepsRun; }

private:
    struct Step
    {
        std::function<bool(QWidget *)> matches;
        std::function<void(QWidget *)> run;
    };
    QList<Step> m_steps;
    QList<QPointer<QWidget>> m_handled;
    int m_stepsRun = 0;
};

} // namespace Keyward::DialogTest
