#pragma once

#include "ChangeSource.h"

namespace Keyward {

class KeyStore;

// The store's change counter (vault_meta.change_seq), which every configuration change bumps in
// its own transaction, whichever process or connection made it. Works for both engines; on
// SQLite one indexed read of a page that is nearly always cached.
//
// Why not SQLite's PRAGMA data_version alone: it does not move for changes made on the same
// connection (a GUI that verifies and revokes through one store), and it does move for every
// usage write of every other verifier process, which would empty the cache every few seconds
// for nothing.
class StoreChangeSource final : public ChangeSource
{
public:
    explicit StoreChangeSource(KeyStore &store);
    Result<qint64> currentStamp() override;

private:
    KeyStore &m_store;
};

} // namespace Keyward
