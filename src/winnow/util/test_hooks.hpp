// util: fault injection for the tests, compiled in only when the tests are built (CMake option
// WINNOW_TEST_HOOKS, which follows BUILD_TESTING; a packaged build has neither). In other builds
// the hook is an empty inline function and the environment is never read.
#pragma once

#include <string_view>

namespace winnow::test_hooks {

#ifdef WINNOW_TEST_HOOKS
// Throws when the environment variable WINNOW_TEST_THROW is set: std::bad_alloc for "bad_alloc",
// else a std::runtime_error with its value. clean_page calls it after parsing, so that a test can
// show what an exception escaping the library does (one message and exit status 70).
void throw_if_asked();
// Aborts the process (SIGABRT, as a crash would) when the environment variable `variable` is set
// and `subject` contains its value: `winnow run` calls it with WINNOW_TEST_CRASH before cleaning
// each page, and the fetcher with WINNOW_TEST_CRASH_FETCH when a page's response is complete,
// before delivering it, so that a test can show that a page that crashes winnow (while it is
// cleaned or while it is fetched) never stops the scraper.
void crash_if_asked(std::string_view subject, const char* variable = "WINNOW_TEST_CRASH");
#else
inline void throw_if_asked() {}
inline void crash_if_asked(std::string_view, const char* = nullptr) {}
#endif

}  // namespace winnow::test_hooks
