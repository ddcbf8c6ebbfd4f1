// run_once with a fake fetcher: queue building (max_new, duplicates across sources), source
// failures, skips, output formats and the summary, without a server.
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <thread>
#include <atomic>
#include <optional>
#include <tuple>

#include "winnow/run/output.hpp"
#include "winnow/run/run.hpp"

namespace fs = std::filesystem;
using namespace winnow::run;

namespace {

fs::path temp_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("winnow-runonce-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string page(const std::string& title) {
    return "<html><head><title>" + title + "</title></head><body><article><h1>" + title +
           "</h1><p>A paragraph of " + title + " long enough to be kept by the extractor as the body of the "
           "article, with several words.</p></article></body></html>";
}

// Answers from a map; records what was asked.
class FakeFetcher : public PageFetcher {
public:
    std::map<std::string, PageResponse> site;
    std::vector<PageRequest> asked;

    void fetch(const std::vector<PageRequest>& requests, const std::function<void(PageResponse&&)>& on_result,
               const std::atomic<bool>& stop) override {
        for (const auto& request : requests) {
            if (stop.load()) return;
            asked.push_back(request);
            PageResponse response;
            if (auto found = site.find(request.url); found != site.end()) {
                response = found->second;
            } else {
                response.status = 404;
                response.failure = PageFailure::failed;
                response.message = request.url + ": HTTP status 404";
            }
            response.tag = request.tag;
            response.url = request.url;
            if (response.final_url.empty()) response.final_url = request.url;
            if (!request.etag.empty() && request.etag == response.etag) {
                response.not_modified = true;
                response.body.clear();
            }
            on_result(std::move(response));
        }
    }

    void add_page(const std::string& url, const std::string& body, const std::string& type = "text/html") {
        PageResponse r;
        r.status = 200;
        r.body = body;
        r.content_type = type;
        r.etag = "\"" + stable_hash(body) + "\"";
        site[url] = r;
    }
};

RunConfig config_in(const fs::path& dir) {
    RunConfig config;
    config.file = dir / "run.toml";
    config.output = dir / "out";
    config.state = dir / "state.sqlite";
    return config;
}

SourceConfig feed_source(const std::string& url, std::optional<std::size_t> max_new = {}) {
    SourceConfig s;
    s.kind = SourceKind::feed;
    s.url = url;
    s.max_new = max_new;
    s.origin = "run.toml:1:1";
    return s;
}

std::string feed_of(const std::vector<std::string>& urls) {
    std::string xml = "<rss version=\"2.0\"><channel>";
    for (const auto& u : urls) xml += "<item><link>" + u + "</link></item>";
    return xml + "</channel></rss>";
}

}  // namespace

TEST_CASE("max_new limits the new URLs a source adds per run, known URLs are always fetched", "[run][run_once]") {
    fs::path dir = temp_dir("maxnew");
    FakeFetcher fetcher;
    std::vector<std::string> urls;
    for (int i = 1; i <= 5; ++i) {
        urls.push_back("https://n.example/" + std::to_string(i));
        fetcher.add_page(urls.back(), page("Story " + std::to_string(i)));
    }
    fetcher.add_page("https://n.example/feed", feed_of(urls), "application/rss+xml");
    RunConfig config = config_in(dir);
    config.sources.push_back(feed_source("https://n.example/feed", 2));
    auto store = StateStore::open(config.state);
    REQUIRE(store);
    RunOptions options;
    auto first = run_once(config, options, fetcher, *store);
    REQUIRE(first);
    CHECK(summary_line(*first) == "fetched 2, new 2, changed 0, unchanged 0, failed 0, skipped 0 (robots 0, not html 0, kind 0)");
    auto second = run_once(config, options, fetcher, *store);
    REQUIRE(second);
    CHECK(summary_line(*second) == "fetched 4, new 2, changed 0, unchanged 2, failed 0, skipped 0 (robots 0, not html 0, kind 0)");
    auto third = run_once(config, options, fetcher, *store);
    REQUIRE(third);
    CHECK(summary_line(*third) == "fetched 5, new 1, changed 0, unchanged 4, failed 0, skipped 0 (robots 0, not html 0, kind 0)");
    CHECK(*store->page_count() == 5);
    fs::remove_all(dir);
}

