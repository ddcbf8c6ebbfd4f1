#include "winnow/run/state_store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>

namespace winnow::run {
namespace {

namespace fs = std::filesystem;

// Schema version 2 (version 1 had neither the failure columns of `pages` nor `queue.crashes`;
// upgrade() adds them). `pages` is keyed by the normalised URL; the index on output_path serves
// the start-up check of files; `queue` keeps the order of the run in progress.
constexpr const char* k_schema = R"sql(
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA cache_size = -32768;
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,
    status INTEGER NOT NULL DEFAULT 0,
    outcome TEXT NOT NULL DEFAULT '',
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL DEFAULT '',
    output_path TEXT NOT NULL DEFAULT '',
    final_url TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    failure_count INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    failure_category TEXT NOT NULL DEFAULT '',
    failing_since TEXT NOT NULL DEFAULT '',
    not_found_runs INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS pages_by_output_path ON pages(output_path) WHERE output_path <> '';
CREATE TABLE IF NOT EXISTS queue (
    position INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    profile TEXT NOT NULL DEFAULT '',
    crashes INTEGER NOT NULL DEFAULT 0,
    favor TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS manifest_pending (
    sequence INTEGER PRIMARY KEY,
    line TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', '2');
)sql";

// Columns added since schema version 1, for upgrading an older file in place (the last: the
// queue's favor).
struct AddedColumn {
    const char* table;
    const char* name;
    const char* definition;
};
constexpr AddedColumn k_added_columns[] = {
    {"pages", "failure_category", "TEXT NOT NULL DEFAULT ''"},
    {"pages", "failing_since", "TEXT NOT NULL DEFAULT ''"},
    {"pages", "not_found_runs", "INTEGER NOT NULL DEFAULT 0"},
    {"queue", "crashes", "INTEGER NOT NULL DEFAULT 0"},
    {"queue", "favor", "TEXT NOT NULL DEFAULT ''"},  // added later, the same way
};

constexpr const char* k_page_columns =
    "url, status, outcome, etag, last_modified, content_hash, output_path, final_url, title, first_seen, last_seen, "
    "failure_count, last_error, failure_category, failing_since, not_found_runs";

std::string column_text(sqlite3_stmt* statement, int column) {
    const unsigned char* text = sqlite3_column_text(statement, column);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(statement, column)))
                : std::string();
}

PageRecord page_from_row(sqlite3_stmt* s) {
    PageRecord r;
    r.url = column_text(s, 0);
    r.status = sqlite3_column_int64(s, 1);
    r.outcome = column_text(s, 2);
    r.etag = column_text(s, 3);
    r.last_modified = column_text(s, 4);
    r.content_hash = column_text(s, 5);
    r.output_path = column_text(s, 6);
    r.final_url = column_text(s, 7);
    r.title = column_text(s, 8);
    r.first_seen = column_text(s, 9);
    r.last_seen = column_text(s, 10);
    r.failure_count = sqlite3_column_int64(s, 11);
    r.last_error = column_text(s, 12);
    r.failure_category = column_text(s, 13);
    r.failing_since = column_text(s, 14);
    r.not_found_runs = sqlite3_column_int64(s, 15);
    return r;
}

}  // namespace

// The open database and its prepared statements, each prepared once.
struct StateStore::Connection {
    sqlite3* db = nullptr;
    std::string path;
    std::map<std::string, sqlite3_stmt*> statements;

    ~Connection() {
        for (auto& [sql, statement] : statements) sqlite3_finalize(statement);
        if (db) sqlite3_close(db);
    }

    std::unexpected<Error> error(const std::string& what) const {
        return fail(ErrorKind::state, path + ": " + what + ": " + sqlite3_errmsg(db));
    }

    Result<sqlite3_stmt*> prepare(const std::string& sql) {
        if (auto found = statements.find(sql); found != statements.end()) {
            sqlite3_reset(found->second);
            sqlite3_clear_bindings(found->second);
            return found->second;
        }
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK)
            return error("cannot prepare a statement");
        statements.emplace(sql, statement);
        return statement;
    }

    Result<void> exec(const char* sql, const std::string& what) {
        char* message = nullptr;
        if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
            std::string text = message ? message : "unknown error";
            sqlite3_free(message);
            return fail(ErrorKind::state, path + ": " + what + ": " + text);
        }
        return {};
    }

    // Runs a statement that returns no rows.
    Result<void> run(sqlite3_stmt* statement, const std::string& what) {
        int rc = sqlite3_step(statement);
        sqlite3_reset(statement);
        if (rc != SQLITE_DONE) return error(what);
        return {};
    }
};

