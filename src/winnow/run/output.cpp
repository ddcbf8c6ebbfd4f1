#include "winnow/run/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <optional>
#include <random>

#include "winnow/util/ascii.hpp"
#include "winnow/util/url.hpp"

namespace winnow::run {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t k_max_slug = 60;  // keeps paths well under file-system name limits
constexpr const char* k_manifest_size_key = "manifest_size";

std::string errno_text() { return std::strerror(errno); }

bool is_lower_hex(char c) { return ascii::hex_value(c) >= 0 && !ascii::is_upper(c); }

}  // namespace

std::uint64_t fnv1a_64(std::string_view bytes) {
    std::uint64_t hash = 14695981039346656037ull;  // FNV-1a's offset basis
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 1099511628211ull;  // FNV-1a's 64-bit prime
    }
    return hash;
}

std::string stable_hash(std::string_view bytes) {
    const std::uint64_t hash = fnv1a_64(bytes);
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
    if (url && !url->port().empty()) (host += '_') += url->port();
    for (char& c : host)
        if (c == '/' || c == '\\' || c == ':') c = '_';
    if (host.empty() || host == "." || host == "..") host.assign(1, '_');
    std::string path = std::move(host);
    ((path += '/') += slug_from_path(url ? url->path() : std::string("/"))) += '-';
    return (path += stable_hash(normalised_url)) += extension;
}

bool is_article_temporary(std::string_view name) {
    // ".NAME.winnow-tmp.PID.RANDOM" with NAME an article file name (slug-HASH.ext)
    static constexpr std::string_view k_marker = ".winnow-tmp.";
    if (!name.starts_with(".")) return false;
    std::size_t marker = name.rfind(k_marker);
    if (marker == std::string_view::npos || marker < 2) return false;
    std::string_view article = name.substr(1, marker - 1), suffix = name.substr(marker + k_marker.size());
    std::size_t dot = suffix.find('.');
    if (dot == std::string_view::npos || dot == 0 || suffix.size() - dot - 1 != 8) return false;
    for (char c : suffix.substr(0, dot))
        if (!ascii::is_digit(c)) return false;
    for (char c : suffix.substr(dot + 1))
        if (!is_lower_hex(c)) return false;
    if (!article.ends_with(".txt") && !article.ends_with(".json")) return false;
    article = article.substr(0, article.rfind('.'));
    std::size_t dash = article.rfind('-');
    if (dash == std::string_view::npos || article.size() - dash - 1 != 16) return false;
    for (char c : article.substr(dash + 1))
        if (!is_lower_hex(c)) return false;
    return true;
}

void remove_stale_temporaries(const fs::path& output) {
    std::error_code ec;
    if (!fs::is_directory(output, ec)) return;
    for (auto host = fs::directory_iterator(output, ec); !ec && host != fs::directory_iterator(); host.increment(ec)) {
        if (!host->is_directory(ec) || host->is_symlink(ec)) continue;  // no symlinked host folders
        std::error_code inner;
        for (auto it = fs::directory_iterator(host->path(), inner); !inner && it != fs::directory_iterator(); it.increment(inner)) {
            if (!is_article_temporary(it->path().filename().string())) continue;
            std::error_code ignored;
            if (it->is_symlink(ignored) || it->is_regular_file(ignored)) fs::remove(it->path(), ignored);
        }
    }
}

