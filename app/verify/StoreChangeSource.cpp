#include "StoreChangeSource.h"

#include "store/KeyStore.h"

namespace Keyward {

StoreChangeSource::StoreChangeSource(KeyStore &store)
    : m_store(store)
{ }

Result<qint64> StoreChangeSource::currentStamp()
{
    return m_store.changeCounter();
}

} // namespace Keyward