namespace {

void bind(sqlite3_stmt* statement, int index, const std::string& value) {
    sqlite3_bind_text(statement, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
}

}  // namespace

StateStore::StateStore(std::unique_ptr<Connection> connection) : m_db(std::move(connection)) {}
StateStore::~StateStore() = default;
StateStore::StateStore(StateStore&&) noexcept = default;
StateStore& StateStore::operator=(StateStore&&) noexcept = default;

namespace {

bool has_column(sqlite3* db, const char* table, const char* column) {
    std::string sql = std::string("SELECT 1 FROM pragma_table_info('") + table + "') WHERE name = '" + column + "'";
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) return false;
    bool found = sqlite3_step(statement) == SQLITE_ROW;
    sqlite3_finalize(statement);
    return found;
}

// A symlink in place of the state file would let a run write wherever it points.
Result<void> refuse_symlink(const fs::path& path) {
    std::error_code ec;
    if (fs::is_symlink(fs::symlink_status(path, ec)))
        return fail(ErrorKind::state, path.string() + ": the state file is a symbolic link; refusing to follow it");
    return {};
}

}  // namespace

Result<StateStore> StateStore::open(const fs::path& path) {
    auto connection = std::make_unique<Connection>();
    connection->path = path.string();
    if (auto refused = refuse_symlink(path); !refused) return std::unexpected(refused.error());
    std::error_code ec;
    if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
    if (sqlite3_open_v2(connection->path.c_str(), &connection->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, nullptr) != SQLITE_OK)
        return connection->error("cannot open the state file");
    sqlite3_busy_timeout(connection->db, 5000);
    if (auto created = connection->exec(k_schema, "cannot create the state tables (is it a winnow state file?)"); !created)
        return std::unexpected(created.error());
    for (const auto& column : k_added_columns) {
        if (has_column(connection->db, column.table, column.name)) continue;
        std::string sql = std::string("ALTER TABLE ") + column.table + " ADD COLUMN " + column.name + " " + column.definition;
        if (auto added = connection->exec(sql.c_str(), "cannot upgrade the state file"); !added) return std::unexpected(added.error());
    }
    if (auto versioned = connection->exec("UPDATE meta SET value = '2' WHERE key = 'schema' AND value = '1'", "cannot upgrade the state file");
        !versioned)
        return std::unexpected(versioned.error());
    return StateStore(std::move(connection));
}

Result<StateStore> StateStore::open_read_only(const fs::path& path) {
    auto connection = std::make_unique<Connection>();
    connection->path = path.string();
    if (auto refused = refuse_symlink(path); !refused) return std::unexpected(refused.error());
    std::error_code ec;
    if (!fs::exists(path, ec)) return fail(ErrorKind::state, path.string() + ": no such state file (has `winnow run` run yet?)");
    if (sqlite3_open_v2(connection->path.c_str(), &connection->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, nullptr) != SQLITE_OK)
        return connection->error("cannot open the state file");
    sqlite3_busy_timeout(connection->db, 5000);
    if (!has_column(connection->db, "meta", "key") || !has_column(connection->db, "pages", "url"))
        return fail(ErrorKind::state, path.string() + ": not a winnow state file");
    if (!has_column(connection->db, "pages", "not_found_runs"))
        return fail(ErrorKind::state, path.string() + ": written by an older winnow (schema 1); the next `winnow run` upgrades it");
    return StateStore(std::move(connection));
}

Result<void> StateStore::begin() { return m_db->exec("BEGIN IMMEDIATE", "cannot begin a transaction"); }
Result<void> StateStore::commit() { return m_db->exec("COMMIT", "cannot commit"); }
void StateStore::rollback() { (void)m_db->exec("ROLLBACK", "cannot roll back"); }

Result<std::optional<PageRecord>> StateStore::find(const std::string& url) {
    auto statement = m_db->prepare(std::string("SELECT ") + k_page_columns + " FROM pages WHERE url = ?1");
    if (!statement) return std::unexpected(statement.error());
    sqlite3_stmt* s = *statement;
    bind(s, 1, url);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE) {
        sqlite3_reset(s);
        return std::optional<PageRecord>();
    }
    if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        return m_db->error("cannot read a page");
    }
    PageRecord r = page_from_row(s);
    sqlite3_reset(s);
    return std::optional<PageRecord>(std::move(r));
}