namespace {

// ".NAME.winnow-tmp.PID.RANDOM": pid plus random bits, so no other writer picks it.
std::string temporary_name(const std::string& name) {
    static std::random_device seed;
    char suffix[48];
    std::snprintf(suffix, sizeof suffix, ".winnow-tmp.%d.%08x", static_cast<int>(::getpid()), static_cast<unsigned>(seed()));
    return "." + name + suffix;
}

Result<void> write_all(int fd, std::string_view content, const std::string& shown) {
    while (!content.empty()) {
        ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail(ErrorKind::io, shown + ": cannot write: " + errno_text());
        content.remove_prefix(static_cast<std::size_t>(n));
    }
    return {};
}

// Opens FOLDER/NAME without following a symlink at NAME.
Result<int> open_in(const fs::path& folder, const std::string& name, int flags) {
    int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) return fail(ErrorKind::io, folder.string() + ": cannot open the folder: " + errno_text());
    int fd = ::openat(dir, name.c_str(), flags | O_NOFOLLOW | O_CLOEXEC, 0644);
    int why = errno;
    ::close(dir);
    if (fd < 0 && why == ELOOP)
        return fail(ErrorKind::io, (folder / name).string() + ": is a symbolic link; refusing to follow it");
    if (fd < 0) {
        errno = why;
        return fail(ErrorKind::io, (folder / name).string() + ": cannot open: " + errno_text());
    }
    return fd;
}

}  // namespace

Result<OutputFolder> OutputFolder::open(const fs::path& path) {
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) return fail(ErrorKind::io, path.string() + ": cannot create the output folder: " + ec.message());
    int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return fail(ErrorKind::io, path.string() + ": cannot open the output folder: " + errno_text());
    return OutputFolder(path, fd);
}

OutputFolder::OutputFolder(OutputFolder&& other) noexcept : m_path(std::move(other.m_path)), m_fd(other.m_fd) { other.m_fd = -1; }

OutputFolder::~OutputFolder() {
    if (m_fd >= 0) ::close(m_fd);
}

