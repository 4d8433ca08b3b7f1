#pragma once

#include "core/Result.h"

#include <QMutex>

#include <optional>

namespace Keyward {

// Damage a store's look-up found (SecretIndexCheck), shared with every connection working for
// that store: the usage writer writes from a thread and a connection of its own, and must not
// write into a file a look-up has just found damaged. The first damage found is kept.
class DamageFlag
{
public:
    void set(const Error &damage)
    {
        QMutexLocker lock(&m_mutex);
        if (!m_damage)
            m_damage = damage;
    }
    std::optional<Error> damage() const
    {
        QMutexLocker lock(&m_mutex);
        return m_damage;
    }

private:
    mutable QMutex m_mutex;
    std::optional<Error> m_damage;
};

} // namespace Keyward
