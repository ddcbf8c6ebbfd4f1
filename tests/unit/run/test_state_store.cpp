#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "winnow/run/state_store.hpp"

namespace fs = std::filesystem;
using namespace winnow::run;

namespace {

fs::path temp_state(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("winnow-state-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir / "state.sqlite";
}

PageRecord record(const std::string& url) {
    PageRecord r;
    r.url = url;
    r.status = 200;
    r.outcome = "new";
    r.etag = "\"abc\"";
    r.last_modified = "Sat, 21 Nov 2026 19:40:00 GMT";
    r.content_hash = "0123456789abcdef";
    r.output_path = "example.org/a-0123456789abcdef.txt";
    r.first_seen = r.last_seen = "2026-11-21T19:40:00Z";
    return r;
}

}  // namespace

TEST_CASE("pages, queue, manifest lines and meta survive closing the state file", "[run][state]") {
    fs::path path = temp_state("roundtrip");
    {
        auto store = StateStore::open(path);
        REQUIRE(store);
        REQUIRE(store->begin());
        REQUIRE(store->put(record("https://example.org/a")));
        REQUIRE(store->enqueue({{"https://example.org/b", ""}, {"https://example.org/a", "example.org", 0, "recall"}}));
        REQUIRE(store->add_manifest_line("{\"url\":\"https://example.org/a\"}"));
        REQUIRE(store->set_meta("manifest_size", "42"));
        REQUIRE(store->commit());
        REQUIRE(store->begin());
        REQUIRE(store->put(record("https://example.org/rolled-back")));
        store->rollback();
    }
    auto store = StateStore::open(path);
    REQUIRE(store);
    auto found = store->find("https://example.org/a");
    REQUIRE(found);
    REQUIRE(found->has_value());
    CHECK((*found)->etag == "\"abc\"");
    CHECK((*found)->output_path == "example.org/a-0123456789abcdef.txt");
    CHECK(store->find("https://example.org/rolled-back")->has_value() == false);
    auto queue = store->queue();
    REQUIRE(queue);
    REQUIRE(queue->size() == 2);
    CHECK((*queue)[0].url == "https://example.org/b");
    CHECK((*queue)[1].profile == "example.org");
    CHECK((*queue)[0].favor.empty());
    CHECK((*queue)[1].favor == "recall");  // the source's mode survives a run that stopped
    REQUIRE(store->dequeue("https://example.org/b"));
    CHECK(store->queue()->size() == 1);
    auto lines = store->pending_manifest_lines();
    REQUIRE(lines);
    REQUIRE(lines->size() == 1);
    REQUIRE(store->drop_manifest_lines_through((*lines)[0].sequence));
    CHECK(store->pending_manifest_lines()->empty());
    CHECK(*store->meta("manifest_size") == std::optional<std::string>("42"));
    REQUIRE(store->clear_output("https://example.org/a"));
    CHECK((*store->find("https://example.org/a"))->output_path.empty());
    fs::remove_all(path.parent_path());
}

TEST_CASE("a file that is not a state file is refused with its name", "[run][state]") {
    fs::path path = temp_state("garbage");
    FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("this is not a database, just some text that is long enough to be read as a header.......", f);
    std::fclose(f);
    auto store = StateStore::open(path);
    REQUIRE_FALSE(store);
    CHECK_THAT(store.error().message, Catch::StartsWith(path.string() + ":"));
    fs::remove_all(path.parent_path());
}

TEST_CASE("the state lock is exclusive across processes and released when its holder dies", "[run][state]") {
    fs::path path = temp_state("lock");
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    pid_t child = ::fork();
    if (child == 0) {
        auto lock = StateLock::acquire(path);
        char c = lock ? 'y' : 'n';
        (void)!::write(ready[1], &c, 1);
        ::pause();  // holds the lock until killed
        ::_exit(0);
    }
    char c = 0;
    REQUIRE(::read(ready[0], &c, 1) == 1);
    REQUIRE(c == 'y');
    auto refused = StateLock::acquire(path);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == winnow::ErrorKind::busy);
    CHECK_THAT(refused.error().message, Catch::Contains("another winnow run") && Catch::Contains(std::to_string(child)));
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    CHECK(StateLock::acquire(path));
    ::close(ready[0]);
    ::close(ready[1]);
    fs::remove_all(path.parent_path());
}

