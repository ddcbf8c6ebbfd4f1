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
// Aborts the process (SIGABRT, as a crash would) when the environment variable WINNOW_TEST_CRASH
// is set and `subject` contains its value: `winnow run` calls it before cleaning each page, so a
// test can show that a page that crashes winnow never stops the scraper.
void crash_if_asked(std::string_view subject);
#else
inline void throw_if_asked() {}
inline void crash_if_asked(std::string_view) {}
#endif

}  // namespace winnow::test_hooks
