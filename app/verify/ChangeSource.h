#pragma once

#include "core/Result.h"

namespace Keyward {

// Where a verifier cache learns that keys may have changed. Small on purpose, so that other
// engines can plug in their own: a PostgreSQL source can return the counter last delivered by
// LISTEN keyward_changed (store/ChangeWatcher) and answer without a round trip.
class ChangeSource
{
public:
    virtual ~ChangeSource() = default;
    // A value that differs from the previous one whenever a key or secret may have changed since,
    // in any process, this one included. Called at most every checkIntervalMs while verifying.
    virtual Result<qint64> currentStamp() = 0;
};

} // namespace Keyward