TEST_CASE("pages cleaned on several threads give the same files, state and log as on one", "[run][run_once][jobs]") {
    auto run_with = [](unsigned jobs) {
        fs::path dir = temp_dir("jobs" + std::to_string(jobs));
        FakeFetcher fetcher;
        std::vector<std::string> urls;
        for (int i = 1; i <= 40; ++i) {
            urls.push_back("https://j.example/" + std::to_string(i));
            if (i % 9 == 4) fetcher.add_page(urls.back(), "<html><body></body></html>");  // no text: fails
            else fetcher.add_page(urls.back(), page("Story " + std::to_string(i)) + std::string(i % 5 ? 10 : 200000, ' '));
        }
        fetcher.add_page("https://j.example/feed", feed_of(urls), "application/rss+xml");
        RunConfig config = config_in(dir);
        config.sources.push_back(feed_source("https://j.example/feed"));
        auto store = StateStore::open(config.state);
        REQUIRE(store);
        RunOptions options;
        options.jobs = jobs;
        options.format = OutputFormat::both;
        std::ostringstream log, errors;
        options.log = &log;
        options.errors = &errors;
        auto summary = run_once(config, options, fetcher, *store);
        REQUIRE(summary);
        std::map<std::string, std::string> files;
        for (const auto& entry : fs::recursive_directory_iterator(config.output)) {
            if (!entry.is_regular_file()) continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::stringstream content;
            content << in.rdbuf();
            files[fs::relative(entry.path(), config.output).string()] = content.str();
        }
        // The log's lines without their timestamps.
        std::string lines;
        std::istringstream in(log.str());
        for (std::string line; std::getline(in, line);) lines += line.substr(line.find(' ') + 1) + "\n";
        fs::remove_all(dir);
        std::string manifest;
        for (auto& [name, content] : files)
            if (name == "manifest.jsonl") manifest = content;
        files.erase("manifest.jsonl");  // holds fetch times
        return std::tuple{summary_line(*summary), files, lines, errors.str(), std::count(manifest.begin(), manifest.end(), '\n')};
    };
    const auto one = run_with(1);
    CHECK(std::get<0>(one) == "fetched 40, new 35, changed 0, unchanged 0, failed 5, skipped 0 (robots 0, not html 0, kind 0)");
    for (unsigned jobs : {2u, 4u}) {
        const auto many = run_with(jobs);
        CHECK(std::get<0>(many) == std::get<0>(one));
        CHECK(std::get<1>(many) == std::get<1>(one));
        CHECK(std::get<2>(many) == std::get<2>(one));
        CHECK(std::get<3>(many) == std::get<3>(one));
        CHECK(std::get<4>(many) == std::get<4>(one));
    }
}

TEST_CASE("a source that cannot be read is counted and named, the others still run", "[run][run_once]") {
    fs::path dir = temp_dir("badsource");
    FakeFetcher fetcher;
    fetcher.add_page("https://n.example/a", page("A"));
    fetcher.add_page("https://n.example/doc.pdf", "%PDF-1.4", "application/pdf");
    fetcher.site["https://n.example/doc.pdf"].failure = PageFailure::not_html;
    fetcher.site["https://n.example/doc.pdf"].message = "https://n.example/doc.pdf: not HTML (application/pdf)";
    fetcher.add_page("https://n.example/empty", "<html><body></body></html>");
    RunConfig config = config_in(dir);
    config.sources.push_back(feed_source("https://n.example/missing-feed"));
    SourceConfig list;
    list.kind = SourceKind::urls;
    list.urls = {"https://n.example/a", "https://n.example/doc.pdf", "https://n.example/empty"};
    config.sources.push_back(list);
    auto store = StateStore::open(config.state);
    REQUIRE(store);
    std::ostringstream errors, log;
    RunOptions options;
    options.errors = &errors;
    options.log = &log;
    auto summary = run_once(config, options, fetcher, *store);
    REQUIRE(summary);
    CHECK(summary_line(*summary) ==
          "fetched 2, new 1, changed 0, unchanged 0, failed 1, skipped 1 (robots 0, not html 1, kind 0), sources failed 1");
    CHECK_THAT(errors.str(), Catch::Contains("winnow: run.toml:1:1: https://n.example/missing-feed: HTTP status 404"));
    CHECK_THAT(errors.str(), Catch::Contains("https://n.example/empty: "));  // a page without text is a failure
    CHECK_THAT(log.str(), Catch::Contains(" not html 200 https://n.example/doc.pdf"));
    fs::remove_all(dir);
}

