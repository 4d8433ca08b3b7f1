#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace Keyward {

// How much of a vault file opening it reads to look for damage.
enum class VaultCheck {
    // Every page (PRAGMA quick_check): admin commands and the GUI, which change and show the
    // whole vault, find damage before they touch anything. Takes time in proportion to the file.
    WholeFile,
    // The header, size and schema version only: for verifiers (`keywardctl verify`, the server),
    // whose start-up must not grow with the vault. SQLite still reports the damage it meets on
    // the pages a look-up reads, as an error (quick_check would not catch a wrong value either).
    Header,
};

// Checks on a vault file made with plain reads, before SQLite touches it, so that a file that
// is not a vault or is empty is refused without being modified. Damage is SQLite's to judge
// (under its locks); damageDetail() only explains it once SQLite has reported it.
class VaultFile
{
    Q_DECLARE_TR_FUNCTIONS(VaultFile)
public:
    // PRAGMA application_id of every Keyward vault ("KWRD").
    static constexpr qint32 kApplicationId = 0x4B575244;

    static QString defaultPath(); // $XDG_DATA_HOME/keyward/vault.keyward
    static Result<void> inspect(const QString &path);
    // What plain reads tell about damage SQLite reported: "truncated", or empty. Without
    // SQLite's verdict this means nothing: a checkpoint in another process can be caught
    // half-way (page 1 written, the file not yet grown).
    static QString damageDetail(const QString &path);
    // After a refused open: removes the -wal and -shm files the refused connection created
    // (those that did not exist before it), unless another process has the vault open or the
    // -wal holds anything. Never call it while this process has the vault open.
    static void removeLeftovers(const QString &path, bool walExisted, bool shmExisted);
    // Creates an empty file with mode 0600 (and its folder with 0700); refuses to overwrite.
    static Result<void> createEmpty(const QString &path);
};

} // namespace Keyward
