#include "winnow/run/credentials.hpp"

#include "winnow/util/url.hpp"

namespace winnow::run {
namespace {

// Where the authority of "scheme://authority/..." starts, or npos.
std::size_t authority_start(std::string_view url) {
    std::size_t scheme_end = url.find("://");
    return scheme_end == std::string_view::npos ? std::string_view::npos : scheme_end + 3;
}

// "scheme://host[:port]" of a normalised http(s) URL (which always has a path), or "".
std::string origin_of(std::string_view normalised) {
    std::size_t start = authority_start(normalised);
    if (start == std::string_view::npos) return {};
    return std::string(normalised.substr(0, normalised.find('/', start)));
}

}  // namespace

void Credentials::note(std::string_view written, const std::string& normalised) {
    if (written.find('@') == std::string_view::npos) return;
    auto url = url::Url::resolve({}, written);
    if (!url) return;
    // libcurl's form of the written URL, and the same without its credentials: they differ by
    // "user:password@" right after "://".
    const std::string full = url->str();
    const std::string bare = url::without_credentials(full);
    const std::size_t start = authority_start(full);
    if (start == std::string::npos || bare.size() >= full.size() || full.compare(0, start, bare, 0, start) != 0) return;
    const std::size_t length = full.size() - bare.size();
    if (full.compare(start + length, std::string::npos, bare, start) != 0 || full[start + length - 1] != '@') return;
    std::string userinfo = full.substr(start, length);
    std::string origin = origin_of(normalised);
    if (origin.empty()) return;
    m_by_origin.emplace(std::move(origin), userinfo);
    m_by_url[normalised] = std::move(userinfo);
}

std::string Credentials::apply(const std::string& normalised) const {
    if (m_by_url.empty()) return normalised;
    auto found = m_by_url.find(normalised);
    if (found == m_by_url.end()) {
        found = m_by_origin.find(origin_of(normalised));
        if (found == m_by_origin.end()) return normalised;
    }
    std::string out = normalised;
    if (std::size_t start = authority_start(out); start != std::string::npos) out.insert(start, found->second);
    return out;
}

}  // namespace winnow::run
