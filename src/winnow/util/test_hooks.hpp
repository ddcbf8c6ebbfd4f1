// util: fault injection for the tests, compiled in only when the tests are built (CMake option
// WINNOW_TEST_HOOKS, which follows BUILD_TESTING; a packaged build has neither). In other builds
// the hook is an empty inline function and the environment is never read.
#pragma once

namespace winnow::test_hooks {

#ifdef WINNOW_TEST_HOOKS
// Throws when the environment variable WINNOW_TEST_THROW is set: std::bad_alloc for "bad_alloc",
// else a std::runtime_error with its value. clean_page calls it after parsing, so that a test can
// show what an exception escaping the library does (one message and exit status 70).
void throw_if_asked();
#else
inline void throw_if_asked() {}
#endif

}  // namespace winnow::test_hooks
