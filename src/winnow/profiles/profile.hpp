// profiles: one profile file read and validated: the TOML format (see README.md), checked key
// by key so that every problem names its file, line and column, and compiled once (selectors,
// regexes) into the rules the extractor applies.
#pragma once

#include <boost/regex.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/extract/site_rules.hpp"
#include "winnow/fetch/fetcher.hpp"

namespace winnow::profiles {

// One problem in a profile, printed as `FILE:LINE:COLUMN: message`.
struct Problem {
    std::string file;
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    std::string message;

    std::string to_string() const;
};

struct HostEntry {
    std::string host;  // lower case, without a trailing dot
    std::uint32_t line = 1;
    std::uint32_t column = 1;
};

struct Profile {
    std::string name;  // the file name without ".toml": "cryptopolitan.com", "default"
    std::string file;  // where it was read from ("(built in)/default.toml" for the built-in one)
    std::string description;
    std::vector<std::string> tests;
    std::vector<HostEntry> hosts;
    std::vector<std::string> path_patterns;  // as written
    std::vector<boost::regex> paths;         // compiled, case-sensitive
    extract::SiteRules rules;                // origins "profile NAME" or "default"
    // [fetch]: how to fetch the site (user_agent, headers, cookies, proxy, no_proxy), or null.
    std::shared_ptr<const fetch::ClientSettings> fetch;
    // Not problems: patterns that may be slow (nested quantifiers), "warning: ..." messages
    // that `profiles check` prints.
    std::vector<Problem> warnings;

    bool is_default() const { return name == k_default_name; }
    static constexpr std::string_view k_default_name = "default";
};

// Reads a profile from TOML text. Problems are appended; the profile is returned (with the
// valid parts only) unless the TOML itself does not parse.
std::optional<Profile> read_profile(std::string_view toml_text, const std::string& file, const std::string& name,
                                    std::vector<Problem>& problems);

// Reads a profile file; its name is the file name without ".toml".
std::optional<Profile> read_profile_file(const std::filesystem::path& path, std::vector<Problem>& problems);

// Duplicate hosts across profiles (same host and same path patterns): the later one is reported.
void find_duplicate_hosts(const std::vector<Profile>& profiles, std::vector<Problem>& problems);

}  // namespace winnow::profiles
