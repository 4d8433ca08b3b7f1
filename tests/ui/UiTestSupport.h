#pragma once

#include "VaultFixture.h"
#include "core/ApiKey.h"
#include "core/Clock.h"
#include "crypto/SecretString.h"
#include "store/SqlKeyStore.h"

#include <QApplication>
#include <QMainWindow>
#include <QString>
#include <QVariantList>
#include <QWidget>

#include <memory>

namespace Keyward {

class MainWindow;
class PasswordVault;

namespace UiTest {

inline const QString kOwnerPassphrase = QString::fromLatin1(Testing::kOwnerPassphrase);
inline const QString kMemberPassphrase = QStringLiteral("staple paper clip");

// Points XDG_DATA_HOME/XDG_CONFIG_HOME and QSettings into root, so tests never touch the real
// home directory and VaultFile::defaultPath() lands in the temporary directory.
void isolateUserDirectories(const QString &root);
// libpq reads no password file, service file or PGPASSWORD of the developer's: a password must
// come from the test (root: a directory of the test's own).
void isolatePostgresPasswords(const QString &root);

SecretString secret(const QString &text);

// The suites' vault (tests/common/VaultFixture.h: a real vault file in a temporary directory,
// the Owner "alice" signed in, on a ManualClock) with what the window tests add to it.
class Vault
{
public:
    Vault() = default;
    // startMs: the clock's start (default: the fixture's).
    explicit Vault(qint64 startMs)
        : m_fixture(QStringLiteral("kw"), startMs)
    { }

    bool isValid() const { return m_fixture.store != nullptr; }
    QString path() const { return m_fixture.path; }
    QString directory() const { return m_fixture.dir.path(); }
    SqlKeyStore &store() { return *m_fixture.store; }
    ManualClock &clock() { return m_fixture.clock; }

    // A key created by whoever is signed in; expiresInMs <= 0 means never; no grants: only
    // licenses:read.
    ApiKey createKey(const QString &name, Environment env = Environment::Production,
                     Role role = Role::Developer, const QStringList &grants = {},
                     qint64 expiresInMs = 90 * kDayMs);
    // Adds a member (passphrase kMemberPassphrase).
    Member addMember(const QString &name, Role role);
    // Writes a last use directly, as the verifier's write-behind recorder would.
    void setLastUsed(qint64 keyId, qint64 atMs, const QString &source);

    // Eight keys covering every status and badge: active, expiring soon, grace period,
    // expired, inactive, revoked, flagged (creator demoted), never used. Moves the clock 30
    // days forward so creation times look lived-in. Adds the member "dave".
    void seedVariedKeys();

    // Closes the store's connection so another (the window's) is the only one writing.
    void closeStore() { m_fixture.store.reset(); }

private:
    Testing::VaultFixture m_fixture;
};

// Runs one SQL statement on the vault file through a connection of its own, around Keyward, as
// a compromised service with write access to the file could (the signed-vault tests).
bool rawSql(const QString &path, const QString &sql, const QVariantList &values = {});

// The first visible, not yet destroyed child of type T, or nullptr.
template<typename T>
T *findVisible(const QObject *parent)
{
    const auto children = parent->findChildren<T *>();
    for (T *child : children) {
        if (child->isVisible())
            return child;
    }
    return nullptr;
}

// The texts of the visible, single-line labels below `parent` that are narrower than their
// text needs (cut off), and how many labels were checked.
QStringList cutOffLabels(const QWidget *parent, int *checked = nullptr);

// Menus whose visible entries share an accelerator (two "&R"s in one menu, or two menu titles
// with the same letter): "View: R: Show &Revoked Keys, &Refresh".
QStringList menuAcceleratorClashes(const QMainWindow &window);

// Fills the window's login dialog, presses Unlock and waits for the answer. Returns false if no
// dialog was shown (or no answer came).
bool submitLogin(MainWindow &window, const QString &member, const QString &passphrase);

// Asks the keychain service whether it answers and waits for it (at most 10 s): true when a
// keychain is there to use (tests/ui/with_keychain.sh starts one); otherwise why, in why.
bool keychainAvailable(PasswordVault &keychain, QString *why);

} // namespace UiTest
} // namespace Keyward
