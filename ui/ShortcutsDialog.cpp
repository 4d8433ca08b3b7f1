#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Keyward {

namespace {

// The actions of a menu and its submenus that have a shortcut, in menu order.
void collectShortcuts(const QMenu *menu, QList<QAction *> &into)
{
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (action->menu())
            collectShortcuts(action->menu(), into);
        else if (!action->isSeparator() && !action->shortcuts().isEmpty())
            into.append(action);
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menuBar, const QList<QAction *> &extra,
                                 QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("shortcutsTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_tree->setRootIsDecorated(false);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);

    const QList<QAction *> menus = menuBar->actions();
    for (const QAction *menuAction : menus) {
        if (!menuAction->menu())
            continue;
        QList<QAction *> actions;
        collectShortcuts(menuAction->menu(), actions);
        addGroup(plainText(menuAction), actions);
    }
    QList<QAction *> other;
    for (QAction *action : extra) {
        if (!action->shortcuts().isEmpty())
            other.append(action);
    }
    addGroup(tr("Other"), other);
    m_tree->expandAll();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("buttonBox"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(qMax(480, fontMetrics().averageCharWidth() * 64), 520);
}

void ShortcutsDialog::addGroup(const QString &title, const QList<QAction *> &actions)
{
    if (actions.isEmpty())
        return;
    auto *group = new QTreeWidgetItem(m_tree, {title});
    group->setFirstColumnSpanned(true);
    QFont bold = m_tree->font();
    bold.setBold(true);
    group->setFont(0, bold);
    for (const QAction *action : actions) {
        QStringList keys;
        const QList<QKeySequence> shortcuts = action->shortcuts();
        for (const QKeySequence &shortcut : shortcuts)
            keys << shortcut.toString(QKeySequence::NativeText);
        auto *item = new QTreeWidgetItem(group, {plainText(action), keys.join(tr(", "))});
        item->setToolTip(0, action->statusTip());
    }
}

QString ShortcutsDialog::plainText(const QAction *action)
{
    QString text = action->text();
    // "&&" is a literal ampersand; a single "&" marks the accelerator.
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    else if (text.endsWith(QStringLiteral("...")))
        text.chop(3);
    return text.trimmed();
}

} // namespace Keyward
