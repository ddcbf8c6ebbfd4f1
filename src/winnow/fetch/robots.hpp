// fetch: robots.txt as RFC 9309 defines it. Parses a file into the rules of the group that
// applies to one user-agent token and answers "may this path be fetched?": the longest
// matching rule wins, Allow wins a tie, `*` matches any run of characters and a final `$`
// anchors the end. Knows nothing of HTTP: the fetcher decides what a 4xx or 5xx means.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace winnow::fetch {

struct RobotsRule {
    bool allow = false;
    std::string pattern;  // normalised (see normalise_robots_path), never empty
};

class RobotsRules {
public:
    // Everything allowed (no robots.txt, or a 4xx for it).
    static RobotsRules allow_all();
    // Everything disallowed (robots.txt unreachable or a 5xx: RFC 9309 section 2.3.1.4).
    static RobotsRules disallow_all();
    // The rules of the group for `agent_token` (case-insensitive), or of the `*` group when no
    // group names the token; groups naming the same agent are merged.
    static RobotsRules parse(std::string_view text, std::string_view agent_token);

    // `path_and_query` is the URL's path with its query ("/a/b?c=d"); "" counts as "/".
    bool allowed(std::string_view path_and_query) const;
    // Crawl-delay of the chosen group in seconds, when it has a valid one.
    std::optional<double> crawl_delay() const { return m_crawl_delay; }
    const std::vector<RobotsRule>& rules() const { return m_rules; }

private:
    std::vector<RobotsRule> m_rules;
    std::optional<double> m_crawl_delay;
    bool m_disallow_all = false;
};

// True when `pattern` (with `*` and a final `$`) matches the start of `path`.
bool robots_pattern_matches(std::string_view pattern, std::string_view path);

// Percent-escapes written with lower-case hex become upper-case, escapes of unreserved
// characters are decoded and bytes outside printable ASCII are escaped, so that "/%7ea" and
// "/~a" compare equal, as RFC 9309 section 2.2.2 asks.
std::string normalise_robots_path(std::string_view path);

}  // namespace winnow::fetch
