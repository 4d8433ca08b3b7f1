#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "crypto/KeyToken.h"

namespace Keyward::Cli {

// Reads tokens line by line from a file descriptor for `verify --stdin`: large reads into a
// buffer instead of one read() per byte, and every buffer wiped when done, since the lines are
// secrets. A line longer than maxLineBytes comes back as its first maxLineBytes + 1 bytes: still
// longer than the limit, so KeyToken::parse (whose limit is the default) answers it Malformed
// whatever follows, instead of trimming a cut "key + spaces" down to a valid key.
class TokenLineReader
{
public:
    explicit TokenLineReader(int fd, std::size_t maxLineBytes = KeyToken::kMaxInputBytes);
    ~TokenLineReader();
    TokenLineReader(const TokenLineReader &) = delete;
    TokenLineReader &operator=(const TokenLineReader &) = delete;

    // The next line without its "\n" (or "\r\n"); false at the end of the input. The bytes stay
    // valid until the next call. A last line without a newline still counts.
    bool next(const char *&data, std::size_t &size);
    bool hadReadError() const { return m_readError; }
    // Bytes of input known to be waiting: buffered here, left in a regular file, or queued in a
    // pipe (only what its buffer holds: a producer's pace is unknown). Nothing more for a
    // socket or a terminal: a client there waits for each answer.
    std::size_t bytesAhead() const;
    // Called before a read that would wait because no input is available right now: the moment
    // to write out answers held back, so that a co-process sending one line and waiting for its
    // answer gets it while a fast producer still gets large writes.
    void setWaitHandler(std::function<void()> handler) { m_onWait = std::move(handler); }

private:
    bool fill();
    bool inputWaiting() const;
    void waitReadable() const; // blocks until read() has something to say

    int m_fd;
    std::size_t m_maxLine;
    std::vector<char> m_buffer;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    std::vector<char> m_line;
    bool m_eof = false;
    bool m_readError = false;
    std::function<void()> m_onWait;
};

} // namespace Keyward::Cli