TEST_CASE("format json writes the JSON object instead of the text, format both writes both", "[run][run_once]") {
    for (auto format : {OutputFormat::json, OutputFormat::both}) {
        fs::path dir = temp_dir("json");
        FakeFetcher fetcher;
        fetcher.add_page("https://n.example/a", page("A"));
        RunConfig config = config_in(dir);
        SourceConfig list;
        list.kind = SourceKind::urls;
        list.urls = {"https://n.example/a"};
        config.sources.push_back(list);
        auto store = StateStore::open(config.state);
        REQUIRE(store);
        RunOptions options;
        options.format = format;
        REQUIRE(run_once(config, options, fetcher, *store));
        fs::path base = config.output / output_relative_path("https://n.example/a", "");
        CHECK(fs::exists(base.string() + ".json"));
        CHECK(fs::exists(base.string() + ".txt") == (format == OutputFormat::both));
        std::ifstream json(base.string() + ".json");
        std::stringstream text;
        text << json.rdbuf();
        CHECK_THAT(text.str(), Catch::Contains("\"title\": \"A\""));
        auto second = run_once(config, options, fetcher, *store);
        REQUIRE(second);
        CHECK(second->unchanged == 1);
        fs::remove_all(dir);
    }
}

TEST_CASE("a deleted output file is fetched again in full and rewritten", "[run][run_once]") {
    fs::path dir = temp_dir("deleted");
    FakeFetcher fetcher;
    fetcher.add_page("https://n.example/a", page("A"));
    RunConfig config = config_in(dir);
    SourceConfig list;
    list.kind = SourceKind::urls;
    list.urls = {"https://n.example/a"};
    config.sources.push_back(list);
    auto store = StateStore::open(config.state);
    REQUIRE(store);
    RunOptions options;
    REQUIRE(run_once(config, options, fetcher, *store));
    fs::path file = config.output / output_relative_path("https://n.example/a", ".txt");
    REQUIRE(fs::exists(file));
    fs::remove(file);
    auto again = run_once(config, options, fetcher, *store);
    REQUIRE(again);
    CHECK(fetcher.asked.back().etag.empty());  // no validators for a file that is gone
    CHECK(again->new_pages == 1);
    CHECK(fs::exists(file));
    fs::remove_all(dir);
}

namespace {

// Serves N generated articles and a sitemap listing them, without storing them.
class GeneratedSite : public PageFetcher {
public:
    explicit GeneratedSite(std::size_t pages) : m_pages(pages) {}

    void fetch(const std::vector<PageRequest>& requests, const std::function<void(PageResponse&&)>& on_result,
               const std::atomic<bool>&) override {
        for (const auto& request : requests) {
            PageResponse r;
            r.tag = request.tag;
            r.url = r.final_url = request.url;
            r.status = 200;
            if (request.url.ends_with("/sitemap.xml")) {
                r.body = "<urlset>";
                for (std::size_t i = 0; i < m_pages; ++i) r.body += "<url><loc>https://s" + std::to_string(i % 20) + ".example/news/" + std::to_string(i) + "</loc></url>";
                r.body += "</urlset>";
            } else {
                r.content_type = "text/html";
                r.etag = "\"v1\"";
                if (request.etag == r.etag) r.not_modified = true;
                else r.body = page("Story " + request.url.substr(request.url.rfind('/') + 1));
            }
            on_result(std::move(r));
        }
    }

private:
    std::size_t m_pages;
};

}  // namespace

