#include "winnow/run/shard.hpp"

#include <charconv>

#include "winnow/run/output.hpp"
#include "winnow/util/url.hpp"

namespace winnow::run {
namespace {

bool parse_count(std::string_view text, std::size_t& value) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

}  // namespace

Result<Shard> parse_shard(std::string_view text) {
    const auto slash = text.find('/');
    Shard shard;
    if (slash == std::string_view::npos || !parse_count(text.substr(0, slash), shard.index) ||
        !parse_count(text.substr(slash + 1), shard.count))
        return fail(ErrorKind::usage, "--shard " + std::string(text) + ": give I/N, as in 1/3 (shard I of N)");
    if (shard.count == 0 || shard.index == 0 || shard.index > shard.count)
        return fail(ErrorKind::usage, "--shard " + std::string(text) + ": I must be between 1 and N");
    return shard;
}

std::string shard_key(std::string_view text) {
    auto parsed = url::Url::parse(text);
    if (!parsed) return url::host(text);
    std::string key = parsed->host();
    // A port written out that is the scheme's default names the same host as none.
    const std::string scheme = parsed->scheme(), port = parsed->port();
    if (!port.empty() && !(scheme == "http" && port == "80") && !(scheme == "https" && port == "443")) key += ":" + port;
    return key;
}

std::size_t shard_of(std::string_view url, std::size_t count) {
    return count <= 1 ? 1 : static_cast<std::size_t>(fnv1a_64(shard_key(url)) % count) + 1;
}

}  // namespace winnow::run