Result<std::vector<PageRecord>> StateStore::pages_where(const std::string& condition) {
    sqlite3_stmt* s = nullptr;
    std::string sql = std::string("SELECT ") + k_page_columns + " FROM pages WHERE " + condition + " ORDER BY url";
    if (sqlite3_prepare_v2(m_db->db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) return m_db->error("cannot read the pages");
    std::vector<PageRecord> records;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) records.push_back(page_from_row(s));
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) return m_db->error("cannot read the pages");
    return records;
}

Result<std::vector<std::pair<std::string, std::int64_t>>> StateStore::outcome_counts() {
    auto statement = m_db->prepare("SELECT outcome, count(*) FROM pages GROUP BY outcome ORDER BY outcome");
    if (!statement) return std::unexpected(statement.error());
    std::vector<std::pair<std::string, std::int64_t>> counts;
    int rc;
    while ((rc = sqlite3_step(*statement)) == SQLITE_ROW)
        counts.emplace_back(column_text(*statement, 0), sqlite3_column_int64(*statement, 1));
    sqlite3_reset(*statement);
    if (rc != SQLITE_DONE) return m_db->error("cannot count the pages");
    return counts;
}

Result<void> StateStore::remove_page(const std::string& url) {
    for (const char* sql : {"DELETE FROM pages WHERE url = ?1", "DELETE FROM queue WHERE url = ?1"}) {
        auto statement = m_db->prepare(sql);
        if (!statement) return std::unexpected(statement.error());
        bind(*statement, 1, url);
        if (auto done = m_db->run(*statement, "cannot forget " + url); !done) return done;
    }
    return {};
}

Result<long> StateStore::note_crash(const std::string& url) {
    auto update = m_db->prepare("UPDATE queue SET crashes = crashes + 1 WHERE url = ?1");
    if (!update) return std::unexpected(update.error());
    bind(*update, 1, url);
    if (auto done = m_db->run(*update, "cannot update the queue"); !done) return std::unexpected(done.error());
    auto select = m_db->prepare("SELECT crashes FROM queue WHERE url = ?1");
    if (!select) return std::unexpected(select.error());
    bind(*select, 1, url);
    int rc = sqlite3_step(*select);
    long crashes = rc == SQLITE_ROW ? static_cast<long>(sqlite3_column_int64(*select, 0)) : 0;
    sqlite3_reset(*select);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return m_db->error("cannot read the queue");
    return crashes;
}

