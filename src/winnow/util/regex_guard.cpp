#include "winnow/util/regex_guard.hpp"

#include <algorithm>

#include "winnow/util/utf8.hpp"

namespace winnow {
namespace {

// The text a rule failed on is quoted as --explain quotes a removed block: its first 80 bytes.
constexpr std::size_t k_excerpt_bytes = 80;

}  // namespace

bool RegexGuard::skipped(std::string_view name) const {
    return std::find(m_skipped.begin(), m_skipped.end(), name) != m_skipped.end();
}

void RegexGuard::fail(std::string name, std::string_view text) {
    if (skipped(name)) return;
    if (m_warnings)
        m_warnings->push_back("rule " + name + " skipped: the regex is too complex for the block \"" + utf8::shorten(text, k_excerpt_bytes) +
                              "\"");
    m_skipped.push_back(std::move(name));
}

}  // namespace winnow
