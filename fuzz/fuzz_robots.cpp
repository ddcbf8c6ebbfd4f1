// libFuzzer harness: robots.txt parsed for winnow's token and for `*`, and paths checked.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "winnow/fetch/robots.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (std::string_view agent : {"winnow", "*"}) {
        const auto rules = winnow::fetch::RobotsRules::parse(text, agent);
        (void)rules.crawl_delay();
        for (std::string_view path : {"/", "/a/b?c=d", "/private/x.html", "/%7Euser/", "/*$"}) (void)rules.allowed(path);
    }
    // The input's first line as a path against a few patterns, and as a pattern.
    const std::string_view line = text.substr(0, text.find('\n'));
    for (std::string_view pattern : {"/", "/a*b$", "/*.php$", "/x/"}) (void)winnow::fetch::robots_pattern_matches(pattern, line);
    if (!line.empty()) (void)winnow::fetch::robots_pattern_matches(winnow::fetch::normalise_robots_path(line), "/a/b/c.html");
    return 0;
}
