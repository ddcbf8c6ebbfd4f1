#include "winnow/util/regex_guard.hpp"

#include <algorithm>

#include "winnow/util/utf8.hpp"

namespace winnow {
namespace {

// The text a rule failed on is quoted as --explain quotes a removed block: its first 80 bytes.
constexpr std::size_t k_excerpt_bytes = 80;

}  // namespace

bool SlowRules::disabled(std::string_view name) const {
    if (!any()) return false;
    std::lock_guard lock(m_mutex);
    return std::find(m_names.begin(), m_names.end(), name) != m_names.end();
}

bool SlowRules::disable(std::string name) {
    std::lock_guard lock(m_mutex);
    if (std::find(m_names.begin(), m_names.end(), name) != m_names.end()) return false;
    m_names.push_back(std::move(name));
    m_any.store(true, std::memory_order_release);
    return true;
}

bool RegexGuard::skipped(std::string_view name) const {
    return std::find(m_skipped.begin(), m_skipped.end(), name) != m_skipped.end() || (m_run && m_run->disabled(name));
}

void RegexGuard::fail(std::string name, std::string_view text) {
    if (std::find(m_skipped.begin(), m_skipped.end(), name) != m_skipped.end()) return;
    const std::string block = "the regex is too complex for the block \"" + utf8::shorten(text, k_excerpt_bytes) + "\"";
    if (!m_run) {
        if (m_warnings) m_warnings->push_back("rule " + name + " skipped: " + block);
    } else if (m_run->disable(name)) {
        // Another page of the run may have disabled it meanwhile: then it has warned.
        if (m_warnings) m_warnings->push_back("rule " + name + " disabled for the rest of the run: " + block);
    }
    m_skipped.push_back(std::move(name));
}

}  // namespace winnow
