#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// Shared by the libFuzzer harnesses: a QCoreApplication (Qt SQL, translations and QHostAddress
// expect one) and a check that turns a broken invariant into a crash libFuzzer reports and keeps.
namespace Keyward::Fuzz {

inline void ensureApplication()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "keyward_fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
}

[[noreturn]] inline void fail(const char *what, const char *file, int line)
{
    std::fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
    std::abort();
}

inline QString utf8(const uint8_t *data, size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace Keyward::Fuzz

#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ::Keyward::Fuzz::fail(#condition, __FILE__, __LINE__);                                 \
    } while (false)
