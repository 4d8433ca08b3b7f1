#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QMenuBar;
class QTreeWidget;

namespace Keyward {

// Help › Keyboard Shortcuts: every shortcut the window answers to, read from the QActions of the
// menu bar (and a few that live on a widget, like Esc in the search box) when the dialog opens,
// so the list can never disagree with what the keys really do.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    // extra: actions with a shortcut that no menu shows, listed under "Other".
    ShortcutsDialog(const QMenuBar *menuBar, const QList<QAction *> &extra,
                    QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }
    // "Find…" → "Find": the action's name as a sentence, without accelerator or ellipsis.
    static QString plainText(const QAction *action);

private:
    void addGroup(const QString &title, const QList<QAction *> &actions);

    QTreeWidget *m_tree = nullptr;
};

} // namespace Keyward
