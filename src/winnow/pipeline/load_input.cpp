#include "winnow/pipeline/load_input.hpp"

#include <cstdio>

#include "winnow/decode/sniff.hpp"
#include "winnow/util/ascii.hpp"
#include "winnow/util/atomic_file.hpp"
#include "winnow/util/regex_guard.hpp"

namespace winnow::pipeline {
namespace {

Result<std::string> read_stdin(std::size_t max_bytes) {
    std::string data;
    char buffer[1 << 16];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) {
        data.append(buffer, n);
        if (max_bytes && data.size() > max_bytes)
            return fail(ErrorKind::too_large, "-: standard input is over the limit of " + std::to_string(max_bytes) + " bytes");
    }
    if (std::ferror(stdin)) return fail(ErrorKind::io, "-: cannot read standard input");
    return data;
}

Result<std::string> inflate_if_gzip(std::string data, std::string_view input, std::size_t max_bytes) {
    if (!decode::is_gzip(data)) return data;
    auto inflated = decode::gunzip(data, max_bytes);
    if (!inflated) return fail(inflated.error().kind, std::string(input) + ": " + inflated.error().message);
    return std::move(*inflated);
}

ErrorKind error_kind(fetch::FailureCategory category) {
    switch (category) {
        case fetch::FailureCategory::too_large: return ErrorKind::too_large;
        case fetch::FailureCategory::not_html: return ErrorKind::bad_input;
        case fetch::FailureCategory::unsupported_scheme: return ErrorKind::usage;
        default: return ErrorKind::network;
    }
}

}  // namespace

std::shared_ptr<const fetch::ClientSettings> user_url_client(const profiles::ProfileSet* profiles, std::string_view url,
                                                             const fetch::ClientSettings& command_line) {
    if (!profiles) return nullptr;
    RegexGuard regexes;
    const profiles::Profile* profile = profiles->profile_for(url, regexes);
    if (!profile || !profile->fetch) return nullptr;
    return std::make_shared<const fetch::ClientSettings>(profile->fetch->merged(command_line));
}

bool looks_like_url(std::string_view input) {
    auto colon = input.find("://");
    if (colon == std::string_view::npos || colon == 0) return false;
    for (char c : input.substr(0, colon))
        if (!ascii::is_alnum(c) && c != '+' && c != '-' && c != '.') return false;
    return true;
}

Result<LoadedInput> load_input(std::string_view input, const LoadOptions& options) {
    LoadedInput loaded;
    if (looks_like_url(input)) {
        fetch::FetchOptions fetch_options = options.fetch;
        fetch_options.robots = false;
        fetch_options.max_body_bytes = options.max_bytes;
        fetch::FetchRequest request;
        request.url = std::string(input);
        request.html_only = true;  // a PDF or an image cannot be cleaned: say so instead of trying
        request.user_chosen = true;  // the user wrote it (redirects to another origin are checked)
        request.client = user_url_client(options.profiles, input, fetch_options.client);
        fetch::FetchResult page = fetch::fetch_url(request, fetch_options);
        if (!page.ok()) return fail(error_kind(page.category), page.message);
        loaded.bytes = std::move(page.body);
        loaded.url = std::move(page.final_url);
        loaded.content_type = std::move(page.headers.content_type);
        loaded.status = page.status;
        return loaded;
    }
    Result<std::string> data = input == "-" ? read_stdin(options.max_bytes) : read_file(std::string(input), options.max_bytes);
    if (!data) return std::unexpected(data.error());
    auto inflated = inflate_if_gzip(std::move(*data), input, options.max_bytes);
    if (!inflated) return std::unexpected(inflated.error());
    loaded.bytes = std::move(*inflated);
    return loaded;
}

}  // namespace winnow::pipeline
