#pragma once

#include <QLineEdit>

class QAction;

namespace Keyward {

// A line edit for passphrases: hidden input with an eye button to show it while typing.
class PasswordLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit PasswordLineEdit(QWidget *parent = nullptr);

    void setRevealed(bool revealed);
    bool isRevealed() const { return echoMode() == QLineEdit::Normal; }

private:
    QAction *m_toggle = nullptr;
};

} // namespace Keyward
