// fetch: the client settings (user_agent, headers, cookies, proxy, no_proxy) as they are written
// in TOML: the run configuration's [fetch] table and its [[source]] tables, and a site profile's
// [fetch] table. One reader, so that every place accepts and checks the same keys the same way.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "winnow/fetch/fetcher.hpp"

namespace winnow::fetch {

// The keys read_client_settings knows.
inline constexpr std::string_view k_client_keys[] = {"user_agent", "headers", "cookies", "proxy", "no_proxy"};

using TomlProblem = std::function<void(const toml::source_region& where, const std::string& message)>;

// A key as configuration messages quote it: 'user_agent' (built by appending: a literal + string
// there draws g++ 12's false -Wrestrict).
std::string quoted_key(std::string_view key);

// Reads the client keys of `table` (other keys are left to the caller) into `client`; a cookie
// file is relative to `base_dir` and must exist. Each problem goes to `problem`, at its place.
// headers = { Accept-Language = "de", X-Team = "data" } becomes "Accept-Language: de", ...
void read_client_settings(const toml::table& table, const std::filesystem::path& base_dir, ClientSettings& client,
                          const TomlProblem& problem);

// True when any field is set.
bool has_settings(const ClientSettings& client);

// An HTTP header name (RFC 9110 token: visible ASCII but separators).
bool is_header_name(std::string_view name);

// Text that may go into a request line or header: no control characters but tab.
bool is_header_text(std::string_view text);

}  // namespace winnow::fetch
