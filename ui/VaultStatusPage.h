#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace Keyward {

// What the window shows instead of the keys while no member is signed in: the vault is locked
// (Unlock…), is being opened (a large one is checked first), could not be opened (the store's
// reason, Open Another / New Vault), or none is open.
class VaultStatusPage : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Locked, Opening, Error, NoVault };

    explicit VaultStatusPage(QWidget *parent = nullptr);

    void showLocked(const QString &path);
    void showOpening(const QString &path);
    void showError(const QString &path, const QString &message);
    void showNoVault();

    Mode mode() const { return m_mode; }
    QString message() const;
    // What Enter does where no button has the focus: Unlock when locked, else Open.
    QPushButton *primaryButton() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;

Q_SIGNALS:
    void unlockRequested();
    void openAnotherRequested();
    void newVaultRequested();

private:
    // The page in one of its modes: the Unlock button only when Locked, the busy bar only while
    // Opening. picture: an icon name (Icons::resourcePath).
    void present(Mode mode, const char *picture, const QString &title, const QString &message);
    // The page is driven from the keyboard (Ctrl+L, then Enter): the primary button takes the
    // focus, visibly, so Enter and Space both do what the focused button says.
    void focusPrimary();

    Mode m_mode = Mode::NoVault;
    QLabel *m_picture = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QProgressBar *m_busy = nullptr; // while Opening
    QPushButton *m_unlock = nullptr;
    QPushButton *m_openAnother = nullptr;
    QPushButton *m_newVault = nullptr;
};

} // namespace Keyward
