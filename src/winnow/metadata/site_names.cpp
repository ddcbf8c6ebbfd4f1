#include "winnow/metadata/site_names.hpp"

#include <utf8proc.h>

#include <algorithm>

#include "winnow/decode/text.hpp"
#include "winnow/util/ascii.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::metadata {
namespace {

// Keys shorter than this match too much ("tv", "cc").
constexpr std::size_t k_min_key_chars = 3;

// The host's distinctive label: "www.usatoday.com" -> "usatoday", "news.bbc.co.uk" -> "bbc".
std::string_view host_label(std::string_view host) {
    std::vector<std::string_view> labels = ascii::split(host, '.');
    if (labels.size() < 2) return {};
    labels.pop_back();                                                       // the top-level domain
    if (labels.size() >= 2 && labels.back().size() <= 3) labels.pop_back();  // co.uk, com.au
    return labels.back();
}

}  // namespace

bool is_host_name(std::string_view text) {
    const std::size_t dot = text.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || text.size() - dot - 1 < 2 || text.size() - dot - 1 > 6) return false;
    for (std::size_t i = dot + 1; i < text.size(); ++i)
        if (!ascii::is_alpha(text[i])) return false;
    for (char c : text)
        if (!ascii::is_alnum(c) && c != '.' && c != '-') return false;
    return true;
}

std::string name_key(std::string_view text) {
    const std::string lowered = decode::to_lower(text);
    std::string key;
    for (std::size_t i = 0; i < lowered.size();) {
        const std::size_t start = i;
        const char32_t c = utf8::next_code_point(lowered, i);
        const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
        if (category <= UTF8PROC_CATEGORY_LO || category == UTF8PROC_CATEGORY_ND) key.append(lowered, start, i - start);
    }
    return key;
}

void SiteNames::add(std::string_view name) {
    std::string key = name_key(name);
    if (key.size() >= k_min_key_chars && std::find(m_keys.begin(), m_keys.end(), key) == m_keys.end())
        m_keys.push_back(std::move(key));
}

void SiteNames::add_host(std::string_view host) {
    if (const std::string_view label = host_label(host); !label.empty()) add(label);
}

bool SiteNames::matches(std::string_view name) const {
    const std::string key = name_key(name);
    if (key.empty()) return false;
    if (std::find(m_keys.begin(), m_keys.end(), key) != m_keys.end()) return true;
    // "bcbs.com" is the site whose host gave "bcbs"
    const std::string trimmed = decode::collapse_whitespace(name);
    if (!is_host_name(trimmed)) return false;
    const std::string label_key = name_key(host_label(trimmed));
    return !label_key.empty() && std::find(m_keys.begin(), m_keys.end(), label_key) != m_keys.end();
}

}  // namespace winnow::metadata
