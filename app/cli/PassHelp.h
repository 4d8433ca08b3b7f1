#pragma once

#include <QtGlobal>

#include <cstddef>

namespace Keyward {
class SqlKeyStore;
class VerifierCache;
} // namespace Keyward

namespace Keyward::Cli {

class TokenLineReader;

// verify --stdin's share in its cache's pass (VerifierCache::helpFill). A key the pass has not
// reached is looked up on its own at about three times the cost of a scanned row, so with more
// lines waiting than keys left to read, the verifying threads read ranges of the pass too (the
// filler reads the others meanwhile) before they answer on. Without that much input known to be
// waiting (a co-process, a pipe that holds only its buffer's worth, a socket) they answer at
// once.
class PassHelp
{
public:
    // cache: null when the verifier has none (nothing is ever due).
    PassHelp(VerifierCache *cache, const TokenLineReader &reader);

    // After `lines` lines in all: whether to read ranges of the pass now. Asks the reader at
    // most once every kCheckEveryLines lines (system calls), and only while the pass has ranges
    // nobody claimed.
    bool due(qint64 lines);
    // Reads ranges of the pass on a verifying thread's connection (any thread's: the cache is
    // shared).
    void help(SqlKeyStore &store) const;

    static constexpr qint64 kCheckEveryLines = 4096;
    static constexpr std::size_t kLineBytes = 64; // a key and its newline, with room to spare

private:
    VerifierCache *m_cache;
    const TokenLineReader &m_reader;
    qint64 m_nextCheck = 0;
};

} // namespace Keyward::Cli
