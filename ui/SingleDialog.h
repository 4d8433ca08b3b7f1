#pragma once

#include <QDialog>
#include <QPointer>

#include <utility>

namespace Keyward {

// At most one dialog of a kind: raise() brings an open one forward; track() or open() takes a new
// one, deleted on close and forgotten as soon as it finishes (deletion is deferred, and a dialog
// that has closed must not be raised again).
template<typename T>
class SingleDialog
{
public:
    T *get() const { return m_dialog; }
    T *operator->() const { return m_dialog; }
    explicit operator bool() const { return !m_dialog.isNull(); }

    // True, and the dialog raised, when one is open (not one that has just closed and still
    // runs its finished()).
    bool raise() const
    {
        if (!m_dialog || !m_dialog->isVisible())
            return false;
        m_dialog->raise();
        m_dialog->activateWindow();
        return true;
    }

    // Shows dialog window-modal without an event loop of its own (QDialog::open()), tracked:
    // then(int result) runs from its finished() in context, once it is forgotten here and while
    // it is still whole (WA_DeleteOnClose deletes it later). Commands continue flows this way.
    template<typename Then>
    T *open(T *dialog, QObject *context, Then then)
    {
        track(dialog);
        QObject::connect(dialog, &QDialog::finished, context, std::move(then));
        dialog->open();
        return dialog;
    }

    // Deletes an open dialog: its finished() reaches no one (its owner is going away).
    void destroy() { delete m_dialog.data(); }

    // Null (a question answered at once, by a test) is ignored.
    T *track(T *dialog)
    {
        if (!dialog)
            return nullptr;
        m_dialog = dialog;
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(dialog, &QDialog::finished, dialog, [this, dialog] {
            if (m_dialog == dialog)
                m_dialog.clear();
        });
        return dialog;
    }

private:
    QPointer<T> m_dialog;
};

} // namespace Keyward