// Not run by ctest (hidden); scripts/bench-run runs it. A first run over N URLs (default
// 100,000, WINNOW_BENCH_URLS to change) writes N files, a second run gets N 304s; the time of
// each block of 10,000 URLs is printed so that a slow-down with size would show.
TEST_CASE("run_once at scale with generated pages", "[.][bench]") {
    const char* env = std::getenv("WINNOW_BENCH_URLS");
    const std::size_t total = env ? std::stoul(env) : 100000;
    fs::path dir = temp_dir("bench");
    GeneratedSite site(total);
    RunConfig config = config_in(dir);
    config.sources.push_back([] {
        SourceConfig s;
        s.kind = SourceKind::sitemap;
        s.url = "https://s0.example/sitemap.xml";
        return s;
    }());
    config.fetch.max_bytes = 1 << 30;
    auto store = StateStore::open(config.state);
    REQUIRE(store);
    // CPU time (user + system) of this process: what the run's own code costs, apart from
    // waiting for the disk (every file is fsynced), which depends on the machine's other load.
    auto cpu_seconds = [] {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
               static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    };
    for (int pass = 1; pass <= 2; ++pass) {
        using clock = std::chrono::steady_clock;
        auto start = clock::now(), block = start;
        double cpu_start = cpu_seconds(), cpu_block = cpu_start;
        std::vector<double> blocks, cpu_blocks;
        RunOptions options;
        options.progress = [&](std::size_t done, std::size_t, std::size_t) {
            if (done % 10000 != 0) return;
            auto now = clock::now();
            double cpu = cpu_seconds();
            blocks.push_back(std::chrono::duration<double>(now - block).count());
            cpu_blocks.push_back(cpu - cpu_block);
            block = now;
            cpu_block = cpu;
        };
        auto summary = run_once(config, options, site, *store);
        REQUIRE(summary);
        double seconds = std::chrono::duration<double>(clock::now() - start).count();
        double cpu = cpu_seconds() - cpu_start;
        std::cout << "run " << pass << ": " << summary_line(*summary) << "\n  " << seconds << " s wall, " << cpu
                  << " s CPU in all; per URL " << seconds / static_cast<double>(total) * 1e3 << " ms wall, "
                  << cpu / static_cast<double>(total) * 1e3 << " ms CPU\n  per 10,000 URLs, wall:";
        for (double b : blocks) std::cout << " " << static_cast<int>(b * 1000) << "ms";
        std::cout << "\n  per 10,000 URLs, CPU: ";
        for (double b : cpu_blocks) std::cout << " " << static_cast<int>(b * 1000) << "ms";
        std::cout << "\n";
        // A slow-down with size would show as the last block costing much more than an early one.
        if (cpu_blocks.size() >= 3) CHECK(cpu_blocks.back() < 2 * cpu_blocks[1] + 0.5);
    }
    std::cout << "state file: " << fs::file_size(config.state) / 1024 << " KiB\n";
    fs::remove_all(dir);
}

namespace {

// Delivers the first request's result, then waits (as a fetcher does behind a long
// Crawl-delay) until the stop flag is set; records whether it saw the stop.
class StallingFetcher : public FakeFetcher {
public:
    std::atomic<bool> saw_stop{false};

    void fetch(const std::vector<PageRequest>& requests, const std::function<void(PageResponse&&)>& on_result,
               const std::atomic<bool>& stop) override {
        bool first = true;
        for (const auto& request : requests) {
            if (first && !request.url.ends_with("/feed")) {
                first = false;
                FakeFetcher::fetch({request}, on_result, stop);
                continue;
            }
            if (request.url.ends_with("/feed")) {
                FakeFetcher::fetch({request}, on_result, stop);
                continue;
            }
            auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
            while (!stop.load() && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(10));
            saw_stop = stop.load();
            return;
        }
    }
};

long count_rows(const fs::path& state, const std::string& sql) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(state.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return -1;
    sqlite3_stmt* statement = nullptr;
    long n = -1;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW)
        n = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return n;
}

RunConfig list_config(const fs::path& dir, const std::vector<std::string>& urls) {
    RunConfig config = config_in(dir);
    SourceConfig list;
    list.kind = SourceKind::urls;
    list.urls = urls;
    config.sources.push_back(list);
    return config;
}

}  // namespace

