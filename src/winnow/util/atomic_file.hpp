// util: atomic file writes. A reader never sees a partial file: the content goes to a
// temporary file in the same folder, is flushed, then renamed over the target.
#pragma once

#include <filesystem>
#include <string_view>

#include "winnow/util/result.hpp"

namespace winnow {

// Writes `content` to `path` atomically, creating missing parent folders.
Result<void> write_atomically(const std::filesystem::path& path, std::string_view content);

// A file written piece by piece and renamed into place only by commit(): a batch streams its
// output without holding it in memory, and a reader never sees it half-written. Destroyed
// without commit() (an error, an exception, a signal handled by the caller), the temporary
// file is removed and the target left as it was.
class AtomicFile {
public:
    // Creates the temporary file next to `path` (and missing parent folders).
    static Result<AtomicFile> create(const std::filesystem::path& path);
    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&& other) = delete;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();

    Result<void> write(std::string_view content);
    // Flushes to disk and renames over the target. After a failure nothing is left behind.
    Result<void> commit();

    const std::filesystem::path& path() const { return m_path; }

private:
    AtomicFile(std::filesystem::path path, std::filesystem::path temporary, int fd)
        : m_path(std::move(path)), m_temporary(std::move(temporary)), m_fd(fd) {}
    void discard();

    std::filesystem::path m_path;
    std::filesystem::path m_temporary;
    int m_fd = -1;
};

// Reads a whole file into memory; `max_bytes` (0 = no limit) turns a larger file into a
// too_large error before it is read.
Result<std::string> read_file(const std::filesystem::path& path, std::size_t max_bytes = 0);

}  // namespace winnow
