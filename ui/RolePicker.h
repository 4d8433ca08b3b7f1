#pragma once

#include "core/Role.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace Keyward {

// A role combo box that says under it, in one line, what the chosen role may do.
class RolePicker : public QWidget
{
    Q_OBJECT
public:
    explicit RolePicker(QWidget *parent = nullptr);

    Role role() const;
    void setRole(Role role);
    QComboBox *comboBox() const { return m_combo; }

Q_SIGNALS:
    void roleChanged(Keyward::Role role);

private:
    QComboBox *m_combo = nullptr;
    QLabel *m_description = nullptr;
};

} // namespace Keyward
