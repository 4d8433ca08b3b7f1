#include "RequestDeadlines.h"

#include <sys/socket.h>

#include <algorithm>
#include <chrono>

namespace Keyward::Verifyd {

RequestDeadlines::RequestDeadlines(int idleMs, int requestMs, std::function<QByteArray()> answer)
    : m_idleMs(idleMs)
    , m_requestMs(requestMs)
    , m_answer(std::move(answer))
{ }

RequestDeadlines::~RequestDeadlines()
{
    stop();
}

void RequestDeadlines::start()
{
    m_thread = std::thread([this] { run(); });
}

void RequestDeadlines::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

qint64 RequestDeadlines::nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void RequestDeadlines::opened(Entry &entry, int fd)
{
    entry.fd = fd;
    entry.phase.store(Idle);
    entry.sinceMs.store(nowMs());
    const std::lock_guard lock(m_mutex);
    m_entries.insert(&entry);
}

void RequestDeadlines::closed(Entry &entry)
{
    const std::lock_guard lock(m_mutex);
    m_entries.erase(&entry);
}

void RequestDeadlines::begun(Entry &entry)
{
    entry.sinceMs.store(nowMs());
    int idle = Idle;
    entry.phase.compare_exchange_strong(idle, Receiving);
}

bool RequestDeadlines::claimAnswer(Entry &entry)
{
    int phase = entry.phase.load();
    while (phase == Idle || phase == Receiving) {
        if (entry.phase.compare_exchange_strong(phase, Answering)) {
            entry.sinceMs.store(nowMs());
            return true;
        }
    }
    if (phase == Answering)
        return true; // claimed already for this request
    // Lost to expire(), which sends the 408 under the lock: once it is out, libmicrohttpd may
    // close (its shutdown before the 408 was written lost it; found by a review).
    const std::lock_guard lock(m_mutex);
    return false;
}

int RequestDeadlines::backstopSeconds(int idleS, int requestS)
{
    const int longest = std::max(idleS, requestS);
    return longest + longest / 4 + 2;
}

void RequestDeadlines::answered(Entry &entry)
{
    entry.sinceMs.store(nowMs());
    int answering = Answering;
    entry.phase.compare_exchange_strong(answering, Idle);
}

void RequestDeadlines::expire(Entry &entry, int from)
{
    if (!entry.phase.compare_exchange_strong(from, TimedOut))
        return; // it moved on meanwhile
    // The connection's thread is not writing (it has not claimed an answer, and cannot now):
    // the 408 goes out whole before the socket is shut, and libmicrohttpd, reading the end of
    // the stream, closes the connection on its own thread. A client still sending may see the
    // close as a reset before it reads the 408; the connection is freed either way.
    if (from == Receiving) {
        const QByteArray bytes = m_answer();
        ::send(entry.fd, bytes.constData(), std::size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
    }
    ::shutdown(entry.fd, SHUT_RDWR);
}

void RequestDeadlines::run()
{
    // A few looks per deadline: a connection is ended at most a quarter of one late.
    const auto period =
        std::chrono::milliseconds(std::clamp(std::min(m_idleMs, m_requestMs) / 4, 20, 1000));
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, period, [this] { return m_stopping; })) {
        const qint64 now = nowMs();
        for (Entry *entry : m_entries) {
            const int phase = entry->phase.load();
            const qint64 waited = now - entry->sinceMs.load();
            if ((phase == Idle || phase == Answering) && waited > qint64(m_idleMs))
                expire(*entry, phase);
            else if (phase == Receiving && waited > qint64(m_requestMs))
                expire(*entry, Receiving);
        }
    }
}

} // namespace Keyward::Verifyd