TEST_CASE("a finished page is committed on time while the fetcher waits, not only when a result arrives", "[run][run_once]") {
    fs::path dir = temp_dir("timer");
    StallingFetcher fetcher;
    fetcher.add_page("https://n.example/a", page("A"));
    fetcher.add_page("https://n.example/b", page("B"));
    RunConfig config = list_config(dir, {"https://n.example/a", "https://n.example/b"});
    auto store = StateStore::open(config.state);
    REQUIRE(store);
    std::atomic<bool> stop{false};
    RunOptions options;
    options.stop = &stop;
    options.commit_interval = std::chrono::milliseconds(200);
    std::optional<winnow::Result<RunSummary>> result;
    std::thread run([&] { result = run_once(config, options, fetcher, *store); });
    // Another reader sees page a committed and its manifest line appended well before the run ends
    // (the run writes the manifest just after the database commit: both are waited for).
    long committed = 0;
    bool manifest = false;
    for (int i = 0; i < 300 && (committed < 1 || !manifest); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        committed = count_rows(config.state, "SELECT count(*) FROM pages WHERE url = 'https://n.example/a'");
        manifest = fs::exists(config.output / "manifest.jsonl");
    }
    CHECK(committed == 1);
    CHECK(manifest);
    stop = true;
    run.join();
    REQUIRE(result.has_value());
    REQUIRE(result->has_value());
    CHECK((*result)->new_pages == 1);
    CHECK((*result)->left == 1);
    fs::remove_all(dir);
}

TEST_CASE("max_duration stops a run that would wait longer, what was done is committed", "[run][run_once]") {
    fs::path dir = temp_dir("max-duration");
    StallingFetcher fetcher;
    fetcher.add_page("https://n.example/a", page("A"));
    fetcher.add_page("https://n.example/b", page("B"));
    RunConfig config = list_config(dir, {"https://n.example/a", "https://n.example/b"});
    config.max_duration = 0.5;
    auto store = StateStore::open(config.state);
    REQUIRE(store);
    RunOptions options;
    auto began = std::chrono::steady_clock::now();
    auto summary = run_once(config, options, fetcher, *store);
    auto took = std::chrono::steady_clock::now() - began;
    REQUIRE(summary);
    CHECK(took < std::chrono::seconds(5));
    CHECK(fetcher.saw_stop.load());
    CHECK(summary->out_of_time);
    CHECK(summary->left == 1);
    CHECK_THAT(summary_line(*summary), Catch::EndsWith(", stopped at max_duration with 1 left for the next run"));
    CHECK(count_rows(config.state, "SELECT count(*) FROM pages") == 1);
    CHECK(count_rows(config.state, "SELECT count(*) FROM queue") == 1);  // the next run finishes it
    fs::remove_all(dir);
}

TEST_CASE("a URL answering 404 on gone_after runs in a row is retired as gone, its file kept", "[run][run_once]") {
    fs::path dir = temp_dir("gone");
    FakeFetcher fetcher;
    fetcher.add_page("https://n.example/a", page("A"));
    fetcher.add_page("https://n.example/b", page("B"));
    RunConfig config = list_config(dir, {"https://n.example/a", "https://n.example/b"});
    auto store = StateStore::open(config.state);
    REQUIRE(store);
    RunOptions options;
    REQUIRE(run_once(config, options, fetcher, *store));
    fs::path file = config.output / output_relative_path("https://n.example/b", ".txt");
    REQUIRE(fs::exists(file));
    fetcher.site.erase("https://n.example/b");  // deleted upstream: 404
    for (int run = 1; run <= 2; ++run) {
        auto summary = run_once(config, options, fetcher, *store);
        REQUIRE(summary);
        CHECK(summary->failed == 1);
        CHECK(summary->gone == 0);
    }
    auto retiring = run_once(config, options, fetcher, *store);
    REQUIRE(retiring);
    CHECK(retiring->failed == 0);
    CHECK(retiring->gone == 1);
    CHECK_THAT(summary_line(*retiring), Catch::Contains(", gone 1"));
    auto record = store->find("https://n.example/b");
    REQUIRE(record);
    REQUIRE(record->has_value());
    CHECK((*record)->outcome == "gone");
    CHECK((*record)->failure_count == 3);  // for `winnow state failures`: how many, since when
    CHECK((*record)->not_found_runs == 3);
    fetcher.asked.clear();
    auto after = run_once(config, options, fetcher, *store);
    REQUIRE(after);
    CHECK(after->failed == 0);
    CHECK(after->gone == 0);  // reported once
    for (const auto& asked : fetcher.asked) CHECK(asked.url != "https://n.example/b");
    CHECK(fs::exists(file));  // the last good file stays
    fs::remove_all(dir);
}

