#include "winnow/util/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <system_error>
#include <utility>

namespace winnow {
namespace fs = std::filesystem;

namespace {

std::string errno_text() { return std::strerror(errno); }

// A name no other writer in the same folder picks: pid plus random bits.
fs::path temporary_name_for(const fs::path& path) {
    std::random_device seed;
    char suffix[40];
    std::snprintf(suffix, sizeof suffix, ".tmp.%d.%08x", static_cast<int>(getpid()), seed());
    std::string name = ".";
    name += path.filename().string();
    name += suffix;
    return path.parent_path() / name;
}

Result<void> write_all(int fd, std::string_view content, const fs::path& shown) {
    while (!content.empty()) {
        ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail(ErrorKind::io, shown.string() + ": cannot write: " + errno_text());
        }
        content.remove_prefix(static_cast<std::size_t>(n));
    }
    return {};
}

}  // namespace

Result<AtomicFile> AtomicFile::create(const fs::path& path) {
    std::error_code ec;
    if (path.has_parent_path()) {
        fs::create_directories(path.parent_path(), ec);
        if (ec) return fail(ErrorKind::io, path.parent_path().string() + ": cannot create folder: " + ec.message());
    }
    if (fs::is_directory(path, ec)) return fail(ErrorKind::io, path.string() + ": is a folder");
    fs::path tmp = temporary_name_for(path);
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return fail(ErrorKind::io, path.string() + ": cannot create: " + errno_text());
    return AtomicFile(path, std::move(tmp), fd);
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : m_path(std::move(other.m_path)), m_temporary(std::move(other.m_temporary)), m_fd(std::exchange(other.m_fd, -1)) {}

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::discard() {
    if (m_fd < 0) return;
    ::close(m_fd);
    ::unlink(m_temporary.c_str());
    m_fd = -1;
}

Result<void> AtomicFile::write(std::string_view content) {
    if (m_fd < 0) return fail(ErrorKind::internal, m_path.string() + ": write after commit");
    auto written = write_all(m_fd, content, m_path);
    if (!written) discard();
    return written;
}

Result<void> AtomicFile::commit() {
    if (m_fd < 0) return fail(ErrorKind::internal, m_path.string() + ": committed twice");
    if (::fsync(m_fd) != 0) {
        std::string why = errno_text();
        discard();
        return fail(ErrorKind::io, m_path.string() + ": cannot flush: " + why);
    }
    ::close(std::exchange(m_fd, -1));
    if (::rename(m_temporary.c_str(), m_path.c_str()) != 0) {
        std::string why = errno_text();
        ::unlink(m_temporary.c_str());
        return fail(ErrorKind::io, m_path.string() + ": cannot rename into place: " + why);
    }
    return {};
}

Result<void> write_atomically(const fs::path& path, std::string_view content) {
    auto file = AtomicFile::create(path);
    if (!file) return std::unexpected(file.error());
    if (auto written = file->write(content); !written) return written;
    return file->commit();
}

Result<std::string> read_file(const fs::path& path, std::size_t max_bytes) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return fail(ErrorKind::not_found, path.string() + ": no such file");
    if (fs::is_directory(status)) return fail(ErrorKind::bad_input, path.string() + ": is a folder, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(ErrorKind::io, path.string() + ": cannot open: " + errno_text());
    std::string data;
    if (fs::is_regular_file(status)) {
        auto size = fs::file_size(path, ec);
        if (!ec && max_bytes && size > max_bytes)
            return fail(ErrorKind::too_large, path.string() + ": " + std::to_string(size) +
                                                  " bytes, over the limit of " + std::to_string(max_bytes) + " bytes");
        // A file of known size is read straight into the string (through a buffer and a string
        // grown by doubling, every byte was copied three times: 1% of `clean`'s instructions);
        // what a file that grows meanwhile has more is read below.
        if (!ec && size > 0) {
            data.resize(static_cast<std::size_t>(size));
            in.read(data.data(), static_cast<std::streamsize>(size));
            data.resize(static_cast<std::size_t>(in.gcount()));
            if (!in) {
                if (in.bad()) return fail(ErrorKind::io, path.string() + ": cannot read: " + errno_text());
                return data;  // the file was shorter than its size said: all of it is read
            }
        }
    }
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        data.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (max_bytes && data.size() > max_bytes)
            return fail(ErrorKind::too_large, path.string() + ": over the limit of " + std::to_string(max_bytes) + " bytes");
    }
    if (in.bad()) return fail(ErrorKind::io, path.string() + ": cannot read: " + errno_text());
    return data;
}

}  // namespace winnow
