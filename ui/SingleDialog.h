#pragma once

#include <QDialog>
#include <QPointer>

namespace Keyward {

// At most one dialog of a kind: raise() brings an open one forward; track() takes a new one,
// deleted on close and forgotten as soon as it finishes (deletion is deferred, and a dialog
// that has closed must not be raised again).
template<typename T>
class SingleDialog
{
public:
    T *get() const { return m_dialog; }
    T *operator->() const { return m_dialog; }
    explicit operator bool() const { return !m_dialog.isNull(); }

    // True, and the dialog raised, when one is open.
    bool raise() const
    {
        if (!m_dialog)
            return false;
        m_dialog->raise();
        m_dialog->activateWindow();
        return true;
    }

    T *track(T *dialog)
    {
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
