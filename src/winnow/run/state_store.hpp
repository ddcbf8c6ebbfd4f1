// run: the state file, a SQLite database that remembers, per normalised URL, what the last run
// saw (status, validators, content hash, output file, failures), the queue of the run in
// progress (so an interrupted run is finished, not restarted), and the manifest lines that were
// committed but not yet appended to manifest.jsonl. Writes are grouped by the caller into
// transactions (begin/commit), so 100,000 URLs cost a few hundred commits, not 100,000.
// StateLock is the exclusive lock on the state file that keeps two runs apart.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "winnow/util/result.hpp"

namespace winnow::run {

// What the last attempt for a URL gave.
struct PageRecord {
    std::string url;            // normalised, the key
    long status = 0;            // last HTTP status, 0 when there was no response
    std::string outcome;        // new, changed, unchanged, failed, robots, not html
    std::string etag;           // validators of the last good response
    std::string last_modified;
    std::string content_hash;   // hash of the clean text in the output file ("" before the first)
    std::string output_path;    // relative to the output folder ("" while there is no file)
    std::string final_url;
    std::string title;
    std::string first_seen;     // UTC, ISO 8601
    std::string last_seen;
    long failure_count = 0;     // consecutive failures
    std::string last_error;
};

// One URL to fetch in the current run, in order.
struct QueueEntry {
    std::string url;
    std::string profile;  // forced profile of its source, or ""
};

// A manifest line committed with its page but perhaps not yet in manifest.jsonl.
struct PendingManifestLine {
    std::int64_t sequence = 0;
    std::string line;
};

class StateStore {
public:
    // Opens (creating when missing) the database and its schema.
    static Result<StateStore> open(const std::filesystem::path& path);

    StateStore(StateStore&&) noexcept;
    StateStore& operator=(StateStore&&) noexcept;
    ~StateStore();

    Result<void> begin();
    Result<void> commit();
    void rollback();

    Result<std::optional<PageRecord>> find(const std::string& url);
    Result<void> put(const PageRecord& record);
    Result<std::int64_t> page_count();
    // Every record that points at an output file (for the start-up check of files on disk).
    Result<std::vector<std::pair<std::string, std::string>>> output_paths();
    Result<void> clear_output(const std::string& url);  // the file is gone: forget path and hash

    Result<void> enqueue(const std::vector<QueueEntry>& entries);
    Result<std::vector<QueueEntry>> queue();
    Result<void> dequeue(const std::string& url);

    Result<void> add_manifest_line(const std::string& line);
    Result<std::vector<PendingManifestLine>> pending_manifest_lines();
    Result<void> drop_manifest_lines_through(std::int64_t sequence);

    Result<std::optional<std::string>> meta(const std::string& key);
    Result<void> set_meta(const std::string& key, const std::string& value);

private:
    struct Connection;
    explicit StateStore(std::unique_ptr<Connection> connection);
    std::unique_ptr<Connection> m_db;
};

// An exclusive, non-blocking lock on `STATE.lock` (flock). The kernel drops it when the process
// ends, even by kill -9, so a crashed run never leaves a stale lock behind.
class StateLock {
public:
    // Takes the lock, or fails (busy) at once naming the state file and the holder's pid.
    static Result<StateLock> acquire(const std::filesystem::path& state_file);

    StateLock(StateLock&& other) noexcept;
    StateLock& operator=(StateLock&&) = delete;
    ~StateLock();

private:
    explicit StateLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

}  // namespace winnow::run
