#include "TokenLineReader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Keyward::Cli {

namespace {

constexpr std::size_t kChunk = 64 * 1024;

void wipe(std::vector<char> &bytes)
{
    // explicit_bzero: a plain memset before freeing may be optimised away.
    if (!bytes.empty())
        explicit_bzero(bytes.data(), bytes.size());
}

} // namespace

TokenLineReader::TokenLineReader(int fd, std::size_t maxLineBytes)
    : m_fd(fd)
    , m_maxLine(std::max<std::size_t>(1, maxLineBytes))
    , m_buffer(kChunk)
{
    m_line.reserve(m_maxLine + 1);
}

TokenLineReader::~TokenLineReader()
{
    wipe(m_buffer);
    m_line.resize(m_line.capacity());
    wipe(m_line);
}

bool TokenLineReader::inputWaiting() const
{
    pollfd entry {m_fd, POLLIN, 0};
    // Data, end of input and errors all make read() return at once; only "nothing" (0) blocks.
    // A signal is not input: asked again, or held-back answers would wait for the next line.
    int ready = 0;
    do {
        ready = ::poll(&entry, 1, 0);
    } while (ready < 0 && errno == EINTR);
    return ready != 0;
}

std::size_t TokenLineReader::bytesAhead() const
{
    std::size_t ahead = m_end - m_begin;
    struct stat status
    {
    };
    if (::fstat(m_fd, &status) != 0)
        return ahead;
    if (S_ISREG(status.st_mode)) {
        const off_t at = ::lseek(m_fd, 0, SEEK_CUR);
        if (at >= 0 && status.st_size > at)
            ahead += std::size_t(status.st_size - at);
    } else if (int queued = 0;
               S_ISFIFO(status.st_mode) && ::ioctl(m_fd, FIONREAD, &queued) == 0 && queued > 0) {
        ahead += std::size_t(queued);
    }
    return ahead;
}

void TokenLineReader::waitReadable() const
{
    pollfd entry {m_fd, POLLIN, 0};
    while (::poll(&entry, 1, -1) < 0 && errno == EINTR) { }
}

bool TokenLineReader::fill()
{
    if (m_eof)
        return false;
    if (m_onWait && !inputWaiting())
        m_onWait();
    for (;;) {
        const ssize_t got = ::read(m_fd, m_buffer.data(), m_buffer.size());
        if (got < 0 && errno == EINTR)
            continue;
        // A non-blocking descriptor (stdin can inherit O_NONBLOCK from whoever shares it): no
        // input yet is not the end of it.
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            waitReadable();
            continue;
        }
        if (got <= 0) {
            m_readError = got < 0;
            m_eof = true;
            return false;
        }
        m_begin = 0;
        m_end = std::size_t(got);
        return true;
    }
}

bool TokenLineReader::next(const char *&data, std::size_t &size)
{
    std::fill(m_line.begin(), m_line.end(), '\0');
    m_line.clear();
    bool sawAnything = false;
    bool dropped = false; // bytes beyond the kept ones
    const std::size_t keep = m_maxLine + 1; // one more than allowed marks a line as too long
    for (;;) {
        if (m_begin == m_end && !fill())
            break;
        sawAnything = true;
        const char *start = m_buffer.data() + m_begin;
        const char *stop = m_buffer.data() + m_end;
        const char *newline = static_cast<const char *>(std::memchr(start, '\n', stop - start));
        const char *lineEnd = newline ? newline : stop;
        const std::size_t room = keep - m_line.size();
        const std::size_t taken = std::min<std::size_t>(room, lineEnd - start);
        m_line.insert(m_line.end(), start, start + taken);
        dropped = dropped || taken < std::size_t(lineEnd - start);
        // Wipe what has been consumed: the buffer is reused, but need not keep old secrets.
        const std::size_t consumed = std::size_t(lineEnd - start) + (newline ? 1 : 0);
        explicit_bzero(m_buffer.data() + m_begin, consumed);
        m_begin += consumed;
        if (newline)
            break;
    }
    if (!sawAnything)
        return false;
    // A "\r" is the line end only when nothing followed it; otherwise the line stays too long.
    if (!dropped && !m_line.empty() && m_line.back() == '\r')
        m_line.pop_back();
    data = m_line.data();
    size = m_line.size();
    return true;
}

} // namespace Keyward::Cli