Result<int> OutputFolder::open_host(const std::string& host, bool create) const {
    const std::string shown = (m_path / host).string();
    if (host.empty() || host == "." || host == ".." || host.find('/') != std::string::npos)
        return fail(ErrorKind::internal, shown + ": not a host folder name");
    int fd = ::openat(m_fd, host.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT && create) {
        if (::mkdirat(m_fd, host.c_str(), 0755) != 0 && errno != EEXIST)
            return fail(ErrorKind::io, shown + ": cannot create the folder: " + errno_text());
        ::fsync(m_fd);  // the new folder's entry
        fd = ::openat(m_fd, host.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    }
    if (fd < 0 && (errno == ELOOP || errno == ENOTDIR)) {
        struct stat info{};
        bool link = ::fstatat(m_fd, host.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(info.st_mode);
        return fail(ErrorKind::io, shown + (link ? ": the host folder is a symbolic link; refusing to write through it"
                                                 : ": is not a folder; refusing to write into it"));
    }
    if (fd < 0) return fail(ErrorKind::io, shown + ": cannot open the folder: " + errno_text());
    return fd;
}

Result<void> OutputFolder::write_file(const std::string& relative, std::string_view content) const {
    std::size_t slash = relative.find('/');
    if (slash == std::string::npos) return fail(ErrorKind::internal, relative + ": not host/name");
    const std::string host = relative.substr(0, slash), name = relative.substr(slash + 1);
    const std::string shown = (m_path / relative).string();
    if (name.empty() || name.find('/') != std::string::npos || name.starts_with("."))
        return fail(ErrorKind::internal, shown + ": not host/name");
    auto dir = open_host(host, true);
    if (!dir) return std::unexpected(dir.error());
    const std::string temporary = temporary_name(name);
    int fd = ::openat(*dir, temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        std::string why = errno_text();
        ::close(*dir);
        return fail(ErrorKind::io, shown + ": cannot create: " + why);
    }
    auto written = write_all(fd, content, shown);
    if (written && ::fsync(fd) != 0) written = fail(ErrorKind::io, shown + ": cannot flush: " + errno_text());
    ::close(fd);
    // renameat replaces whatever is at NAME, a symlink included, without following it.
    if (written && ::renameat(*dir, temporary.c_str(), *dir, name.c_str()) != 0)
        written = fail(ErrorKind::io, shown + ": cannot rename into place: " + errno_text());
    if (!written) ::unlinkat(*dir, temporary.c_str(), 0);
    else if (::fsync(*dir) != 0) written = fail(ErrorKind::io, shown + ": cannot flush the folder: " + errno_text());
    ::close(*dir);
    return written;
}

bool OutputFolder::has_file(const std::string& relative) const {
    std::size_t slash = relative.find('/');
    if (slash == std::string::npos) return false;
    auto dir = open_host(relative.substr(0, slash), false);
    if (!dir) return false;
    struct stat info{};
    bool regular = ::fstatat(*dir, relative.substr(slash + 1).c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(info.st_mode);
    ::close(*dir);
    return regular;
}

Result<void> Manifest::recover(StateStore& store) {
    auto recorded = store.meta(k_manifest_size_key);
    if (!recorded) return std::unexpected(recorded.error());
    std::optional<std::uintmax_t> known;
    if (recorded->has_value()) {
        const std::string& text = **recorded;
        std::uintmax_t value = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || ec != std::errc() || end != text.data() + text.size())
            return fail(ErrorKind::state, "the state file's meta '" + std::string(k_manifest_size_key) + "' is '" + text +
                                              "', not a number: the state file is damaged (" + m_path.string() +
                                              " is left as it is)");
        known = value;
    }
    std::error_code ec;
    fs::create_directories(m_path.parent_path(), ec);
    bool there = fs::exists(fs::symlink_status(m_path, ec));
    // The size is recorded before anything is appended, so that a run killed between an append
    // and the record of its size finds a size to cut back to.
    if (!there) {
        if (!known || *known > 0)
            if (auto saved = store.set_meta(k_manifest_size_key, "0"); !saved) return saved;  // none yet, or removed
        return flush(store);
    }
    auto fd = open_in(m_path.parent_path(), m_path.filename().string(), O_RDWR);
    if (!fd) return std::unexpected(fd.error());
    struct stat info{};
    if (::fstat(*fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(*fd);
        return fail(ErrorKind::io, m_path.string() + ": not a regular file");
    }
    const std::uintmax_t size = static_cast<std::uintmax_t>(info.st_size);
    std::uintmax_t keep = size;
    if (!known) {
        // No recorded size (a new or emptied state file): every complete line is known good;
        // only a torn last line (no newline) is cut.
        std::string tail;
        const std::uintmax_t window = std::min<std::uintmax_t>(size, 1 << 20);
        tail.resize(static_cast<std::size_t>(window));
        ssize_t n = window ? ::pread(*fd, tail.data(), tail.size(), static_cast<off_t>(size - window)) : 0;
        if (n == static_cast<ssize_t>(window) && window > 0 && tail.back() != '\n') {
            std::size_t newline = tail.rfind('\n');
            keep = newline == std::string::npos ? (window == size ? 0 : size) : size - window + newline + 1;
        }
    } else if (size > *known) {
        // Bytes appended after the last recorded size belong to lines still pending in the
        // state (or to a torn append): cut them off, they are appended again below.
        keep = *known;
    }
    if (keep < size && ::ftruncate(*fd, static_cast<off_t>(keep)) != 0) {
        std::string why = errno_text();
        ::close(*fd);
        return fail(ErrorKind::io, m_path.string() + ": cannot truncate: " + why);
    }
    ::close(*fd);
    // Rotated or truncated by someone else (smaller than recorded), or no size recorded:
    // continue from what is there.
    if (!known || keep != *known)
        if (auto saved = store.set_meta(k_manifest_size_key, std::to_string(keep)); !saved) return saved;
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
    auto opened = open_in(m_path.parent_path(), m_path.filename().string(), O_WRONLY | O_CREAT | O_APPEND);
    if (!opened) return std::unexpected(opened.error());
    int fd = *opened;
    if (auto written = write_all(fd, text, m_path.string()); !written) {
        ::close(fd);
        return written;
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
