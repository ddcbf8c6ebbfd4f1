// cli: the exit statuses of every command, documented in the README. Library errors become
// these here, once.
#pragma once

#include "winnow/util/result.hpp"

namespace winnow::cli {

enum ExitStatus : int {
    k_exit_ok = 0,             // everything succeeded
    k_exit_some_failed = 1,    // some inputs (or URLs, or fixtures, or profiles) failed; the rest was done
    k_exit_usage = 2,          // bad command line or configuration: nothing was done
    k_exit_locked = 3,         // `run`: another run holds the state file's lock
    k_exit_interrupted = 130,  // stopped by SIGINT or SIGTERM after saving what was done
};

}  // namespace winnow::cli
