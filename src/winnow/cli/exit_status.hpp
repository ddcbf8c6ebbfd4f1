// cli: the exit statuses of every command, documented in the README ("Exit statuses"). Library
// errors become statuses here, once: every command maps an Error it cannot go on from with
// exit_status_for(); a batch (clean, run, fixtures) that goes on past a failed input exits
// k_exit_some_failed at the end instead.
#pragma once

#include "winnow/util/result.hpp"

namespace winnow::cli {

enum ExitStatus : int {
    k_exit_ok = 0,             // everything succeeded
    k_exit_some_failed = 1,    // some inputs (or URLs, or fixtures, or profiles) failed, or a file could not be
                               // read or written; the rest was done
    k_exit_usage = 2,          // bad command line or configuration: nothing was done
    k_exit_locked = 3,         // `run`: another run holds the state file's lock
    k_exit_state = 4,          // `run`, `state`: the state file (or its lock) cannot be used: unreadable, damaged,
                               // not a winnow state file, or a symlink; nothing was fetched or changed
    k_exit_internal = 70,      // an internal error (a bug, or out of memory): sysexits.h's EX_SOFTWARE
    k_exit_interrupted = 130,  // stopped by SIGINT or SIGTERM after saving what was done
};

// The status of a command that stops on `kind`.
constexpr int exit_status_for(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::usage:
        case ErrorKind::config: return k_exit_usage;
        case ErrorKind::busy: return k_exit_locked;
        case ErrorKind::state: return k_exit_state;
        case ErrorKind::interrupted: return k_exit_interrupted;
        case ErrorKind::internal: return k_exit_internal;
        case ErrorKind::not_found:
        case ErrorKind::io:
        case ErrorKind::bad_input:
        case ErrorKind::too_large:
        case ErrorKind::network: return k_exit_some_failed;
    }
    return k_exit_internal;
}

constexpr int exit_status_for(const Error& error) { return exit_status_for(error.kind); }

}  // namespace winnow::cli
