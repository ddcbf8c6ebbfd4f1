// util: knows nothing of web pages. Result and Error are how every library function reports
// failure; the command layer turns an Error into a message and an exit status.
#pragma once

#include <expected>
#include <string>
#include <utility>

namespace winnow {

// What went wrong, coarsely: the command layer maps kinds to exit statuses and the JSON
// `error` field; the message says the rest in words.
enum class ErrorKind {
    usage,         // the caller asked for something that makes no sense
    not_found,     // a file or folder that is not there
    io,            // reading or writing failed
    bad_input,     // the input is not something winnow can clean (binary, empty, no text)
    too_large,     // over the size limit
    network,       // dns, connect, timeout, http status
    config,        // a configuration or profile file is wrong
    busy,          // a lock is held by another process
    state,         // a state file (`winnow run`) that cannot be used: unreadable, damaged, not winnow's
    interrupted,   // stopped by a signal
    internal,      // a bug: should never be seen
};

struct Error {
    ErrorKind kind = ErrorKind::internal;
    std::string message;
};

template <class T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorKind kind, std::string message) {
    return std::unexpected<Error>(Error{kind, std::move(message)});
}

}  // namespace winnow