TEST_CASE("a state file or lock file that is a symlink is refused (state error), the target untouched", "[run][state][symlink]") {
    fs::path path = temp_state("symlinks");
    fs::path dir = path.parent_path();
    {
        std::ofstream(dir / "foreign") << "keep me";
    }
    fs::create_symlink(dir / "foreign", dir / "state.sqlite.lock");
    auto lock = StateLock::acquire(path);
    REQUIRE_FALSE(lock);
    CHECK(lock.error().kind == winnow::ErrorKind::state);
    CHECK_THAT(lock.error().message, Catch::Contains("state.sqlite.lock: the lock file is a symbolic link"));
    fs::create_symlink(dir / "foreign", path);
    auto store = StateStore::open(path);
    REQUIRE_FALSE(store);
    CHECK(store.error().kind == winnow::ErrorKind::state);
    CHECK_THAT(store.error().message, Catch::Contains("the state file is a symbolic link"));
    std::ifstream in(dir / "foreign");
    std::string content;
    std::getline(in, content);
    CHECK(content == "keep me");
    fs::remove_all(dir);
}

TEST_CASE("the lock file tells the next holder which URLs were in flight when its holder died", "[run][state]") {
    fs::path path = temp_state("inflight");
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    pid_t child = ::fork();
    if (child == 0) {
        auto lock = StateLock::acquire(path);
        if (lock) lock->mark_in_flight("https://x.example/a-long-url-first");
        if (lock) lock->clear_in_flight();
        if (lock) lock->mark_in_flight("https://x.example/b");
        // Several cleaning threads: each page in flight is listed until its row is saved.
        if (lock) lock->mark_in_flight("https://x.example/d");
        if (lock) lock->mark_in_flight("https://x.example/e");
        if (lock) lock->clear_in_flight("https://x.example/e");
        char c = lock ? 'y' : 'n';
        (void)!::write(ready[1], &c, 1);
        ::pause();
        ::_exit(0);
    }
    char c = 0;
    REQUIRE(::read(ready[0], &c, 1) == 1);
    REQUIRE(c == 'y');
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    {
        auto lock = StateLock::acquire(path);
        REQUIRE(lock);
        CHECK(lock->died_on() == std::vector<std::string>{"https://x.example/b", "https://x.example/d"});
        lock->mark_in_flight("https://x.example/c");
        lock->clear_in_flight();  // a clean end leaves nothing behind
    }
    auto next = StateLock::acquire(path);
    REQUIRE(next);
    CHECK(next->died_on().empty());
    ::close(ready[0]);
    ::close(ready[1]);
    fs::remove_all(path.parent_path());
}

