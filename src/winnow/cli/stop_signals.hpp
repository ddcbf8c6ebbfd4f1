// cli: SIGINT and SIGTERM as a request to stop, for the commands that work through a batch
// (`run`, `clean`): the first signal sets a flag the command checks between items, so that what
// is done is kept (committed, or a whole output file) and nothing is left half-written; the
// handler is then reset, so a second signal ends the process at once.
#pragma once

#include <atomic>

namespace winnow::cli {

// Set by the handlers (a signal handler can only reach a global).
extern std::atomic<bool> g_stop_requested;

void install_stop_handlers();

}  // namespace winnow::cli
