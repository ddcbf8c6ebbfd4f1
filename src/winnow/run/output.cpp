#include "winnow/run/output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "winnow/util/ascii.hpp"
#include "winnow/util/url.hpp"

namespace winnow::run {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t k_max_slug = 60;  // keeps paths well under file-system name limits
constexpr const char* k_manifest_size_key = "manifest_size";

std::string errno_text() { return std::strerror(errno); }

}  // namespace

std::string stable_hash(std::string_view bytes) {
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

std::string slug_from_path(std::string_view path) {
    // Common page extensions say nothing about the article.
    for (std::string_view suffix : {".html", ".htm", ".php", ".aspx", ".asp", ".shtml"})
        if (path.size() > suffix.size() && path.ends_with(suffix)) path.remove_suffix(suffix.size());
    std::string slug;
    for (char c : path) {
        if (ascii::is_alnum(c)) slug += ascii::lower(c);
        else if (!slug.empty() && slug.back() != '-') slug += '-';
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    if (slug.size() > k_max_slug) {
        slug = slug.substr(slug.size() - k_max_slug);
        if (auto dash = slug.find('-'); dash != std::string::npos && dash + 1 < slug.size()) slug = slug.substr(dash + 1);
    }
    return slug.empty() ? "index" : slug;
}

std::string output_relative_path(const std::string& normalised_url, std::string_view extension) {
    auto url = url::Url::parse(normalised_url);
    std::string host = url ? url->host() : std::string();
    // A port kept by normalisation is not the scheme's default: it names another site.
    if (url && !url->port().empty()) host += "_" + url->port();
    for (char& c : host)
        if (c == '/' || c == '\\' || c == ':') c = '_';
    if (host.empty() || host == "." || host == "..") host = "_";
    return host + "/" + slug_from_path(url ? url->path() : std::string("/")) + "-" + stable_hash(normalised_url) +
           std::string(extension);
}

void remove_stale_temporaries(const fs::path& output) {
    std::error_code ec;
    if (!fs::is_directory(output, ec)) return;
    for (auto it = fs::recursive_directory_iterator(output, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::string name = it->path().filename().string();
        // write_atomically's temporary names: ".NAME.tmp.PID.RANDOM"
        if (name.starts_with(".") && name.find(".tmp.") != std::string::npos && it->is_regular_file(ec)) {
            std::error_code ignored;
            fs::remove(it->path(), ignored);
        }
    }
}

Result<void> Manifest::recover(StateStore& store) {
    auto recorded = store.meta(k_manifest_size_key);
    if (!recorded) return std::unexpected(recorded.error());
    std::error_code ec;
    std::uintmax_t size = fs::exists(m_path, ec) ? fs::file_size(m_path, ec) : 0;
    if (ec) return fail(ErrorKind::io, m_path.string() + ": " + ec.message());
    std::uintmax_t known = recorded->has_value() ? std::stoull(**recorded) : 0;
    if (size > known) {
        // Bytes appended after the last recorded size belong to lines still pending in the
        // state (or to a torn append): cut them off, they are appended again below.
        if (::truncate(m_path.c_str(), static_cast<off_t>(known)) != 0)
            return fail(ErrorKind::io, m_path.string() + ": cannot truncate: " + errno_text());
    } else if (size < known) {
        // Rotated or truncated by someone else: continue from what is there.
        if (auto saved = store.set_meta(k_manifest_size_key, std::to_string(size)); !saved) return saved;
    }
    return flush(store);
}

Result<void> Manifest::flush(StateStore& store) {
    auto lines = store.pending_manifest_lines();
    if (!lines) return std::unexpected(lines.error());
    if (lines->empty()) return {};
    std::string text;
    for (const auto& line : *lines) text += line.line + "\n";
    std::error_code ec;
    fs::create_directories(m_path.parent_path(), ec);
    int fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) return fail(ErrorKind::io, m_path.string() + ": cannot open: " + errno_text());
    std::string_view rest = text;
    while (!rest.empty()) {
        ssize_t n = ::write(fd, rest.data(), rest.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            std::string why = errno_text();
            ::close(fd);
            return fail(ErrorKind::io, m_path.string() + ": cannot append: " + why);
        }
        rest.remove_prefix(static_cast<std::size_t>(n));
    }
    bool synced = ::fsync(fd) == 0;
    off_t size = ::lseek(fd, 0, SEEK_END);
    ::close(fd);
    if (!synced || size < 0) return fail(ErrorKind::io, m_path.string() + ": cannot flush: " + errno_text());
    if (auto begun = store.begin(); !begun) return begun;
    auto done = store.drop_manifest_lines_through(lines->back().sequence);
    if (done) done = store.set_meta(k_manifest_size_key, std::to_string(size));
    if (done) done = store.commit();
    if (!done) store.rollback();
    return done;
}

}  // namespace winnow::run
