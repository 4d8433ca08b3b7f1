#pragma once

#include <QByteArray>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <initializer_list>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

namespace Keyward::Verifyd {

// Deadlines per connection, kept by one thread that looks a few times per deadline:
// - idle: a connection that has not begun a request (no request line yet) for idleMs since it
//   opened or answered the one before is closed, silently;
// - request: a request must arrive whole (head and body) within requestMs of its request line,
//   or is answered 408 and closed;
// - sending: an answer not sent within idleMs of being queued (a client that does not read,
//   with requests pipelined until the socket's buffers are full) closes the connection, silently.
// A request being answered (verified) is never cut off: its answer may be on its way. Nor is any
// other connection of the same thread while that lasts (the thread serves many, one at a time):
// their clocks stop meanwhile, or a slow verification would cost its neighbours their finished
// answers (found by a review).
// libmicrohttpd's own timeout counts only silence, so a client sending a header line now and then
// held its connection for as long as it liked, a thousand such clients took every connection, and
// a request that stopped half-way was closed without an answer (found by a review). Its timeout
// stays on as a backstop (backstopSeconds()), long enough not to come first.
//
// A connection's thread and this one race for each request: claimAnswer() before an answer is
// made is a compare-and-swap on the same word as the 408's, phase and time together, so exactly
// one of them answers, and a deadline read for one request never lands on the next.
class RequestDeadlines
{
public:
    // One per connection, registered while it is open.
    struct Entry
    {
        std::atomic<quint64> state {0}; // the phase, and when it began (pack())
        int fd = -1;
        std::thread::id thread; // the libmicrohttpd thread serving it (the one that opened it)
    };

    // answer: the 408's bytes (a whole HTTP/1.1 response), asked once per request timed out.
    RequestDeadlines(int idleMs, int requestMs, std::function<QByteArray()> answer);
    ~RequestDeadlines();
    RequestDeadlines(const RequestDeadlines &) = delete;
    RequestDeadlines &operator=(const RequestDeadlines &) = delete;

    void start();
    void stop();

    // libmicrohttpd's own timeout (silence only), in seconds: after every deadline here and
    // this thread's lateness, so that it never ends a request before its 408.
    static int backstopSeconds(int idleS, int requestS);

    // From the connection's thread. closed() must come before the socket is closed (libmicrohttpd
    // reports a closed connection first), so this thread never touches a reused descriptor.
    void opened(Entry &entry, int fd);
    void closed(Entry &entry);
    // Its request line arrived: the request's deadline starts.
    void begun(Entry &entry);
    // The request is complete and about to be answered; false when it timed out already: then
    // the connection is closing (after its 408, if it was receiving; this waits until that is
    // sent), answer nothing.
    bool claimAnswer(Entry &entry);
    // The answer is queued: it must be sent within idleMs.
    void queued(Entry &entry);
    // The answer was sent: idle until the next request line.
    void answered(Entry &entry);

private:
    enum Phase : quint64 { Idle, Receiving, Answering, Sending, TimedOut };
    static quint64 pack(Phase phase, qint64 sinceMs) { return quint64(sinceMs) << 3 | phase; }
    static Phase phaseOf(quint64 state) { return Phase(state & 7); }
    static qint64 sinceOf(quint64 state) { return qint64(state >> 3); }
    static qint64 nowMs();
    // Moves entry from a phase in `from` to `to` (its time now); the state it left, or 0.
    static quint64 move(Entry &entry, std::initializer_list<Phase> from, Phase to);
    void run();
    // The threads busy making an answer for longer than a moment.
    std::vector<std::thread::id> busyThreads(qint64 now) const;
    // Ends the connection if it is still as `seen` (with a 408 when it was receiving).
    void expire(Entry &entry, quint64 seen);

    const int m_idleMs;
    const int m_requestMs;
    const std::function<QByteArray()> m_answer;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::unordered_set<Entry *> m_entries;
    std::thread m_thread;
};

} // namespace Keyward::Verifyd
