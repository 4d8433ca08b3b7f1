#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

#include <optional>

namespace Keyward {

class BackgroundJob;

// Finds the keys of a vault file whose signature does not hold (VaultIntegrity::tamperedKeys)
// on a thread of its own, through a read-only connection of its own: checking every key's
// signature takes a while in a large vault, and the window's store stays free meanwhile.
// A start() while a check runs is remembered and runs once that one has ended, so the last
// answer always describes the vault as of the last start(). Signatures verified by one check
// are not verified again by the next (VerifiedSignatures::ofProcess(), which the window's own
// look-ups share): after a change only the changed rows cost a verification.
class TamperedKeysCheck : public QObject
{
    Q_OBJECT
public:
    explicit TamperedKeysCheck(QObject *parent = nullptr);
    ~TamperedKeysCheck() override; // waits for a check that runs

    // acceptedRoot: the root key the window's store accepted at open (SqlKeyStore::rootKey()).
    void start(const QString &path, const QByteArray &acceptedRoot);
    // Drops whatever runs or waits: no finished() for it.
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    // Key id -> what is wrong with it (translated); empty: none tampered. Not emitted when the
    // check could not run (the open's and the integrity check's errors say why).
    void finished(const QHash<qint64, QString> &tampered);

private:
    void run();
    void onThreadFinished();

    struct Request
    {
        QString path;
        QByteArray root;
    };
    BackgroundJob *m_thread = nullptr;
    std::optional<Request> m_next;
    bool m_cancelled = false;
    std::optional<QHash<qint64, QString>> m_result; // written by the thread, read after it
    // Used by one check thread at a time (a start() waits for the running one); for one file.
};

} // namespace Keyward
