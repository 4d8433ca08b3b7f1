#pragma once

#include "core/Member.h"
#include "crypto/SigningKey.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Keyward {

class SecretString;

// A passphrase sign-in in three steps, so that its slow middle (Argon2id, about half a second
// by design) can run off the thread that owns the store: SqlKeyStore::signInChallenge() reads
// what the passphrase is checked against, SignInChallenge::answer() checks it (any thread; no
// store), SqlKeyStore::completeSignIn() signs in and audits the attempt. signIn() is the three.
struct SignInProof
{
    bool passed = false;
    // The member's signing key: unsealed with the passphrase, or made for them (then sealed is
    // its sealed form, for the store to keep).
    std::optional<SigningKey> key;
    QByteArray sealedNewKey;
};

struct SignInChallenge
{
    QString memberName; // as given
    bool server = false; // PostgreSQL: the server authenticated the login, no passphrase
    std::optional<Member> member; // none: no such member (a dummy hash costs the same time)
    QString phc; // the member's passphrase hash (empty: never set one here)
    // The member's sealed signing key, when they have one (keyId 0: none).
    qint64 keyId = 0;
    QByteArray publicKey;
    QByteArray sealedKey;
    // A member without a key gets one at sign-in, sealed with the passphrase.
    bool makesKey = false;

    // The slow step: any thread, touching no store.
    SignInProof answer(const SecretString &passphrase) const;
};

} // namespace Keyward
