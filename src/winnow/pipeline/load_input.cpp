#include "winnow/pipeline/load_input.hpp"

#include <cctype>
#include <cstdio>
#include <iostream>

#include "winnow/decode/sniff.hpp"
#include "winnow/util/atomic_file.hpp"

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

}  // namespace

bool looks_like_url(std::string_view input) {
    auto colon = input.find("://");
    if (colon == std::string_view::npos || colon == 0) return false;
    for (char c : input.substr(0, colon))
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
    return true;
}

Result<LoadedInput> load_input(std::string_view input, const LoadOptions& options) {
    LoadedInput loaded;
    if (looks_like_url(input)) {
        fetch::SimpleFetchOptions fetch_options = options.fetch;
        fetch_options.max_bytes = options.max_bytes;
        auto page = fetch::fetch_once(input, fetch_options);
        if (!page) return std::unexpected(page.error());
        loaded.bytes = std::move(page->body);
        loaded.url = std::move(page->final_url);
        loaded.content_type = std::move(page->content_type);
        loaded.status = page->status;
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
