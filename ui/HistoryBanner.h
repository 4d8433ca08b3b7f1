#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace Keyward {

// The strip at the top of the window when a vault's history is not what this computer saw
// last (VaultMemory): entries were deleted or rewritten by someone with access to the file. It
// stays until dismissed, which accepts the history as it is now.
class HistoryBanner : public QFrame
{
    Q_OBJECT
public:
    explicit HistoryBanner(QWidget *parent = nullptr);

    void showProblem(const QString &text);
    // Hides it without asking (another vault, or none).
    void clear();
    bool isShowingProblem() const { return m_showing; }
    QString text() const;

Q_SIGNALS:
    // The user dismissed it: the history as it is now is accepted.
    void dismissed();

private:
    bool m_showing = false;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_dismiss = nullptr;
};

} // namespace Keyward
