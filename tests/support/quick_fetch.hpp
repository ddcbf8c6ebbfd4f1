// Test support: fetcher options for tests against the local test server: no per-host delay, no
// robots.txt, short timeouts and back-off, so that a whole test file runs in seconds. The
// address check stays on (the server is on loopback): a test that is not about it turns it off.
#pragma once

#include <chrono>

#include "winnow/fetch/fetcher.hpp"

namespace winnow::test {

inline fetch::FetchOptions quick_fetch_options() {
    using namespace std::chrono_literals;
    fetch::FetchOptions o;
    o.host_delay = 0ms;
    o.robots = false;
    o.connect_timeout = 2000ms;
    o.total_timeout = 5000ms;
    o.retry_base = 20ms;
    o.low_speed_time = 1000ms;
    o.stop_grace = 1000ms;
    return o;
}

}  // namespace winnow::test
