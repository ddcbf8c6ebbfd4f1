#include "winnow/run/state_store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>

namespace winnow::run {
namespace {

namespace fs = std::filesystem;

// Schema version 1. `pages` is keyed by the normalised URL; the index on output_path serves the
// start-up check of files; `queue` keeps the order of the run in progress.
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
    last_error TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS pages_by_output_path ON pages(output_path) WHERE output_path <> '';
CREATE TABLE IF NOT EXISTS queue (
    position INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    profile TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS manifest_pending (
    sequence INTEGER PRIMARY KEY,
    line TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', '1');
)sql";

std::string column_text(sqlite3_stmt* statement, int column) {
    const unsigned char* text = sqlite3_column_text(statement, column);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(statement, column)))
                : std::string();
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
        return fail(ErrorKind::io, path + ": " + what + ": " + sqlite3_errmsg(db));
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
            return fail(ErrorKind::io, path + ": " + what + ": " + text);
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

Result<StateStore> StateStore::open(const fs::path& path) {
    auto connection = std::make_unique<Connection>();
    connection->path = path.string();
    std::error_code ec;
    if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
    if (sqlite3_open_v2(connection->path.c_str(), &connection->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
        return connection->error("cannot open the state file");
    sqlite3_busy_timeout(connection->db, 5000);
    if (auto created = connection->exec(k_schema, "cannot create the state tables (is it a winnow state file?)"); !created)
        return std::unexpected(created.error());
    return StateStore(std::move(connection));
}

Result<void> StateStore::begin() { return m_db->exec("BEGIN IMMEDIATE", "cannot begin a transaction"); }
Result<void> StateStore::commit() { return m_db->exec("COMMIT", "cannot commit"); }
void StateStore::rollback() { (void)m_db->exec("ROLLBACK", "cannot roll back"); }

Result<std::optional<PageRecord>> StateStore::find(const std::string& url) {
    auto statement = m_db->prepare(
        "SELECT url, status, outcome, etag, last_modified, content_hash, output_path, final_url, title, first_seen, "
        "last_seen, failure_count, last_error FROM pages WHERE url = ?1");
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
    sqlite3_reset(s);
    return std::optional<PageRecord>(std::move(r));
}

Result<void> StateStore::put(const PageRecord& r) {
    auto statement = m_db->prepare(
        "INSERT OR REPLACE INTO pages(url, status, outcome, etag, last_modified, content_hash, output_path, final_url, "
        "title, first_seen, last_seen, failure_count, last_error) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
        "?12, ?13)");
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
    auto statement = m_db->prepare("INSERT OR IGNORE INTO queue(url, profile) VALUES (?1, ?2)");
    if (!statement) return std::unexpected(statement.error());
    for (const auto& entry : entries) {
        bind(*statement, 1, entry.url);
        bind(*statement, 2, entry.profile);
        if (auto done = m_db->run(*statement, "cannot queue " + entry.url); !done) return done;
    }
    return {};
}

Result<std::vector<QueueEntry>> StateStore::queue() {
    auto statement = m_db->prepare("SELECT url, profile FROM queue ORDER BY position");
    if (!statement) return std::unexpected(statement.error());
    std::vector<QueueEntry> entries;
    int rc;
    while ((rc = sqlite3_step(*statement)) == SQLITE_ROW) entries.push_back({column_text(*statement, 0), column_text(*statement, 1)});
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

Result<StateLock> StateLock::acquire(const fs::path& state_file) {
    fs::path lock_path = state_file.string() + ".lock";
    std::error_code ec;
    if (lock_path.has_parent_path()) fs::create_directories(lock_path.parent_path(), ec);
    int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return fail(ErrorKind::io, lock_path.string() + ": cannot open the lock file: " + std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int why = errno;
        char holder[32] = {};
        ssize_t n = ::pread(fd, holder, sizeof holder - 1, 0);
        ::close(fd);
        if (why != EWOULDBLOCK) return fail(ErrorKind::io, lock_path.string() + ": cannot lock: " + std::strerror(why));
        std::string pid = n > 0 ? std::string(holder, static_cast<std::size_t>(n)) : "";
        while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
        return fail(ErrorKind::busy, state_file.string() + ": another winnow run is using this state file" +
                                         (pid.empty() ? "" : " (pid " + pid + ")") + "; not starting");
    }
    // The holder's pid, for the message of a run that finds the lock taken.
    std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) < 0) {
        // Informational only: the lock itself is held.
    }
    return StateLock(fd);
}

StateLock::StateLock(StateLock&& other) noexcept : m_fd(other.m_fd) { other.m_fd = -1; }

StateLock::~StateLock() {
    if (m_fd >= 0) ::close(m_fd);  // closing releases the flock
}

}  // namespace winnow::run