TEST_CASE("a 404 between successes starts the count again, gone_after = 0 never retires", "[run][run_once]") {
    fs::path dir = temp_dir("gone-reset");
    FakeFetcher fetcher;
    RunConfig config = list_config(dir, {"https://n.example/b"});
    config.gone_after = 0;
    auto store = StateStore::open(config.state);
    REQUIRE(store);
    RunOptions options;
    for (int run = 1; run <= 4; ++run) {
        auto summary = run_once(config, options, fetcher, *store);
        REQUIRE(summary);
        CHECK(summary->failed == 1);
    }
    config.gone_after = 3;
    fetcher.add_page("https://n.example/b", page("B"));
    REQUIRE(run_once(config, options, fetcher, *store));
    CHECK((*store->find("https://n.example/b"))->not_found_runs == 0);
    fs::remove_all(dir);
}

TEST_CASE("a URL a run died on is tried once more, then recorded as crashed and no longer fetched", "[run][run_once]") {
    fs::path dir = temp_dir("crashed");
    FakeFetcher fetcher;
    fetcher.add_page("https://n.example/a", page("A"));
    fetcher.add_page("https://n.example/b", page("B"));
    RunConfig config = list_config(dir, {"https://n.example/a", "https://n.example/b"});
    auto store = StateStore::open(config.state);
    REQUIRE(store);
    // The state a run leaves when it dies cleaning b: the queue, and b in the lock file.
    REQUIRE(store->begin());
    REQUIRE(store->enqueue({{"https://n.example/a", ""}, {"https://n.example/b", ""}}));
    REQUIRE(store->commit());
    auto died_on = [&](const std::string& url) {
        std::ofstream(config.state.string() + ".lock", std::ios::trunc) << "12345\n" << url << "\n";
    };
    for (int death = 1; death <= 2; ++death) {
        died_on("https://n.example/b");
        auto lock = StateLock::acquire(config.state);
        REQUIRE(lock);
        RunOptions options;
        options.lock = &*lock;
        std::ostringstream errors;
        options.errors = &errors;
        fetcher.asked.clear();
        auto summary = run_once(config, options, fetcher, *store);
        REQUIRE(summary);
        bool asked_b = false;
        for (const auto& asked : fetcher.asked) asked_b = asked_b || asked.url == "https://n.example/b";
        if (death == 1) {
            CHECK(asked_b);  // tried once more
            CHECK(summary->crashed == 0);
            // Pretend that try died too: b back in the queue and in the lock file.
            REQUIRE(store->begin());
            REQUIRE(store->enqueue({{"https://n.example/b", ""}}));
            REQUIRE(store->commit());
            REQUIRE(*store->note_crash("https://n.example/b") == 1);
        } else {
            CHECK_FALSE(asked_b);
            CHECK(summary->crashed == 1);
            CHECK(summary->failed == 1);
            CHECK_THAT(errors.str(), Catch::Contains("https://n.example/b: winnow died 2 times"));
            auto record = store->find("https://n.example/b");
            REQUIRE(record->has_value());
            CHECK((*record)->outcome == "crashed");
            CHECK((*record)->failure_category == "crashed");
        }
    }
    // Later runs leave it alone.
    fetcher.asked.clear();
    auto later = run_once(config, RunOptions{}, fetcher, *store);
    REQUIRE(later);
    CHECK(later->failed == 0);
    for (const auto& asked : fetcher.asked) CHECK(asked.url != "https://n.example/b");
    fs::remove_all(dir);
}

