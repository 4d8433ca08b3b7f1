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
    entry.thread = std::this_thread::get_id();
    entry.state.store(pack(Idle, nowMs()));
    const std::lock_guard lock(m_mutex);
    m_entries.insert(&entry);
}

void RequestDeadlines::closed(Entry &entry)
{
    const std::lock_guard lock(m_mutex);
    m_entries.erase(&entry);
}

quint64 RequestDeadlines::move(Entry &entry, std::initializer_list<Phase> from, Phase to)
{
    quint64 state = entry.state.load();
    while (std::find(from.begin(), from.end(), phaseOf(state)) != from.end()) {
        if (entry.state.compare_exchange_weak(state, pack(to, nowMs())))
            return state;
    }
    return 0;
}

void RequestDeadlines::begun(Entry &entry)
{
    move(entry, {Idle}, Receiving);
}

bool RequestDeadlines::claimAnswer(Entry &entry)
{
    // Sending or Answering would be the request before's, if libmicrohttpd ever reported a new
    // request before the last one's completion: this one's clock starts all the same.
    if (move(entry, {Idle, Receiving, Sending, Answering}, Answering) != 0)
        return true;
    // Lost to expire(), which sends the 408 under the lock: once it is out, libmicrohttpd may
    // close (its shutdown before the 408 was written lost it; found by a review).
    const std::lock_guard lock(m_mutex);
    return false;
}

void RequestDeadlines::queued(Entry &entry)
{
    move(entry, {Answering}, Sending);
}

void RequestDeadlines::answered(Entry &entry)
{
    move(entry, {Answering, Sending}, Idle);
}

void RequestDeadlines::expire(Entry &entry, quint64 seen)
{
    if (!entry.state.compare_exchange_strong(seen, pack(TimedOut, nowMs())))
        return; // it moved on meanwhile
    // The connection's thread is not making an answer and cannot start now. Best effort: the 408 is
    // written if the socket takes it at once (a client that reads has room for it), then the
    // socket is shut and libmicrohttpd, reading the end of the stream, closes the connection on
    // its own thread. A client still sending may see the close as a reset before it reads the
    // 408; the connection is freed either way. (libmicrohttpd writes on its own only for a
    // malformed head or a 100 Continue, both at once when the head arrives, not at a deadline.)
    if (phaseOf(seen) == Receiving) {
        const QByteArray bytes = m_answer();
        ::send(entry.fd, bytes.constData(), std::size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
    }
    ::shutdown(entry.fd, SHUT_RDWR);
}

int RequestDeadlines::backstopSeconds(int idleS, int requestS)
{
    const int longest = std::max(idleS, requestS);
    return longest + longest / 4 + 2;
}

void RequestDeadlines::run()
{
    // A few looks per deadline: a connection is ended at most a quarter of one late.
    const auto period =
        std::chrono::milliseconds(std::clamp(std::min(m_idleMs, m_requestMs) / 4, 20, 1000));
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, period, [this] { return m_stopping; })) {
        const qint64 now = nowMs();
        const std::vector<std::thread::id> busy = busyThreads(now);
        for (Entry *entry : m_entries) {
            quint64 state = entry->state.load();
            const Phase phase = phaseOf(state);
            if (phase == Answering || phase == TimedOut)
                continue;
            if (std::find(busy.begin(), busy.end(), entry->thread) != busy.end()) {
                // Waiting for its thread: the clock starts again once the thread is back.
                entry->state.compare_exchange_strong(state, pack(phase, now));
                continue;
            }
            const qint64 waited = now - sinceOf(state);
            if (((phase == Idle || phase == Sending) && waited > qint64(m_idleMs))
                || (phase == Receiving && waited > qint64(m_requestMs)))
                expire(*entry, state);
        }
    }
}

std::vector<std::thread::id> RequestDeadlines::busyThreads(qint64 now) const
{
    // An answer takes microseconds: one in the making for longer means its thread waits (for a
    // locked vault, a slow server), and every connection of that thread waits with it.
    constexpr qint64 kMomentMs = 20;
    std::vector<std::thread::id> busy;
    for (const Entry *entry : m_entries) {
        const quint64 state = entry->state.load();
        if (phaseOf(state) == Answering && now - sinceOf(state) > kMomentMs
            && std::find(busy.begin(), busy.end(), entry->thread) == busy.end())
            busy.push_back(entry->thread);
    }
    return busy;
}

} // namespace Keyward::Verifyd
