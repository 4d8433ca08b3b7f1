#pragma once

#include <QWidget>

class QAction;
class QLabel;

namespace Keyward {

// What the key table's place shows in a vault without keys: what a key is for, and the
// Generate action as a button (with why it is disabled, when it is).
class EmptyKeysPage : public QWidget
{
    Q_OBJECT
public:
    explicit EmptyKeysPage(QWidget *parent = nullptr);

    void setGenerateAction(QAction *action);

private:
    void updateHint();

    QAction *m_generate = nullptr;
    QLabel *m_hint = nullptr;
};

// What the key table's place shows when keys exist but the search and filters hide them all.
class NoMatchingKeysPage : public QWidget
{
    Q_OBJECT
public:
    explicit NoMatchingKeysPage(QWidget *parent = nullptr);

Q_SIGNALS:
    void clearFiltersRequested();
};

} // namespace Keyward