Result<void> StateStore::put(const PageRecord& r) {
    auto statement = m_db->prepare(
        std::string("INSERT OR REPLACE INTO pages(") + k_page_columns +
        ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
    if (!statement) return std::unexpected(statement.error());
    sqlite3_stmt* s = *statement;
    bind(s, 1, r.url);
    sqlite3_bind_int64(s, 2, r.status);
    bind(s, 3, r.outcome);
    bind(s, 4, r.etag);
    bind(s, 5, r.last_modified);
    bind(s, 6, r.content_hash);
    bind(s, 7, r.output_path);
    bind(s, 8, r.final_url);
    bind(s, 9, r.title);
    bind(s, 10, r.first_seen);
    bind(s, 11, r.last_seen);
    sqlite3_bind_int64(s, 12, r.failure_count);
    bind(s, 13, r.last_error);
    bind(s, 14, r.failure_category);
    bind(s, 15, r.failing_since);
    sqlite3_bind_int64(s, 16, r.not_found_runs);
    return m_db->run(s, "cannot save the page " + r.url);
}

Result<std::int64_t> StateStore::page_count() {
    auto statement = m_db->prepare("SELECT count(*) FROM pages");
    if (!statement) return std::unexpected(statement.error());
    std::int64_t count = sqlite3_step(*statement) == SQLITE_ROW ? sqlite3_column_int64(*statement, 0) : -1;
    sqlite3_reset(*statement);
    if (count < 0) return m_db->error("cannot count pages");
    return count;
}

Result<std::vector<std::pair<std::string, std::string>>> StateStore::output_paths() {
    auto statement = m_db->prepare("SELECT url, output_path FROM pages WHERE output_path <> ''");
    if (!statement) return std::unexpected(statement.error());
    std::vector<std::pair<std::string, std::string>> rows;
    int rc;
    while ((rc = sqlite3_step(*statement)) == SQLITE_ROW) rows.emplace_back(column_text(*statement, 0), column_text(*statement, 1));
    sqlite3_reset(*statement);
    if (rc != SQLITE_DONE) return m_db->error("cannot list output files");
    return rows;
}

Result<void> StateStore::clear_output(const std::string& url) {
    auto statement = m_db->prepare(
        "UPDATE pages SET output_path = '', content_hash = '', etag = '', last_modified = '' WHERE url = ?1");
    if (!statement) return std::unexpected(statement.error());
    bind(*statement, 1, url);
    return m_db->run(*statement, "cannot update the page " + url);
}

Result<void> StateStore::enqueue(const std::vector<QueueEntry>& entries) {
    auto statement = m_db->prepare("INSERT OR IGNORE INTO queue(url, profile, favor) VALUES (?1, ?2, ?3)");
    if (!statement) return std::unexpected(statement.error());
    for (const auto& entry : entries) {
        bind(*statement, 1, entry.url);
        bind(*statement, 2, entry.profile);
        bind(*statement, 3, entry.favor);
        if (auto done = m_db->run(*statement, "cannot queue " + entry.url); !done) return done;
    }
    return {};
}

Result<std::vector<QueueEntry>> StateStore::queue() {
    // A file opened read-only (`winnow state`) may predate the favor column.
    auto statement = m_db->prepare(has_column(m_db->db, "queue", "favor")
                                       ? "SELECT url, profile, crashes, favor FROM queue ORDER BY position"
                                       : "SELECT url, profile, crashes, '' FROM queue ORDER BY position");
    if (!statement) return std::unexpected(statement.error());
    std::vector<QueueEntry> entries;
    int rc;
    while ((rc = sqlite3_step(*statement)) == SQLITE_ROW)
        entries.push_back({column_text(*statement, 0), column_text(*statement, 1), static_cast<long>(sqlite3_column_int64(*statement, 2)),
                           column_text(*statement, 3)});
    sqlite3_reset(*statement);
    if (rc != SQLITE_DONE) return m_db->error("cannot read the queue");
    return entries;
}

Result<void> StateStore::dequeue(const std::string& url) {
    auto statement = m_db->prepare("DELETE FROM queue WHERE url = ?1");
    if (!statement) return std::unexpected(statement.error());
    bind(*statement, 1, url);
    return m_db->run(*statement, "cannot update the queue");
}

Result<void> StateStore::add_manifest_line(const std::string& line) {
    auto statement = m_db->prepare("INSERT INTO manifest_pending(line) VALUES (?1)");
    if (!statement) return std::unexpected(statement.error());
    bind(*statement, 1, line);
    return m_db->run(*statement, "cannot save a manifest line");
}

Result<std::vector<PendingManifestLine>> StateStore::pending_manifest_lines() {
    auto statement = m_db->prepare("SELECT sequence, line FROM manifest_pending ORDER BY sequence");
    if (!statement) return std::unexpected(statement.error());
    std::vector<PendingManifestLine> lines;
    int rc;
    while ((rc = sqlite3_step(*statement)) == SQLITE_ROW)
        lines.push_back({sqlite3_column_int64(*statement, 0), column_text(*statement, 1)});
    sqlite3_reset(*statement);
    if (rc != SQLITE_DONE) return m_db->error("cannot read the manifest lines");
    return lines;
}

Result<void> StateStore::drop_manifest_lines_through(std::int64_t sequence) {
    auto statement = m_db->prepare("DELETE FROM manifest_pending WHERE sequence <= ?1");
    if (!statement) return std::unexpected(statement.error());
    sqlite3_bind_int64(*statement, 1, sequence);
    return m_db->run(*statement, "cannot update the manifest lines");
}

Result<std::optional<std::string>> StateStore::meta(const std::string& key) {
    auto statement = m_db->prepare("SELECT value FROM meta WHERE key = ?1");
    if (!statement) return std::unexpected(statement.error());
    bind(*statement, 1, key);
    std::optional<std::string> value;
    int rc = sqlite3_step(*statement);
    if (rc == SQLITE_ROW) value = column_text(*statement, 0);
    sqlite3_reset(*statement);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return m_db->error("cannot read " + key);
    return value;
}

Result<void> StateStore::set_meta(const std::string& key, const std::string& value) {
    auto statement = m_db->prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)");
    if (!statement) return std::unexpected(statement.error());
    bind(*statement, 1, key);
    bind(*statement, 2, value);
    return m_db->run(*statement, "cannot save " + key);
}

Result<StateLock> StateLock::acquire(const fs::path& state_file) { return take(state_file, false, {}); }

