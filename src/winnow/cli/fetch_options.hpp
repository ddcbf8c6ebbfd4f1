// cli: the fetch options `clean` and `fetch` share: --timeout, --retries, --allow-private,
// --user-agent, --header (repeatable), --cookies FILE, --proxy URL. A URL given on the command
// line is the user's choice (it may reach any address, as with curl); its redirects are checked.
#pragma once

#include <string>
#include <vector>

#include "winnow/fetch/fetcher.hpp"

namespace CLI {
class App;
}

namespace winnow::cli {

struct FetchCliOptions {
    double timeout = 30;  // seconds for the whole fetch of a URL
    int retries = 3;
    bool allow_private = false;
    std::string user_agent;
    std::vector<std::string> headers;
    std::string cookies;
    std::string proxy;
};

void add_fetch_options(CLI::App& command, FetchCliOptions& options);

// The fetcher's options for one URL the user wrote: no robots.txt and no delay between redirect
// hops (as curl), the limits and settings given.
fetch::FetchOptions single_url_fetch_options(const FetchCliOptions& options);

}  // namespace winnow::cli
