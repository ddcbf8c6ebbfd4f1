// util: time stamps as winnow writes them everywhere (state file, fixtures, WARC-Date):
// ISO 8601 in UTC to the second, "2026-11-21T19:40:00Z".
#pragma once

#include <chrono>
#include <string>

namespace winnow {

std::string utc_timestamp(std::chrono::system_clock::time_point when);

inline std::string utc_now() { return utc_timestamp(std::chrono::system_clock::now()); }

}  // namespace winnow