Result<StateLock> StateLock::wait_for(const fs::path& state_file, const std::function<void(const std::string&)>& waiting) {
    return take(state_file, true, waiting);
}

namespace {

std::string read_lock_file(int fd) {
    std::string content(4096, '\0');
    ssize_t n = ::pread(fd, content.data(), content.size(), 0);
    content.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    return content;
}

// "PID\nURL\nURL\n": the holder's pid, and the URLs in flight if any.
std::pair<std::string, std::vector<std::string>> split_lock_content(const std::string& content) {
    std::size_t end = content.find('\n');
    std::string pid = content.substr(0, end);
    std::vector<std::string> urls;
    while (end != std::string::npos) {
        std::size_t start = end + 1;
        end = content.find('\n', start);
        if (end == std::string::npos) break;  // a torn write: no complete URL
        if (end > start) urls.push_back(content.substr(start, end - start));
    }
    while (!pid.empty() && pid.back() == ' ') pid.pop_back();
    return {pid, urls};
}

}  // namespace

Result<StateLock> StateLock::take(const fs::path& state_file, bool wait, const std::function<void(const std::string&)>& waiting) {
    fs::path lock_path = state_file.string() + ".lock";
    std::error_code ec;
    if (lock_path.has_parent_path()) fs::create_directories(lock_path.parent_path(), ec);
    // O_NOFOLLOW: a symlink planted as STATE.lock must not make the run write (the pid) elsewhere.
    int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0 && errno == ELOOP)
        return fail(ErrorKind::state, lock_path.string() + ": the lock file is a symbolic link; refusing to follow it");
    if (fd < 0) return fail(ErrorKind::state, lock_path.string() + ": cannot open the lock file: " + std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int why = errno;
        std::string pid = split_lock_content(read_lock_file(fd)).first;
        if (why == EWOULDBLOCK && wait) {
            if (waiting) waiting(pid);
            while (::flock(fd, LOCK_EX) != 0) {
                if (errno == EINTR) continue;
                why = errno;
                break;
            }
            if (why == EWOULDBLOCK) why = 0;
        }
        if (why != 0) {
            ::close(fd);
            if (why != EWOULDBLOCK) return fail(ErrorKind::state, lock_path.string() + ": cannot lock: " + std::strerror(why));
            return fail(ErrorKind::busy, state_file.string() + ": another winnow run is using this state file" +
                                             (pid.empty() ? "" : " (pid " + pid + ")") + "; not starting");
        }
    }
    std::vector<std::string> died_on = split_lock_content(read_lock_file(fd)).second;
    // The holder's pid, for the message of a run that finds the lock taken.
    std::string pid_line = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid_line.data(), pid_line.size(), 0) < 0) {
        // Informational only: the lock itself is held.
    }
    return StateLock(fd, std::move(pid_line), std::move(died_on));
}

void StateLock::mark_in_flight(const std::string& url) {
    std::lock_guard guard(*m_mutex);
    if (std::find(m_in_flight.begin(), m_in_flight.end(), url) != m_in_flight.end()) return;
    m_in_flight.push_back(url);
    write_in_flight();
}

void StateLock::clear_in_flight(const std::string& url) {
    std::lock_guard guard(*m_mutex);
    auto found = std::find(m_in_flight.begin(), m_in_flight.end(), url);
    if (found == m_in_flight.end()) return;
    m_in_flight.erase(found);
    write_in_flight();
}

void StateLock::clear_in_flight() {
    std::lock_guard guard(*m_mutex);
    m_in_flight.clear();
    write_in_flight();
}

void StateLock::write_in_flight() {
    if (m_fd < 0) return;
    std::string lines;
    for (const std::string& url : m_in_flight) lines += url + "\n";
    // The URLs go after the pid line; a reader sees a URL only once its newline is written.
    if (!lines.empty()) (void)!::pwrite(m_fd, lines.data(), lines.size(), static_cast<off_t>(m_pid_line.size()));
    (void)!::ftruncate(m_fd, static_cast<off_t>(m_pid_line.size() + lines.size()));
}

StateLock::StateLock(StateLock&& other) noexcept
    : m_fd(other.m_fd), m_pid_line(std::move(other.m_pid_line)), m_died_on(std::move(other.m_died_on)),
      m_mutex(std::move(other.m_mutex)), m_in_flight(std::move(other.m_in_flight)) {
    other.m_fd = -1;
}

StateLock::~StateLock() {
    if (m_fd >= 0) ::close(m_fd);  // closing releases the flock
}

}  // namespace winnow::run