TEST_CASE("a version 1 state file is upgraded in place, its pages kept", "[run][state]") {
    fs::path path = temp_state("upgrade");
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db,
                         "CREATE TABLE pages (url TEXT PRIMARY KEY, status INTEGER NOT NULL DEFAULT 0, outcome TEXT NOT NULL DEFAULT '', "
                         "etag TEXT NOT NULL DEFAULT '', last_modified TEXT NOT NULL DEFAULT '', content_hash TEXT NOT NULL DEFAULT '', "
                         "output_path TEXT NOT NULL DEFAULT '', final_url TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '', "
                         "first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, failure_count INTEGER NOT NULL DEFAULT 0, "
                         "last_error TEXT NOT NULL DEFAULT '') WITHOUT ROWID;"
                         "CREATE TABLE queue (position INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, profile TEXT NOT NULL DEFAULT '');"
                         "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
                         "INSERT INTO meta VALUES ('schema', '1');"
                         "INSERT INTO pages(url, status, outcome, first_seen, last_seen, failure_count) "
                         "VALUES ('https://x.example/a', 404, 'failed', 't', 't', 2);",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    auto old = StateStore::open_read_only(path);
    REQUIRE_FALSE(old);
    CHECK(old.error().kind == winnow::ErrorKind::state);
    auto store = StateStore::open(path);
    REQUIRE(store);
    auto page = store->find("https://x.example/a");
    REQUIRE(page);
    REQUIRE(page->has_value());
    CHECK((*page)->failure_count == 2);
    CHECK((*page)->not_found_runs == 0);
    CHECK(*store->meta("schema") == std::optional<std::string>("2"));
    REQUIRE(store->enqueue({{"https://x.example/a", "", 0, "precision"}}));
    CHECK(store->queue()->front().favor == "precision");
    CHECK(*store->note_crash("https://x.example/a") == 1);
    CHECK(*store->note_crash("https://x.example/a") == 2);
    CHECK(*store->note_crash("https://x.example/not-queued") == 0);
    fs::remove_all(path.parent_path());
}

// Not run by ctest (hidden tag); scripts/bench-state runs it: 100,000 URLs written in batches,
// the time of each batch of 10,000 printed so that a slow-down with size would show.
TEST_CASE("state file at scale: 100000 URLs, batch times stay flat", "[.][bench]") {
    fs::path path = temp_state("bench");
    auto store = StateStore::open(path);
    REQUIRE(store);
    using clock = std::chrono::steady_clock;
    constexpr int k_total = 100000, k_batch = 100, k_report = 10000;
    std::vector<double> report_ms;
    auto start = clock::now(), block = start;
    for (int i = 0; i < k_total; i += k_batch) {
        REQUIRE(store->begin());
        for (int j = i; j < i + k_batch; ++j) {
            std::string url = "https://site" + std::to_string(j % 50) + ".example/article/" + std::to_string(j * 7919 % 1000003);
            auto existing = store->find(url);
            REQUIRE(existing);
            PageRecord r = record(url);
            r.output_path = "site/" + std::to_string(j) + ".txt";
            REQUIRE(store->put(r));
            REQUIRE(store->add_manifest_line("{\"url\":\"" + url + "\"}"));
        }
        auto lines = store->pending_manifest_lines();
        REQUIRE(store->drop_manifest_lines_through(lines->back().sequence));
        REQUIRE(store->commit());
        if ((i + k_batch) % k_report == 0) {
            auto now = clock::now();
            report_ms.push_back(std::chrono::duration<double, std::milli>(now - block).count());
            block = now;
        }
    }
    double total = std::chrono::duration<double>(clock::now() - start).count();
    std::cout << "inserted " << k_total << " URLs in batches of " << k_batch << ": " << total << " s\n";
    for (std::size_t i = 0; i < report_ms.size(); ++i)
        std::cout << "  URLs " << i * k_report << "-" << (i + 1) * k_report << ": " << report_ms[i] << " ms\n";
    auto lookups = clock::now();
    for (int j = 0; j < k_total; ++j) {
        std::string url = "https://site" + std::to_string(j % 50) + ".example/article/" + std::to_string(j * 7919 % 1000003);
        REQUIRE(store->find(url)->has_value());
    }
    std::cout << "looked up " << k_total << " URLs: " << std::chrono::duration<double>(clock::now() - lookups).count() << " s\n";
    auto paths = clock::now();
    CHECK(store->output_paths()->size() == k_total);
    std::cout << "listed " << k_total << " output paths: " << std::chrono::duration<double>(clock::now() - paths).count() << " s\n";
    std::cout << "state file size: " << fs::file_size(path) / 1024 << " KiB\n";
    // A slow-down would show as the last block being much slower than an early one (the very first is small enough to be all in cache).
    CHECK(report_ms.back() < report_ms[1] * 2);
    fs::remove_all(path.parent_path());
}
