// `verify --stdin`'s line reader, fed through a SOCK_SEQPACKET socket so that every read() ends
// where the input says (a deterministic stand-in for a pipe's partial reads). Its lines are
// compared with a model of the documented behaviour, then parsed as keys, as verify does.
#include "FuzzSupport.h"
#include "cli/TokenLineReader.h"
#include "crypto/KeyToken.h"

#include <algorithm>
#include <string>
#include <vector>

#include <sys/socket.h>
#include <unistd.h>

namespace {

// The lines the reader should return: split at '\n' (a last line without one counts); a line
// longer than maxLine + 1 bytes is cut to maxLine + 1 (still too long, so it parses as
// Malformed), any other loses one trailing '\r'.
std::vector<std::string> modelLines(const std::string &input, std::size_t maxLine)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < input.size()) {
        std::size_t end = input.find('\n', start);
        const bool lastWithoutNewline = end == std::string::npos;
        if (lastWithoutNewline)
            end = input.size();
        std::string line = input.substr(start, end - start);
        if (line.size() > maxLine + 1)
            line.resize(maxLine + 1);
        else if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Keyward::Fuzz::ensureApplication();
    return 0;
}

// Input: [maxLine byte][chunk count byte][chunk sizes...] then the text.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    // One read() takes at most 64 KiB, and a larger datagram would be cut.
    if (size < 2 || size > 60000)
        return 0;
    const std::size_t maxLine = 1 + bytes[0] % 64;
    std::size_t chunkCount = bytes[1] % 16;
    std::size_t pos = 2;
    std::vector<std::size_t> chunks;
    for (; chunkCount > 0 && pos < size; --chunkCount, ++pos)
        chunks.push_back(1 + bytes[pos] % 32);
    const std::string input(reinterpret_cast<const char *>(bytes) + pos, size - pos);

    int fds[2];
    FUZZ_CHECK(::socketpair(AF_UNIX, SOCK_SEQPACKET, 0, fds) == 0);
    // Every message is queued before reading starts; the input is at most libFuzzer's -max_len.
    std::size_t sent = 0;
    for (std::size_t i = 0; sent < input.size(); ++i) {
        const std::size_t piece =
            i < chunks.size() ? std::min(chunks[i], input.size() - sent) : input.size() - sent;
        FUZZ_CHECK(::send(fds[1], input.data() + sent, piece, 0) == ssize_t(piece));
        sent += piece;
    }
    ::close(fds[1]);

    std::vector<std::string> lines;
    {
        Keyward::Cli::TokenLineReader reader(fds[0], maxLine);
        int waits = 0;
        reader.setWaitHandler([&waits] { ++waits; });
        const char *data = nullptr;
        std::size_t length = 0;
        while (reader.next(data, length)) {
            FUZZ_CHECK(length <= maxLine + 1);
            FUZZ_CHECK(std::find(data, data + length, '\n') == data + length);
            lines.emplace_back(data, length);
            // What verify does with each line.
            Keyward::KeyToken::parse(data, length, QStringLiteral("kw"));
        }
        FUZZ_CHECK(!reader.hadReadError());
        FUZZ_CHECK(!reader.next(data, length)); // the end stays the end
    }
    ::close(fds[0]);
    FUZZ_CHECK(lines == modelLines(input, maxLine));
    return 0;
}
