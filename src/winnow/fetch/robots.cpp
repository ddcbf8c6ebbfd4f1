#include "winnow/fetch/robots.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "winnow/util/ascii.hpp"

namespace winnow::fetch {
namespace {

// A robots.txt larger than this is cut there (RFC 9309 section 2.5 asks for at least 500 KiB).
constexpr std::size_t k_max_robots_bytes = 512 * 1024;

using ascii::trim;

// The product token of a user-agent line: "Winnow/1.0 (x)" names "winnow".
std::string agent_token_of(std::string_view value) {
    std::size_t end = 0;
    while (end < value.size() && !ascii::is_space(value[end]) && value[end] != '/') ++end;
    return ascii::lower(value.substr(0, end));
}

bool is_unreserved(char c) { return ascii::is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~'; }

void append_escape(std::string& out, unsigned char c) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    out += '%';
    out += k_hex[c >> 4];
    out += k_hex[c & 15];
}

// Classic glob matching with one backtracking point: `*` matches any run of bytes.
bool glob_matches(std::string_view pattern, std::string_view text) {
    std::size_t p = 0, t = 0, star = std::string_view::npos, star_t = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            star_t = t;
        } else if (p < pattern.size() && pattern[p] == text[t]) {
            ++p;
            ++t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++star_t;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

struct Group {
    std::vector<std::string> agents;
    std::vector<RobotsRule> rules;
    std::optional<double> crawl_delay;
};

std::vector<Group> parse_groups(std::string_view text) {
    std::vector<Group> groups;
    bool in_agent_lines = false;  // the previous group line was a user-agent line
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find_first_of("\r\n", pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        std::string key = ascii::lower(trim(line.substr(0, colon)));
        std::string_view value = trim(line.substr(colon + 1));
        if (key == "user-agent" || key == "useragent" || key == "user agent") {
            if (!in_agent_lines) groups.emplace_back();
            groups.back().agents.push_back(value == "*" ? "*" : agent_token_of(value));
            in_agent_lines = true;
            continue;
        }
        if (key != "allow" && key != "disallow" && key != "crawl-delay") continue;  // sitemap, unknown keys
        in_agent_lines = false;
        if (groups.empty()) continue;  // rules before any user-agent line belong to no group
        Group& group = groups.back();
        if (key == "crawl-delay") {
            double seconds = 0;
            auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
            if (ec == std::errc() && std::isfinite(seconds) && seconds >= 0) group.crawl_delay = seconds;
            continue;
        }
        if (value.empty()) continue;  // "Disallow:" with no path allows everything: no rule
        group.rules.push_back({key == "allow", normalise_robots_path(value)});
    }
    return groups;
}

}  // namespace

RobotsRules RobotsRules::allow_all() { return {}; }

RobotsRules RobotsRules::disallow_all() {
    RobotsRules rules;
    rules.m_disallow_all = true;
    return rules;
}

RobotsRules RobotsRules::parse(std::string_view text, std::string_view agent_token) {
    if (text.size() > k_max_robots_bytes) text = text.substr(0, k_max_robots_bytes);
    std::vector<Group> groups = parse_groups(text);
    std::string token = ascii::lower(agent_token);
    auto merge = [&](auto&& wanted) {
        RobotsRules rules;
        bool any = false;
        for (const Group& group : groups) {
            if (std::none_of(group.agents.begin(), group.agents.end(), wanted)) continue;
            any = true;
            rules.m_rules.insert(rules.m_rules.end(), group.rules.begin(), group.rules.end());
            if (group.crawl_delay) rules.m_crawl_delay = std::max(rules.m_crawl_delay.value_or(0), *group.crawl_delay);
        }
        return std::make_pair(any, rules);
    };
    if (auto [any, rules] = merge([&](const std::string& a) { return a == token; }); any) return rules;
    if (auto [any, rules] = merge([](const std::string& a) { return a == "*"; }); any) return rules;
    return allow_all();
}

bool RobotsRules::allowed(std::string_view path_and_query) const {
    if (path_and_query.empty()) path_and_query = "/";
    // RFC 9309 section 2.2.2: /robots.txt itself is always allowed.
    if (path_and_query == "/robots.txt") return true;
    if (m_disallow_all) return false;
    std::string path = normalise_robots_path(path_and_query);
    std::size_t best_length = 0;
    bool best_allow = true;
    bool matched = false;
    for (const RobotsRule& rule : m_rules) {
        if (!robots_pattern_matches(rule.pattern, path)) continue;
        std::size_t length = rule.pattern.size();
        if (!matched || length > best_length || (length == best_length && rule.allow && !best_allow)) {
            best_length = length;
            best_allow = rule.allow;
            matched = true;
        }
    }
    return best_allow;
}

bool robots_pattern_matches(std::string_view pattern, std::string_view path) {
    if (!pattern.empty() && pattern.back() == '$') return glob_matches(pattern.substr(0, pattern.size() - 1), path);
    std::string open(pattern);
    open += '*';  // a pattern matches a prefix of the path
    return glob_matches(open, path);
}

std::string normalise_robots_path(std::string_view path) {
    std::string out;
    out.reserve(path.size());
    for (std::size_t i = 0; i < path.size(); ++i) {
        auto c = static_cast<unsigned char>(path[i]);
        if (c == '%' && i + 2 < path.size() && ascii::hex_value(path[i + 1]) >= 0 && ascii::hex_value(path[i + 2]) >= 0) {
            auto decoded = static_cast<unsigned char>(ascii::hex_value(path[i + 1]) * 16 + ascii::hex_value(path[i + 2]));
            if (is_unreserved(decoded)) out += static_cast<char>(decoded);
            else append_escape(out, decoded);
            i += 2;
        } else if (c < 0x21 || c > 0x7e) {
            append_escape(out, c);
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace winnow::fetch
