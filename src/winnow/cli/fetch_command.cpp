// `winnow fetch [OPTIONS] URL`: fetches one URL with winnow's fetcher (no robots.txt, as curl)
// and writes the raw, decoded response body to standard output or -o FILE; with --headers the
// status line and the response headers come first. For debugging profiles: it shows exactly
// what `winnow clean` and `winnow run` receive, fetched with the URL's site profile's [fetch]
// settings under the command line's, as `winnow clean URL` does.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

#include "winnow/cli/cli.hpp"
#include "winnow/cli/exit_status.hpp"
#include "winnow/cli/fetch_options.hpp"
#include "winnow/cli/profile_options.hpp"
#include "winnow/fetch/fetcher.hpp"
#include "winnow/pipeline/load_input.hpp"
#include "winnow/util/atomic_file.hpp"
#include "winnow/util/limits.hpp"

namespace winnow::cli {
namespace {

struct FetchSettings {
    std::string url;
    std::string output;
    bool headers = false;
    FetchCliOptions fetch;
    std::size_t max_bytes = k_default_max_page_bytes;
    std::string etag;
    std::string last_modified;
    bool html_only = false;
    ProfileOptions profiles;
};

std::string render_headers(const fetch::FetchResult& result) {
    std::string out = result.status_line.empty() ? "HTTP " + std::to_string(result.status) : result.status_line;
    out += "\n";
    for (const auto& [name, value] : result.all_headers) out += name + ": " + value + "\n";
    out += "\n";
    return out;
}

int run_fetch(const FetchSettings& settings, const profiles::ProfileSet& profile_set) {
    CurrentInput current(settings.url);
    fetch::FetchOptions options = single_url_fetch_options(settings.fetch);
    options.max_body_bytes = settings.max_bytes;
    fetch::FetchRequest request{.url = settings.url, .etag = settings.etag, .last_modified = settings.last_modified,
                                .html_only = settings.html_only, .user_chosen = true,
                                .client = pipeline::user_url_client(&profile_set, settings.url, options.client)};
    fetch::FetchResult result = fetch::fetch_url(request, options);
    if (!result.ok()) {
        std::cerr << "winnow: " << result.message << "\n";
        return result.category == fetch::FailureCategory::unsupported_scheme && result.attempts == 0 ? k_exit_usage
                                                                                                      : k_exit_some_failed;
    }
    std::string content = settings.headers ? render_headers(result) : "";
    content += result.body;
    if (!settings.output.empty()) {
        if (auto written = write_atomically(settings.output, content); !written) {
            std::cerr << "winnow: " << written.error().message << "\n";
            return exit_status_for(written.error());
        }
        return k_exit_ok;
    }
    std::fwrite(content.data(), 1, content.size(), stdout);
    std::fflush(stdout);
    return k_exit_ok;
}

}  // namespace

void add_fetch_command(CLI::App& app, int& status) {
    auto settings = std::make_shared<FetchSettings>();
    CLI::App* command = app.add_subcommand(
        "fetch", "Fetch one URL and write the raw response body (for debugging profiles); no robots.txt, like curl");
    command->add_option("url", settings->url, "The http(s) URL to fetch")->required();
    command->add_option("-o,--output", settings->output, "Write to this file (atomically) instead of standard output");
    command->add_flag("--headers", settings->headers, "Write the status line and the response headers before the body");
    command->add_option("--max-bytes", settings->max_bytes, "Fail when the (decoded) body is larger than this")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    add_fetch_options(*command, settings->fetch);
    command->add_option("--if-none-match", settings->etag, "Send this ETag: a 304 answer writes no body");
    command->add_option("--if-modified-since", settings->last_modified, "Send this HTTP date: a 304 answer writes no body");
    command->add_flag("--html-only", settings->html_only, "Fail (not_html) when the Content-Type is not HTML, as clean and run do");
    add_profile_options(*command, settings->profiles, false);
    command->callback([settings, &status] {
        auto profile_set = load_profiles(settings->profiles);
        if (!profile_set) {
            status = exit_status_for(profile_set.error());
            return;
        }
        status = run_fetch(*settings, *profile_set);
    });
}

}  // namespace winnow::cli
