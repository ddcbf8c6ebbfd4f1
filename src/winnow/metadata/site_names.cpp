#include "winnow/metadata/site_names.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <utility>

#include "winnow/decode/text.hpp"
#include "winnow/util/ascii.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::metadata {
namespace {

// Keys shorter than this match too much ("tv", "cc").
constexpr std::size_t k_min_key_chars = 3;

// Initials spell a site's name from this many words up: two words' initials match too much ("Jane
// Doe" on jd.com).
constexpr std::size_t k_min_initials_words = 3;

// Umlauts and the sharp s as a host name spells them ("SPÖ" for spoe.at, "Günter" for guenter).
constexpr std::pair<std::string_view, std::string_view> k_host_spellings[] = {
    {"\xC3\xA4", "ae"}, {"\xC3\xB6", "oe"}, {"\xC3\xBC", "ue"}, {"\xC3\x9F", "ss"}};

std::string host_spelling(std::string key) {
    for (const auto& [letter, spelt] : k_host_spellings)
        for (std::size_t at = 0; (at = key.find(letter, at)) != std::string::npos; at += spelt.size()) key.replace(at, letter.size(), spelt);
    return key;
}

// Second-level labels under a country's domain that name no site ("co.uk", "com.au", "ac.jp",
// "gob.mx"): the label before them is the site's.
constexpr std::string_view k_second_levels[] = {"co", "com", "net", "org", "gov", "gob", "edu", "ac", "or",
                                                "ne", "go", "mil", "nic", "ltd", "plc", "sch", "nhs", "gv"};

// The host's distinctive label: "www.usatoday.com" -> "usatoday", "news.bbc.co.uk" -> "bbc".
// `short_label_second_level`: a label of three letters or fewer before the top-level domain is
// taken for a second level as "co.uk" is, whatever it is (the matching of names: "www.jwu.edu" gives
// "www", and the labels take "JWU" for an author); otherwise only those of k_second_levels are
// ("www.drk.de" -> "drk", for initials).
std::string_view host_label(std::string_view host, bool short_label_second_level = true) {
    std::vector<std::string_view> labels = ascii::split(host, '.');
    if (labels.size() < 2) return {};
    labels.pop_back();  // the top-level domain
    if (labels.size() >= 2 &&
        (short_label_second_level ? labels.back().size() <= 3
                                  : std::find(std::begin(k_second_levels), std::end(k_second_levels), labels.back()) != std::end(k_second_levels)))
        labels.pop_back();  // co.uk, com.au
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
    if (std::string key = name_key(host_label(host, false)); key.size() >= k_min_key_chars) m_host_keys.push_back(std::move(key));
}

bool SiteNames::matches(std::string_view name) const {
    const std::string key = name_key(name);
    if (key.empty()) return false;
    if (std::find(m_keys.begin(), m_keys.end(), key) != m_keys.end()) return true;
    // only the host spells an umlaut out: a site named "KleineGrueneMonster" is no sign that its
    // author "KleineGrüneMonster" is the site
    if (const std::string spelt = host_spelling(key); spelt != key && std::find(m_host_keys.begin(), m_host_keys.end(), spelt) != m_host_keys.end())
        return true;
    // "bcbs.com" is the site whose host gave "bcbs"
    const std::string trimmed = decode::collapse_whitespace(name);
    if (!is_host_name(trimmed)) return false;
    const std::string label_key = name_key(host_label(trimmed));
    return !label_key.empty() && std::find(m_keys.begin(), m_keys.end(), label_key) != m_keys.end();
}

bool SiteNames::matches_initials(std::string_view name) const {
    std::string initials;
    std::size_t words = 0;
    const std::string collapsed = decode::collapse_whitespace(name);
    for (std::string_view word : ascii::split(collapsed, ' ')) {
        if (word.empty()) continue;
        const std::string key = name_key(word);
        if (key.empty()) return false;
        std::size_t end = 0;
        utf8::next_code_point(key, end);
        initials.append(key, 0, end);
        ++words;
    }
    return words >= k_min_initials_words && (std::find(m_keys.begin(), m_keys.end(), initials) != m_keys.end() ||
                                             std::find(m_host_keys.begin(), m_host_keys.end(), initials) != m_host_keys.end());
}

}  // namespace winnow::metadata
