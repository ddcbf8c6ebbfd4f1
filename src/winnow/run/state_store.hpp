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
#include <functional>
#include <memory>
#include <mutex>
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
    std::string failure_category;  // of the last failure: a fetcher category (README), or cleaning, crashed
    std::string failing_since;     // UTC of the first failure of the current streak ("" while none)
    long not_found_runs = 0;       // consecutive runs answered 404 or 410 (gone_after of them: outcome gone)
};

// URLs that are no longer fetched: retired after 404/410 on gone_after runs, or a page that
// crashed winnow twice. `winnow state retry URL` brings them back.
inline bool is_retired(const PageRecord& record) { return record.outcome == "gone" || record.outcome == "crashed"; }

// One URL to fetch in the current run, in order.
struct QueueEntry {
    std::string url;
    std::string profile;  // forced profile of its source, or ""
    long crashes = 0;     // runs that died while this URL was in flight (queue only)
    std::string favor{};  // its source's `favor` (else the configuration's), or "": the profile's
};

// A manifest line committed with its page but perhaps not yet in manifest.jsonl.
struct PendingManifestLine {
    std::int64_t sequence = 0;
    std::string line;
};

class StateStore {
public:
    // Opens (creating when missing) the database and its schema, bringing an older schema up
    // to date. A symlink is refused. Errors are of kind `state`.
    static Result<StateStore> open(const std::filesystem::path& path);
    // Opens an existing state file for reading only, without creating or changing anything, so
    // that `winnow state` can read while a run writes (WAL: readers and one writer at once).
    static Result<StateStore> open_read_only(const std::filesystem::path& path);

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
    Result<void> remove_page(const std::string& url);   // forgets the URL (its queue entry too)
    // Records matching an SQL condition on the pages table (columns as in PageRecord), by URL.
    Result<std::vector<PageRecord>> pages_where(const std::string& condition);
    // Number of pages per outcome.
    Result<std::vector<std::pair<std::string, std::int64_t>>> outcome_counts();

    Result<void> enqueue(const std::vector<QueueEntry>& entries);
    Result<std::vector<QueueEntry>> queue();
    Result<void> dequeue(const std::string& url);
    // One more run died with `url` in flight; returns its count of such deaths (0: not queued).
    Result<long> note_crash(const std::string& url);

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

// An exclusive lock on `STATE.lock` (flock). The kernel drops it when the process ends, even by
// kill -9, so a crashed run never leaves a stale lock behind. The lock file holds the holder's
// pid and, while pages are being cleaned and written, their URLs, one per line (one per cleaning
// thread): URLs still there when the next holder takes the lock are the pages the previous run
// died on (see run_once).
class StateLock {
public:
    // Takes the lock, or fails (busy) at once naming the state file and the holder's pid. The
    // lock file is opened without following symlinks (a symlink is refused, kind `state`).
    static Result<StateLock> acquire(const std::filesystem::path& state_file);
    // Same, but waits for the holder to finish; `waiting` is called once if it has to wait.
    static Result<StateLock> wait_for(const std::filesystem::path& state_file, const std::function<void(const std::string&)>& waiting);

    // The URLs in flight when the previous holder died (none after a clean end).
    const std::vector<std::string>& died_on() const { return m_died_on; }
    // Records `url` as in flight (no fsync: a process that dies leaves the page cache behind).
    // Safe from several threads.
    void mark_in_flight(const std::string& url);
    void clear_in_flight(const std::string& url);  // that URL's page is saved
    void clear_in_flight();                        // all of them

    StateLock(StateLock&& other) noexcept;
    StateLock& operator=(StateLock&&) = delete;
    ~StateLock();

private:
    StateLock(int fd, std::string pid_line, std::vector<std::string> died_on)
        : m_fd(fd), m_pid_line(std::move(pid_line)), m_died_on(std::move(died_on)) {}
    static Result<StateLock> take(const std::filesystem::path& state_file, bool wait,
                                  const std::function<void(const std::string&)>& waiting);
    void write_in_flight();  // under m_mutex
    int m_fd = -1;
    std::string m_pid_line;
    std::vector<std::string> m_died_on;
    std::unique_ptr<std::mutex> m_mutex = std::make_unique<std::mutex>();
    std::vector<std::string> m_in_flight;
};

}  // namespace winnow::run
