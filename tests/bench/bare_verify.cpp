// The bare C++ loop bench_cli_pipeline measures keywardctl against: read a token per line, SHA-256
// it (Botan), one prepared sqlite3 SELECT on the hash, print whether it exists. No checksum, no
// key state, no limits, no usage recording, no JSON: the least work that still answers.
//
//     keyward_bare_verify VAULT < tokens > answers
#include <botan/hash.h>
#include <sqlite3.h>

#include <cstdio>
#include <cstring>
#include <memory>

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: keyward_bare_verify VAULT < tokens\n");
        return 2;
    }
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "cannot open %s\n", argv[1]);
        return 3;
    }
    sqlite3_stmt *find = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM key_secrets WHERE hash = ?", -1, &find, nullptr)
        != SQLITE_OK) {
        std::fprintf(stderr, "%s\n", sqlite3_errmsg(db));
        return 3;
    }
    const std::unique_ptr<Botan::HashFunction> sha =
        Botan::HashFunction::create_or_throw("SHA-256");
    std::uint8_t digest[32];
    static char line[4096];
    while (std::fgets(line, sizeof line, stdin)) {
        std::size_t size = std::strlen(line);
        while (size > 0
               && (line[size - 1] == '\n' || line[size - 1] == '\r' || line[size - 1] == ' '))
            --size;
        sha->update(reinterpret_cast<const std::uint8_t *>(line), size);
        sha->final(digest);
        sqlite3_bind_blob(find, 1, digest, sizeof digest, SQLITE_STATIC);
        const bool found = sqlite3_step(find) == SQLITE_ROW;
        sqlite3_reset(find);
        std::fputs(found ? "{\"valid\":true}\n" : "{\"valid\":false}\n", stdout);
    }
    sqlite3_finalize(find);
    sqlite3_close(db);
    return 0;
}
