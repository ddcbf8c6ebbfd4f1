#include "winnow/util/test_hooks.hpp"

#ifdef WINNOW_TEST_HOOKS

#include <cstdlib>
#include <new>
#include <stdexcept>
#include <string_view>

namespace winnow::test_hooks {

void throw_if_asked() {
    const char* what = std::getenv("WINNOW_TEST_THROW");
    if (!what || !*what) return;
    if (std::string_view(what) == "bad_alloc") throw std::bad_alloc();
    throw std::runtime_error(what);
}

void crash_if_asked(std::string_view subject, const char* variable) {
    const char* what = std::getenv(variable);
    if (what && *what && subject.find(what) != std::string_view::npos) std::abort();
}

}  // namespace winnow::test_hooks

#endif
