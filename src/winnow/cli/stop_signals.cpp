#include "winnow/cli/stop_signals.hpp"

#include <signal.h>

namespace winnow::cli {

std::atomic<bool> g_stop_requested{false};

namespace {

extern "C" void request_stop(int) { g_stop_requested.store(true); }

}  // namespace

void install_stop_handlers() {
    struct sigaction action {};
    action.sa_handler = request_stop;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

}  // namespace winnow::cli
