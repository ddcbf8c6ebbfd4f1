#include "winnow/cli/fetch_options.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cmath>

#include "winnow/fetch/client_toml.hpp"

namespace winnow::cli {
namespace {

// "Name: value" on one line, with a name of header characters (RFC 9110 token).
std::string check_header(const std::string& header) {
    if (!fetch::is_header_text(header)) return "a header must be one line, without control characters";
    auto colon = header.find(':');
    if (colon == std::string::npos) return "a header is 'Name: value'";
    if (!fetch::is_header_name(header.substr(0, colon))) return "bad header name '" + header.substr(0, colon) + "'";
    return {};
}

}  // namespace

void add_fetch_options(CLI::App& command, FetchCliOptions& options) {
    command.add_option("--timeout", options.timeout,
                       "Seconds allowed for the whole fetch of a URL: every attempt, back-off wait and redirect")
        ->capture_default_str()
        ->check(CLI::Range(0.001, 1e6));
    command.add_option("--retries", options.retries,
                       "Retries of a timeout, a broken connection, 429 or 5xx, with back-off (0: none)")
        ->capture_default_str()
        ->check(CLI::Range(0, 100));
    command.add_flag("--allow-private", options.allow_private,
                     "Let redirects reach loopback, private and link-local addresses (refused by default: "
                     "blocked_address); the URL given is always allowed");
    command.add_option("--user-agent", options.user_agent, "User-Agent header (default: winnow/VERSION (+home page))");
    command.add_option("--header", options.headers, "Send this header, 'Name: value' (repeatable; replaces one of the same name)")
        ->check([](const std::string& header) { return check_header(header); })
        ->allow_extra_args(false);
    command.add_option("--cookies", options.cookies, "Send the cookies of this Netscape cookie file (curl's, a browser export)")
        ->check(CLI::ExistingFile);
    command.add_option("--proxy", options.proxy,
                       "Fetch through this proxy (http://HOST:PORT, socks5h://HOST); default: the http_proxy, "
                       "https_proxy, all_proxy and no_proxy environment variables");
}

fetch::FetchOptions single_url_fetch_options(const FetchCliOptions& options) {
    fetch::FetchOptions out;
    out.robots = false;
    out.host_delay = std::chrono::milliseconds(0);
    out.total_timeout = std::chrono::milliseconds(std::max(1LL, std::llround(options.timeout * 1000)));
    out.max_retries = options.retries;
    out.allow_private_addresses = options.allow_private;
    if (!options.user_agent.empty()) out.client.user_agent = options.user_agent;  // over a profile's too
    out.client.headers = options.headers;
    if (!options.cookies.empty()) out.client.cookie_file = options.cookies;
    if (!options.proxy.empty()) out.client.proxy = options.proxy;
    return out;
}

}  // namespace winnow::cli
