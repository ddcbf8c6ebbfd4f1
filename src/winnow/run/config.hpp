// run: the configuration of `winnow run`, one TOML file. Keys and meanings are fixed (README,
// "winnow run"); relative paths are relative to the configuration file. Loading checks every
// key, type and URL (also those of url_file sources) and reports each problem as
// `FILE:LINE:COLUMN: message`, so a broken file is refused before anything is fetched.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "winnow/extract/favor.hpp"
#include "winnow/fetch/fetcher.hpp"
#include "winnow/run/credentials.hpp"

#include "winnow/util/limits.hpp"
#include "winnow/util/result.hpp"

namespace winnow::run {

struct FetchConfig {
    long concurrency = 8;               // transfers at once
    long per_host = 2;                  // transfers at once per host
    double delay = 1.0;                 // seconds between two requests to one host
    double timeout = 30;                // seconds for the whole fetch of a URL (retries, back-off, redirects)
    std::size_t max_bytes = k_default_max_page_bytes;  // body size limit
    std::string user_agent;             // empty: winnow's default
    long retries = 3;                   // retries of a transient failure (timeouts, 429, 5xx)
    double max_crawl_delay = 60;        // seconds: a larger robots.txt Crawl-delay is cut to this, with a warning
    bool allow_private_addresses = false;  // URLs from feeds, sitemaps and redirects may reach private addresses
    fetch::ClientSettings client;       // headers, cookies, proxy, no_proxy (user_agent is above)
};

enum class SourceKind { urls, url_file, feed, sitemap };

struct SourceConfig {
    SourceKind kind = SourceKind::urls;
    std::vector<std::string> urls;      // urls and url_file: normalised, in file order
    std::filesystem::path url_file;     // url_file: the resolved path
    std::string url;                    // feed and sitemap: normalised
    std::optional<std::size_t> max_new; // new URLs taken from this source per run
    std::string profile;                // forced profile, or empty
    std::string profile_origin;         // "FILE:LINE:COLUMN" of the profile value
    std::optional<extract::Favor> favor;  // this source's `favor` over the configuration's, or none
    // The source's own user_agent, headers, cookies, proxy, no_proxy over [fetch]'s; null when none.
    std::shared_ptr<const fetch::ClientSettings> client;
    std::string origin;                 // "FILE:LINE:COLUMN" of the [[source]] table, for messages
};

struct RunConfig {
    std::filesystem::path file;                       // the configuration file itself
    std::filesystem::path output;                     // folder of the article files
    std::filesystem::path state;                      // SQLite state file
    FetchConfig fetch;
    std::vector<std::filesystem::path> profile_dirs;  // extra profile folders ("profiles")
    std::vector<SourceConfig> sources;
    std::size_t commit_every = 100;                   // URLs per state transaction ("commit_every")
    std::optional<double> max_duration;               // seconds a run may fetch for ("max_duration"), then it stops
    long gone_after = 3;                              // runs of 404/410 in a row that retire a URL ("gone_after", 0: never)
    // Page kinds written ("kinds"); a page of another kind is recorded as "skipped (KIND)".
    std::vector<std::string> kinds = {"article", "forum", "documentation"};
    // `favor`: what the extractor favours for every source without its own (precision, balanced,
    // recall); none: each site profile's `favor`, else balanced.
    std::optional<extract::Favor> favor;
    // Every URL written in the configuration (urls, url_file, feed and sitemap addresses): the
    // user's choice, which may reach private addresses; URLs found in feeds and sitemaps may not.
    std::set<std::string, std::less<>> written_urls;
    // The credentials written in those URLs ("https://user:password@host/"), which every URL
    // above is without: the run applies them to its requests only.
    Credentials credentials;
};

// Reads and checks the file. On failure the error (kind config) lists every problem found, one
// `FILE:LINE:COLUMN: message` per line.
Result<RunConfig> load_config(const std::filesystem::path& file);

// Same from text already read; `file` is used for messages and relative paths.
Result<RunConfig> parse_config(std::string_view text, const std::filesystem::path& file);

}  // namespace winnow::run
