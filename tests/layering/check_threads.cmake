# Threads that end before the process does: run as `cmake -DSOURCE_DIR=<root> -P check_threads.cmake`.
# Qt 6.4 detaches the threads of QThread and QThreadPool, so their wait() returns before the
# thread's thread-local destructors have run. A thread that used libpq has OpenSSL state that
# OpenSSL frees both in such a destructor and in its exit handler: a process exiting right after
# the wait can free it twice (CI's AddressSanitizer caught keywardctl's usage writer doing so).
# Work goes on joined threads instead: std::thread, or ui/BackgroundJob in the window.
cmake_minimum_required(VERSION 3.25)
if(NOT SOURCE_DIR)
    message(FATAL_ERROR "SOURCE_DIR is not set")
endif()
set(thread_regex "QThread::create|QThreadPool|QtConcurrent|new[ \t]+QThread|moveToThread|public[ \t]+QThread([^A-Za-z0-9_]|$)")
set(problems "")
file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/app/*.h ${SOURCE_DIR}/app/*.cpp
    ${SOURCE_DIR}/ui/*.h ${SOURCE_DIR}/ui/*.cpp)
foreach(source ${sources})
    file(STRINGS ${SOURCE_DIR}/${source} lines)
    foreach(line ${lines})
        # Comments may name what is not used, and why.
        if(line MATCHES "^[ \t]*//")
            continue()
        endif()
        if(line MATCHES "${thread_regex}")
            string(STRIP "${line}" line)
            list(APPEND problems "${source}: ${line}")
        endif()
    endforeach()
endforeach()
if(problems)
    list(JOIN problems "\n  " text)
    message(FATAL_ERROR "Detached Qt threads (use std::thread or BackgroundJob):\n  ${text}")
endif()
list(LENGTH sources source_count)
message(STATUS "Thread rule holds: ${source_count} sources")
