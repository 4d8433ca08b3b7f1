#include "PassHelp.h"

#include "TokenLineReader.h"
#include "store/SqlKeyStore.h"
#include "verify/VerifierCache.h"

#include <algorithm>

namespace Keyward::Cli {

PassHelp::PassHelp(VerifierCache *cache, const TokenLineReader &reader)
    : m_cache(cache)
    , m_reader(reader)
{ }

bool PassHelp::due(qint64 lines)
{
    if (!m_cache || lines < m_nextCheck || !m_cache->wantsFillHelp())
        return false;
    m_nextCheck = lines + kCheckEveryLines;
    const qint64 linesAhead = qint64(m_reader.bytesAhead() / kLineBytes);
    return linesAhead >= std::max<qint64>(m_cache->secretsNotCached(), kCheckEveryLines);
}

void PassHelp::help(SqlKeyStore &store) const
{
    // Each range is read in a snapshot of its own, the store's shared one released first
    // (SqlKeyStore::serialForOwnSnapshot). Failed: the keys not read are looked up one at a time,
    // and those look-ups say why.
    (void)m_cache->helpFill(store);
}

} // namespace Keyward::Cli