TEST_CASE("server text reaches the log and standard error without control characters", "[run][run_once]") {
    fs::path dir = temp_dir("control");
    FakeFetcher fetcher;
    PageResponse failing;
    failing.status = 500;
    failing.failure = PageFailure::failed;
    failing.message = "https://n.example/a: HTTP status 500 \x1b[2J\x1b]0;owned\x07\r\nforged line";
    fetcher.site["https://n.example/a"] = failing;
    RunConfig config = list_config(dir, {"https://n.example/a"});
    auto store = StateStore::open(config.state);
    REQUIRE(store);
    std::ostringstream log, errors;
    RunOptions options;
    options.log = &log;
    options.errors = &errors;
    REQUIRE(run_once(config, options, fetcher, *store));
    for (const std::string& text : {log.str(), errors.str()}) {
        CHECK(text.find('\x1b') == std::string::npos);
        CHECK(text.find('\x07') == std::string::npos);
        CHECK(text.find('\r') == std::string::npos);
        CHECK(std::count(text.begin(), text.end(), '\n') == 1);
        CHECK_THAT(text, Catch::Contains("HTTP status 500 ?[2J?]0;owned???forged line"));
    }
    fs::remove_all(dir);
}

// Issue 18: "credentials stripped from URLs before they are stored or used as names", and a death
// inside the fetcher blamed on the URL being fetched.

namespace {

std::string file_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// A FakeFetcher that says when it starts each request (as fetch::Fetcher does) and notes the
// lock file's content at that moment and the batches it was given.
class StartingFetcher : public FakeFetcher {
public:
    fs::path lock_file;
    std::vector<std::vector<std::string>> batches;
    std::map<std::string, std::string> lock_while_fetching;  // URL -> the lock file while it was fetched

    void fetch(const std::vector<PageRequest>& requests, const std::function<void(PageResponse&&)>& on_result,
               const std::atomic<bool>& stop) override {
        std::vector<std::string> batch;
        for (const auto& request : requests) batch.push_back(request.url);
        batches.push_back(batch);
        for (const auto& request : requests) {
            started(request.tag);
            lock_while_fetching[request.url] = file_bytes(lock_file);
            FakeFetcher::fetch({request}, on_result, stop);
        }
    }
};

}  // namespace

TEST_CASE("credentials in the configuration's URLs are sent with the fetch and kept nowhere", "[run][run_once][credentials]") {
    fs::path dir = temp_dir("credentials");
    const std::string text = "output = \"" + (dir / "out").string() + "\"\nstate = \"" + (dir / "state.sqlite").string() +
                             "\"\n[[source]]\nurls = [\"https://ann:s3cret@n.example/a\"]\n"
                             "[[source]]\nfeed = \"https://ann:s3cret@n.example/feed\"\n";
    auto config = parse_config(text, dir / "run.toml");
    REQUIRE(config);
    FakeFetcher fetcher;
    // The fake site answers only the URLs with the credentials, as a server asking for them would.
    fetcher.add_page("https://ann:s3cret@n.example/a", page("A"));
    fetcher.add_page("https://ann:s3cret@n.example/b", page("B"));  // listed by the feed without credentials
    fetcher.add_page("https://ann:s3cret@n.example/feed", feed_of({"https://n.example/b", "https://bob:pw2@n.example/c"}),
                     "application/rss+xml");
    fetcher.add_page("https://ann:s3cret@n.example/c", page("C"));
    std::ostringstream log, errors;
    std::optional<RunSummary> summary;
    {
        auto store = StateStore::open(config->state);
        REQUIRE(store);
        RunOptions options;
        options.log = &log;
        options.errors = &errors;
        auto ran = run_once(*config, options, fetcher, *store);
        REQUIRE(ran);
        summary = *ran;
        for (const char* url : {"https://n.example/a", "https://n.example/b", "https://n.example/c"}) {
            auto record = store->find(url);
            REQUIRE(record);
            CHECK(record->has_value());
        }
    }  // closed: everything is in the state file
    INFO(log.str() << errors.str());
    CHECK(summary->new_pages == 3);
    CHECK(summary->failed == 0);
    for (const auto& asked : fetcher.asked) CHECK(asked.url.starts_with("https://ann:s3cret@n.example/"));
    for (const std::string& text : {log.str(), errors.str(), summary_line(*summary)}) {
        CHECK(text.find("s3cret") == std::string::npos);
        CHECK(text.find("pw2") == std::string::npos);
    }
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        INFO(entry.path());
        CHECK(entry.path().string().find("s3cret") == std::string::npos);
        CHECK(entry.path().string().find('@') == std::string::npos);
        if (entry.is_regular_file() && entry.path().filename() != "run.toml") {
            std::string bytes = file_bytes(entry.path());
            CHECK(bytes.find("s3cret") == std::string::npos);
            CHECK(bytes.find("pw2") == std::string::npos);
        }
    }
    fs::remove_all(dir);
}

