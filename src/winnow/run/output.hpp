// run: the output folder. Each article has one stable path derived from its normalised URL,
// `host/slug-HASH.txt` (HASH = 16 hex digits of FNV-1a 64 of the URL), so a page rewritten after
// a crash lands on the same file and never makes a duplicate. The manifest
// (`manifest.jsonl`) gets one line per written file; its lines are first committed in the state
// file and then appended, and the state records the manifest's size after each append, so that
// on start a torn or unrecorded append is cut off and redone: each line is appended exactly once.
//
// Nothing escapes the output folder: everything under it is opened relative to the folder's
// descriptor without following symlinks (a host folder or manifest.jsonl that is a symlink is
// refused with a message; a symlink in place of an article file is replaced, never written
// through), temporary files carry a name only winnow makes, and folders are fsynced after a
// rename so that the rename itself survives a power cut.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "winnow/run/state_store.hpp"
#include "winnow/util/result.hpp"

namespace winnow::run {

// The 64-bit FNV-1a hash: stable across runs, machines and versions (output names, shards).
std::uint64_t fnv1a_64(std::string_view bytes);

// 16 lower-case hex digits of fnv1a_64.
std::string stable_hash(std::string_view bytes);

// A file name part from a URL path: lower-case letters and digits, runs of anything else as
// one '-', at most 60 characters (the end of the path kept, it is the most specific), "index"
// when nothing is left.
std::string slug_from_path(std::string_view path);

// `host/slug-HASH` + extension (".txt", ".json"), relative to the output folder. A
// non-default port becomes part of the folder name (`host_8080`).
std::string output_relative_path(const std::string& normalised_url, std::string_view extension);

// The name of the temporary file of an article write: `.NAME.winnow-tmp.PID.RANDOM`.
bool is_article_temporary(std::string_view file_name);

// Removes the temporary files an interrupted article write left in the host folders of the
// output folder (only names is_article_temporary() accepts, one level down, no symlinks).
void remove_stale_temporaries(const std::filesystem::path& output);

// The output folder, open. Paths are `host/name` as output_relative_path() makes them.
class OutputFolder {
public:
    // Creates the folder when missing (the configured path itself may be a symlink: the user
    // chose it) and opens it.
    static Result<OutputFolder> open(const std::filesystem::path& path);
    OutputFolder(OutputFolder&& other) noexcept;
    OutputFolder& operator=(OutputFolder&&) = delete;
    ~OutputFolder();

    // Writes the file atomically (temporary file, fsync, rename, fsync of the host folder).
    Result<void> write_file(const std::string& relative, std::string_view content) const;
    // True when `relative` is a regular file (a symlink is not).
    bool has_file(const std::string& relative) const;

    const std::filesystem::path& path() const { return m_path; }
    int fd() const { return m_fd; }

private:
    OutputFolder(std::filesystem::path path, int fd) : m_path(std::move(path)), m_fd(fd) {}
    Result<int> open_host(const std::string& host, bool create) const;
    std::filesystem::path m_path;
    int m_fd = -1;
};

class Manifest {
public:
    explicit Manifest(std::filesystem::path path) : m_path(std::move(path)) {}

    // Start of a run: cuts off whatever was appended after the last recorded size, then appends
    // the committed pending lines. With no recorded size (a new or emptied state file) nothing
    // known good is cut: only a torn last line. A recorded size that is not a number is a
    // damaged state file (error kind `state`).
    Result<void> recover(StateStore& store);

    // Appends the committed pending lines, flushes, then records the new size and drops them
    // from the state (one transaction).
    Result<void> flush(StateStore& store);

    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

}  // namespace winnow::run
