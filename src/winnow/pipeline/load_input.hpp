// pipeline: reads one input as given on the command line: an http(s) URL (fetched), `-`
// (standard input), or a file (`.gz` files, or any gzip data, are inflated).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "winnow/fetch/fetcher.hpp"
#include "winnow/profiles/profile_set.hpp"
#include "winnow/util/limits.hpp"
#include "winnow/util/result.hpp"

namespace winnow::pipeline {

struct LoadedInput {
    std::string bytes;
    std::string url;           // the final URL for a fetched page, else empty
    std::string content_type;  // from HTTP, else empty
    long status = 0;           // the HTTP status for a fetched page, else 0
};

struct LoadOptions {
    std::size_t max_bytes = k_default_max_page_bytes;
    fetch::FetchOptions fetch;  // for a URL; robots.txt is never consulted for a single URL (as wget and curl do)
    // For a URL: its site profile's [fetch] settings apply, under those of `fetch.client` (the
    // command line's). Null: none.
    const profiles::ProfileSet* profiles = nullptr;
};

// The client settings of a URL the user wrote (`winnow clean URL`, `winnow fetch URL`): its site
// profile's [fetch] table under `command_line` (the command line's --user-agent, --header,
// --cookies, --proxy win). Null when `profiles` is null or no matching profile has [fetch]: the
// fetcher's options alone apply.
std::shared_ptr<const fetch::ClientSettings> user_url_client(const profiles::ProfileSet* profiles, std::string_view url,
                                                             const fetch::ClientSettings& command_line);

// True when the input names a URL (it has a scheme), supported or not.
bool looks_like_url(std::string_view input);

// Reads the input. Errors name the input and the problem; a URL that is not HTML fails
// (bad_input) with the fetcher's reason.
Result<LoadedInput> load_input(std::string_view input, const LoadOptions& options);

}  // namespace winnow::pipeline
