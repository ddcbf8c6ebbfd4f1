// run: one article, one URL. Normalisation makes the many spellings of a page's address one key
// for the state file and the output path: scheme and host lower case, default ports dropped,
// fragment dropped, tracking parameters (utm_*, fbclid, gclid, ...) dropped, empty path made "/",
// credentials ("user:password@") dropped: they must never be stored or used as names (the fetch
// gets the user's back from run::Credentials).
// It is idempotent: normalising a normalised URL gives it back unchanged. Parsing is util/url's.
#pragma once

#include <string>
#include <string_view>

#include "winnow/util/result.hpp"

namespace winnow::run {

// The normalised form of an absolute http(s) URL; fails (usage) with the reason otherwise.
Result<std::string> normalise_url(std::string_view url);

// Resolves `reference` (absolute, or relative to `base`) and normalises it.
Result<std::string> resolve_url(std::string_view base, std::string_view reference);

// True for query parameter names that only track where a visitor came from.
bool is_tracking_parameter(std::string_view name);

}  // namespace winnow::run