TEST_CASE("the URL being fetched is in flight in the lock file until its row is saved", "[run][run_once][crash]") {
    fs::path dir = temp_dir("fetch-in-flight");
    StartingFetcher fetcher;
    fetcher.add_page("https://n.example/a", page("A"));
    fetcher.add_page("https://n.example/b", page("B"));
    RunConfig config = list_config(dir, {"https://n.example/a", "https://n.example/b"});
    fetcher.lock_file = config.state.string() + ".lock";
    auto store = StateStore::open(config.state);
    REQUIRE(store);
    auto lock = StateLock::acquire(config.state);
    REQUIRE(lock);
    RunOptions options;
    options.lock = &*lock;
    options.jobs = 1;
    REQUIRE(run_once(config, options, fetcher, *store));
    // Killed while fetching b, the run would have left b (and only b) for the next run to blame.
    CHECK_THAT(fetcher.lock_while_fetching["https://n.example/b"], Catch::EndsWith("\nhttps://n.example/b\n"));
    CHECK(fetcher.lock_while_fetching["https://n.example/b"].find("n.example/a") == std::string::npos);
    // A run that ends on its own leaves nothing in flight.
    CHECK(file_bytes(fetcher.lock_file) == std::to_string(::getpid()) + "\n");
    fs::remove_all(dir);
}

TEST_CASE("after a death with several pages in flight, each is fetched and cleaned alone before the rest", "[run][run_once][crash]") {
    fs::path dir = temp_dir("suspects-alone");
    StartingFetcher fetcher;
    for (const char* name : {"a", "b", "c", "d"}) fetcher.add_page(std::string("https://n.example/") + name, page(name));
    RunConfig config = list_config(dir, {"https://n.example/a", "https://n.example/b", "https://n.example/c", "https://n.example/d"});
    fetcher.lock_file = config.state.string() + ".lock";
    auto store = StateStore::open(config.state);
    REQUIRE(store);
    REQUIRE(store->begin());
    REQUIRE(store->enqueue({{"https://n.example/a", ""}, {"https://n.example/b", ""}, {"https://n.example/c", ""},
                            {"https://n.example/d", ""}}));
    REQUIRE(store->commit());
    // The run died with b and d in flight (being fetched or cleaned).
    std::ofstream(fetcher.lock_file, std::ios::trunc) << "12345\nhttps://n.example/b\nhttps://n.example/d\n";
    auto lock = StateLock::acquire(config.state);
    REQUIRE(lock);
    RunOptions options;
    options.lock = &*lock;
    auto summary = run_once(config, options, fetcher, *store);
    REQUIRE(summary);
    CHECK(summary->new_pages == 4);
    CHECK(summary->crashed == 0);
    REQUIRE(fetcher.batches.size() == 3);
    CHECK(fetcher.batches[0] == std::vector<std::string>{"https://n.example/b"});
    CHECK(fetcher.batches[1] == std::vector<std::string>{"https://n.example/d"});
    CHECK(fetcher.batches[2] == (std::vector<std::string>{"https://n.example/a", "https://n.example/c"}));
    // While d was fetched, b was done: a death then names d alone.
    CHECK_THAT(fetcher.lock_while_fetching["https://n.example/d"], Catch::EndsWith("\nhttps://n.example/d\n"));
    CHECK(fetcher.lock_while_fetching["https://n.example/d"].find("n.example/b") == std::string::npos);
    fs::remove_all(dir);
}
