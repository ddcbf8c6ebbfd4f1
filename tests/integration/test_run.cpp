// End-to-end tests of `winnow run` against tests/server/winnow_test_server.py on 127.0.0.1: a site
// with an RSS feed, a sitemap index pointing at a gzipped sitemap, a URL file, an inline URL
// list, a PDF and a robots.txt that disallows /site/private/. The winnow binary is run as cron would.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <cstdlib>
#include <iostream>
#include <thread>

#include <nlohmann/json.hpp>

#include "process.hpp"
#include "test_server.hpp"
#include "winnow/run/state_store.hpp"
#include "winnow/warc/writer.hpp"

namespace fs = std::filesystem;
using winnow::test::run_winnow;
using winnow::test::TemporaryFolder;

namespace {

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void write_text(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

std::string article_html(const std::string& title, const std::string& variant = "") {
    return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><nav><a href='/'>Home</a></nav>"
           "<article><h1>" + title + "</h1><p>This is the first paragraph of " + title + ", with enough words in it "
           "to look like prose to the extractor, which wants a few sentences.</p><p>The second paragraph of " + title +
           " says more about the subject at hand, so that the page is clearly an article. " + variant +
           "</p></article><footer>Copyright</footer></body></html>";
}

// The site of the run tests: files under /site/ of the test server (tests/server/
// winnow_test_server.py, route /site/: ETag, 304, a .fail marker for a 500), written here and
// changed between runs, and a robots.txt that disallows /site/private/.
class RunSite {
public:
    explicit RunSite(std::size_t articles = 6)
        : m_root(fs::path(m_folder.path()) / "files/site"), m_server(options(m_folder)) {
        build(articles);
    }

    std::string url(const std::string& path) const { return m_server.url("/site" + path); }
    std::string server_url(const std::string& path) const { return m_server.url(path); }
    fs::path file(const std::string& path) const { return m_root / path.substr(1); }
    std::size_t articles() const { return m_articles; }

    std::vector<winnow::test::LoggedRequest> requests() const { return m_server.log(); }
    void set_robots(const std::string& text) const { write_text(m_folder.file("robots.txt"), text); }
    std::size_t article_requests() const {
        std::size_t n = 0;
        for (const auto& r : requests())
            if (r.path.starts_with("/site/news/")) ++n;
        return n;
    }

    // A configuration using every kind of source, in `dir`.
    fs::path write_config(const fs::path& dir, double delay = 0, const std::string& extra = "") const {
        write_text(dir / "urls.txt", "# listed by hand\n" + url("/news/a6.html?utm_source=list") + "\n" +
                                         url("/private/p1.html") + "\n\n" + url("/news/a1.html#top") + "\n");
        std::ostringstream config;
        config << "output = \"articles\"\nstate = \"state/winnow.sqlite\"\n" << extra << "[fetch]\nconcurrency = 2\ndelay = " << delay
               << "\ntimeout = 10\nretries = 0\nuser_agent = \"winnow-test/1 (+https://example.org/contact)\"\n"
               << "allow_private_addresses = true\n"  // the feed and sitemap list pages of the test server, on loopback
               << "[[source]]\nfeed = \"" << url("/feed.xml") << "\"\n"
               << "[[source]]\nsitemap = \"" << url("/sitemap.xml") << "\"\n"
               << "[[source]]\nurl_file = \"urls.txt\"\n"
               << "[[source]]\nurls = [\"" << url("/news/a2.html") << "\", \"" << url("/files/report.pdf") << "\"";
        for (std::size_t i = 7; i <= m_articles; ++i) config << ", \"" << url("/news/a" + std::to_string(i) + ".html") << "\"";
        config << "]\n";
        write_text(dir / "run.toml", config.str());
        return dir / "run.toml";
    }

private:
    TemporaryFolder m_folder;
    fs::path m_root;
    winnow::test::TestServer m_server;
    std::size_t m_articles = 0;

    static winnow::test::TestServerOptions options(const TemporaryFolder& folder) {
        winnow::test::TestServerOptions o;
        o.robots_file = folder.file("robots.txt");
        o.files_dir = folder.file("files");
        write_text(o.robots_file, "User-agent: *\nDisallow: /site/private/\n");
        return o;
    }

    void build(std::size_t articles) {
        m_articles = articles;
        for (std::size_t i = 1; i <= articles; ++i)
            write_text(file("/news/a" + std::to_string(i) + ".html"), article_html("Article " + std::to_string(i)));
        write_text(file("/private/p1.html"), article_html("Private one"));
        write_text(file("/private/p2.html"), article_html("Private two"));
        write_text(file("/files/report.pdf"), "%PDF-1.4\n%binary\n");
        write_text(file("/feed.xml"), "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title>"
                                      "<item><link>" + url("/news/a1.html") + "</link></item>"
                                      "<item><link>/site/news/a2.html?utm_medium=rss</link></item>"
                                      "<item><link>" + url("/news/a3.html") + "</link></item></channel></rss>");
        write_text(file("/sitemap.xml"), "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                                         "<sitemap><loc>" + url("/sitemaps/news.xml.gz") + "</loc></sitemap></sitemapindex>");
        write_text(file("/sitemaps/news.xml.gz"),
                   winnow::warc::gzip_member("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        "<url><loc>" + url("/news/a4.html") + "</loc></url><url><loc>" + url("/news/a5.html") + "</loc></url>"
                        "<url><loc>" + url("/private/p2.html") + "</loc></url></urlset>"));
    }
};

// The output folder as path -> content (temporary files included, so that leftovers show).
std::map<std::string, std::string> files_of(const fs::path& output) {
    std::map<std::string, std::string> files;
    if (!fs::exists(output)) return files;
    for (const auto& entry : fs::recursive_directory_iterator(output))
        if (entry.is_regular_file()) files[fs::relative(entry.path(), output).string()] = read_text(entry.path());
    return files;
}

// The rows of the state file that matter for equality (timestamps left out).
std::vector<std::string> state_rows(const fs::path& state, const std::string& table = "pages") {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(state.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    std::string sql = table == "pages"
                          ? "SELECT url, status, outcome, etag, content_hash, output_path, failure_count, last_error FROM pages ORDER BY url"
                      : table == "facts"
                          ? "SELECT url, etag, content_hash, output_path, failure_count, last_error FROM pages ORDER BY url"
                          : "SELECT * FROM " + table;
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
    std::vector<std::string> rows;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        std::string row;
        for (int i = 0; i < sqlite3_column_count(statement); ++i) {
            const unsigned char* text = sqlite3_column_text(statement, i);
            row += std::string(text ? reinterpret_cast<const char*>(text) : "") + "|";
        }
        rows.push_back(row);
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return rows;
}

std::vector<nlohmann::json> manifest_of(const fs::path& output) {
    std::vector<nlohmann::json> lines;
    std::istringstream in(read_text(output / "manifest.jsonl"));
    std::string line;
    while (std::getline(in, line)) lines.push_back(nlohmann::json::parse(line));
    return lines;
}

// Checks that the state, the files and the manifest agree: every row with a path has its file
// with the recorded hash, every article file has a row, each manifest line names a file.
void check_consistent(const fs::path& dir) {
    auto files = files_of(dir / "articles");
    std::set<std::string> article_files;
    for (const auto& [path, content] : files) {
        CHECK(path.find(".tmp.") == std::string::npos);
        if (path != "manifest.jsonl") article_files.insert(path);
    }
    std::set<std::string> row_files;
    for (const auto& row : state_rows(dir / "state/winnow.sqlite")) {
        std::vector<std::string> cells;
        std::istringstream in(row);
        std::string cell;
        while (std::getline(in, cell, '|')) cells.push_back(cell);
        cells.resize(8);
        if (cells[5].empty()) continue;
        row_files.insert(cells[5]);
        REQUIRE(files.contains(cells[5]));
    }
    CHECK(row_files == article_files);
    std::set<std::string> manifest_paths;
    for (const auto& line : manifest_of(dir / "articles")) {
        manifest_paths.insert(line["path"].get<std::string>());
        CHECK(line.contains("url"));
        CHECK(line.contains("final_url"));
        CHECK(line.contains("title"));
        CHECK(line.contains("fetched_at"));
        CHECK(line.contains("content_hash"));
    }
    CHECK(manifest_paths == article_files);
    CHECK(state_rows(dir / "state/winnow.sqlite", "queue").empty());
    CHECK(state_rows(dir / "state/winnow.sqlite", "manifest_pending").empty());
}

// Starts `winnow run` in the background, output to files in `dir`.
pid_t start_run(const fs::path& config, const fs::path& dir) {
    pid_t pid = ::fork();
    if (pid == 0) {
        int out = ::open((dir / "bg.out").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        ::dup2(out, 1);
        ::dup2(out, 2);
        ::execl(WINNOW_BINARY, WINNOW_BINARY, "run", "--config", config.c_str(), "--quiet", nullptr);
        ::_exit(127);
    }
    return pid;
}

int wait_status(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void wait_for_article_requests(const RunSite& site, std::size_t count) {
    for (int i = 0; i < 2000 && site.article_requests() < count; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

}  // namespace

TEST_CASE("winnow run: first run, unchanged second run, a changed page, a failing page", "[run][e2e]") {
    RunSite site;
    TemporaryFolder work;
    fs::path dir = work.path();
    fs::path config = site.write_config(dir);

    auto first = run_winnow({"run", "--config", config.string(), "--log", (dir / "run.log").string()});
    INFO(first.out << first.err);
    CHECK(first.status == 0);
    CHECK(first.out == "fetched 6, new 6, changed 0, unchanged 0, failed 0, skipped 3 (robots 2, not html 1, kind 0)\n");
    auto files = files_of(dir / "articles");
    CHECK(files.size() == 7);  // six articles and the manifest
    for (const auto& [path, content] : files) {
        CHECK_THAT(path, Catch::StartsWith("127.0.0.1_") || Catch::Equals("manifest.jsonl"));
        if (path != "manifest.jsonl") CHECK_THAT(content, Catch::StartsWith("Article "));
    }
    std::size_t a3_files = 0;
    for (const auto& [path, content] : files)
        if (path.find("/site-news-a3-") != std::string::npos && content.starts_with("Article 3\n\nThis is the first paragraph")) ++a3_files;
    CHECK(a3_files == 1);  // at OUTPUT/host/slug-HASH.txt, with the clean text
    for (const auto& request : site.requests()) {
        CHECK_THAT(request.path, !Catch::StartsWith("/site/private/"));  // robots.txt obeyed
        CHECK(request.user_agent == "winnow-test/1 (+https://example.org/contact)");
    }
    CHECK(site.article_requests() == 6);  // each article once although listed twice
    check_consistent(dir);
    CHECK(manifest_of(dir / "articles").size() == 6);
    std::string log = read_text(dir / "run.log");
    CHECK(std::count(log.begin(), log.end(), '\n') == 9);  // one line per URL
    CHECK_THAT(log, Catch::Contains(" robots 0 " + site.url("/private/p1.html")));

    // Second run: conditional requests, nothing written.
    auto before = site.requests().size();
    auto second = run_winnow({"run", "--config", config.string(), "--quiet"});
    INFO(second.out << second.err);
    CHECK(second.status == 0);
    CHECK(second.out.empty());
    CHECK(second.err.empty());
    auto requests = site.requests();
    std::size_t conditional = 0;
    for (std::size_t i = before; i < requests.size(); ++i) {
        if (!requests[i].path.starts_with("/site/news/")) continue;
        CHECK_FALSE(requests[i].if_none_match.empty());
        ++conditional;
    }
    CHECK(conditional == 6);
    for (const auto& row : state_rows(dir / "state/winnow.sqlite"))
        if (row.find("/site/news/") != std::string::npos) CHECK_THAT(row, Catch::Contains("|304|unchanged|"));
    CHECK(files_of(dir / "articles") == files);
    check_consistent(dir);

    // a2 changes, a3 starts failing.
    write_text(site.file("/news/a2.html"), article_html("Article 2", "An update was added to this story."));
    write_text(site.file("/news/a3.html.fail"), "");
    auto third = run_winnow({"run", "--config", config.string(), "--quiet"});
    INFO(third.out << third.err);
    CHECK(third.status == 1);
    CHECK(third.out == "fetched 6, new 0, changed 1, unchanged 4, failed 1, skipped 3 (robots 2, not html 1, kind 0)\n");
    CHECK_THAT(third.err, Catch::Contains("/news/a3.html: HTTP status 500"));
    auto after = files_of(dir / "articles");
    std::size_t changed = 0;
    for (const auto& [path, content] : files) {
        REQUIRE(after.contains(path));  // the failing page keeps its file
        if (path == "manifest.jsonl") continue;
        if (after[path] != content) {
            ++changed;
            CHECK_THAT(after[path], Catch::Contains("An update was added to this story."));
        }
    }
    CHECK(changed == 1);
    CHECK(after.size() == files.size());
    CHECK(manifest_of(dir / "articles").size() == 7);
    bool failure_recorded = false;
    for (const auto& row : state_rows(dir / "state/winnow.sqlite"))
        if (row.find("/news/a3.html|500|failed|") != std::string::npos && row.find("|1|") != std::string::npos) failure_recorded = true;
    CHECK(failure_recorded);
    check_consistent(dir);
}

TEST_CASE("winnow run: a second run while the lock is held exits 3 and changes nothing", "[run][e2e]") {
    RunSite site;
    TemporaryFolder work;
    fs::path dir = work.path();
    fs::path config = site.write_config(dir);
    {
        // This process holds the lock, as a first run would.
        auto lock = winnow::run::StateLock::acquire(dir / "state/winnow.sqlite");
        REQUIRE(lock);
        auto refused = run_winnow({"run", "--config", config.string(), "--quiet"});
        CHECK(refused.status == 3);
        CHECK_THAT(refused.err, Catch::Contains("another winnow run is using this state file") && Catch::Contains("pid"));
        CHECK(site.requests().empty());
        CHECK_FALSE(fs::exists(dir / "articles"));
        CHECK_FALSE(fs::exists(dir / "state/winnow.sqlite"));
    }
    // A real first run in the background, slowed by the per-host delay, and a second one.
    site.write_config(dir, 0.3);
    pid_t first = start_run(config, dir);
    wait_for_article_requests(site, 1);
    auto files = files_of(dir / "articles");
    auto second = run_winnow({"run", "--config", config.string()});
    CHECK(second.status == 3);
    CHECK_THAT(second.err, Catch::Contains("another winnow run"));
    CHECK(wait_status(first) == 0);
    check_consistent(dir);
}

TEST_CASE("winnow run: killed with kill -9 midway, the next run ends as an uninterrupted run would", "[run][e2e]") {
    RunSite site(14);
    TemporaryFolder reference_work, work;
    fs::path reference = reference_work.path(), dir = work.path();
    auto uninterrupted = run_winnow({"run", "--config", site.write_config(reference).string(), "--quiet"});
    REQUIRE(uninterrupted.status == 0);
    check_consistent(reference);

    // Small transactions, so that the kills fall before, between and after commits.
    fs::path config = site.write_config(dir, 0.1, "commit_every = 2\n");
    for (std::size_t kill_after : {2u, 5u, 4u}) {
        std::size_t base = site.article_requests();
        pid_t run = start_run(config, dir);
        wait_for_article_requests(site, base + kill_after);
        ::kill(run, SIGKILL);
        CHECK(wait_status(run) == 128 + SIGKILL);
    }
    CHECK_FALSE(state_rows(dir / "state/winnow.sqlite", "queue").empty());  // the kills did interrupt the run
    CHECK(state_rows(dir / "state/winnow.sqlite") != state_rows(reference / "state/winnow.sqlite"));
    auto finish = run_winnow({"run", "--config", config.string()});
    INFO(finish.out << finish.err);
    CHECK(finish.status == 0);
    CHECK_THAT(finish.out, Catch::Contains("finished an interrupted run"));

    CHECK(files_of(dir / "articles").size() == files_of(reference / "articles").size());
    auto without_manifest = [](std::map<std::string, std::string> files) {
        files.erase("manifest.jsonl");
        return files;
    };
    CHECK(without_manifest(files_of(dir / "articles")) == without_manifest(files_of(reference / "articles")));
    CHECK(state_rows(dir / "state/winnow.sqlite") == state_rows(reference / "state/winnow.sqlite"));
    auto manifest_keys = [](const fs::path& output) {
        std::vector<std::string> keys;
        for (const auto& line : manifest_of(output))
            keys.push_back(line["url"].get<std::string>() + " " + line["path"].get<std::string>() + " " +
                           line["content_hash"].get<std::string>());
        std::sort(keys.begin(), keys.end());
        return keys;
    };
    CHECK(manifest_keys(dir / "articles") == manifest_keys(reference / "articles"));  // no line twice, none lost
    check_consistent(dir);
}

TEST_CASE("winnow run: SIGTERM stops new fetches, commits, exits 130, the next run finishes", "[run][e2e]") {
    RunSite site(14);
    TemporaryFolder work;
    fs::path dir = work.path();
    fs::path config = site.write_config(dir, 0.2);
    pid_t run = start_run(config, dir);
    wait_for_article_requests(site, 3);
    ::kill(run, SIGTERM);
    CHECK(wait_status(run) == 130);
    CHECK(site.article_requests() < 14);
    auto files = files_of(dir / "articles");
    CHECK(files.size() >= 2);
    auto finish = run_winnow({"run", "--config", config.string()});
    INFO(finish.out << finish.err);
    CHECK(finish.status == 0);
    CHECK_THAT(finish.out, Catch::Contains("finished an interrupted run"));
    CHECK(files_of(dir / "articles").size() == 15);
    check_consistent(dir);
}

TEST_CASE("winnow run: a broken configuration is refused with file:line:column and fetches nothing", "[run][e2e]") {
    RunSite site;
    TemporaryFolder work;
    fs::path dir = work.path();
    fs::path config = site.write_config(dir);
    auto valid = run_winnow({"run", "--config", config.string(), "--check"});
    CHECK(valid.status == 0);
    CHECK_THAT(valid.out, Catch::Contains("configuration is valid (4 sources)"));

    std::string text = read_text(config);
    text.replace(text.find("concurrency = 2"), 15, "concurency = 2");
    const auto feed_line = std::to_string(std::count(text.begin(), text.end(), '\n') + 2);
    const auto max_new_line = std::to_string(std::count(text.begin(), text.end(), '\n') + 3);
    text += "[[source]]\nfeed = \"htp:/broken\"\nmax_new = \"ten\"\n";
    write_text(config, text);
    for (bool check : {true, false}) {
        std::vector<std::string> args = {"run", "--config", config.string()};
        if (check) args.push_back("--check");
        auto refused = run_winnow(args);
        CHECK(refused.status == 2);
        CHECK_THAT(refused.err, Catch::Contains(config.string() + ":4:1: unknown key 'concurency' in [fetch]"));
        CHECK_THAT(refused.err, Catch::Contains(config.string() + ":" + feed_line + ":8: bad URL in 'feed': htp:/broken"));
        CHECK_THAT(refused.err, Catch::Contains(config.string() + ":" + max_new_line + ":11: 'max_new' must be an integer"));
    }
    CHECK(site.requests().empty());
    CHECK_FALSE(fs::exists(dir / "articles"));
    CHECK_FALSE(fs::exists(dir / "state"));
}

TEST_CASE("winnow run: a source's forced profile from the configuration's profile folder is applied", "[run][e2e]") {
    RunSite site;
    TemporaryFolder work;
    fs::path dir = work.path();
    write_text(site.file("/extra/p.html"),
               "<html><head><title>Profiled</title></head><body><article><h1>Profiled</h1><p>The first paragraph of the "
               "profiled page has enough words to be taken as the body of an article by the extractor.</p>"
               "<div class=\"site-extra\"><p>A boilerplate paragraph that only this site's profile knows how to "
               "remove, long enough to look like prose.</p></div><p>The last paragraph of the profiled page ends the "
               "article with a few more words.</p></article></body></html>");
    write_text(dir / "site-profiles/testsite.toml",
               "description = \"The run tests' site\"\n[match]\nhosts = [\"run-test.invalid\"]\n[rules]\ndrop = [\".site-extra\"]\n");
    std::string base = "output = \"articles\"\nstate = \"state.sqlite\"\nprofiles = [\"site-profiles\"]\n[fetch]\ndelay = 0\n";
    write_text(dir / "run.toml", base + "[[source]]\nurls = [\"" + site.url("/extra/p.html") + "\"]\nprofile = \"testsite\"\n");
    auto result = run_winnow({"run", "--config", (dir / "run.toml").string(), "--quiet"});
    INFO(result.out << result.err);
    CHECK(result.status == 0);
    auto files = files_of(dir / "articles");
    REQUIRE(files.size() == 2);
    for (const auto& [path, content] : files) {
        if (path == "manifest.jsonl") continue;
        CHECK_THAT(content, Catch::Contains("The last paragraph of the profiled page"));
        CHECK_THAT(content, !Catch::Contains("boilerplate paragraph"));
    }

    write_text(dir / "bad.toml", base + "[[source]]\nurls = [\"" + site.url("/extra/p.html") + "\"]\nprofile = \"nosuchsite\"\n");
    auto refused = run_winnow({"run", "--config", (dir / "bad.toml").string(), "--check"});
    CHECK(refused.status == 2);
    CHECK_THAT(refused.err, Catch::Contains((dir / "bad.toml").string() + ":8:11: no profile named 'nosuchsite'"));
}

// A category page: many teasers, each a linked heading with a line of text, and no prose.
std::string listing_html(const std::string& title) {
    std::string html = "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><h1>" + title + "</h1>";
    for (int i = 1; i <= 12; ++i)
        html += "<div class='card'><h2><a href='/site/news/story-" + std::to_string(i) + ".html'>Story number " +
                std::to_string(i) + " of the category, with a headline</a></h2><span>A short teaser line.</span></div>";
    return html + "</body></html>";
}

TEST_CASE("winnow run: kinds keeps articles and records a listing as skipped, writing no file for it", "[run][e2e]") {
    RunSite site;
    TemporaryFolder work;
    fs::path dir = work.path();
    write_text(site.file("/category/tech.html"), listing_html("Technology"));
    const std::string base = "output = \"articles\"\nstate = \"state.sqlite\"\n";
    const std::string sources = "[fetch]\ndelay = 0\n[[source]]\nurls = [\"" + site.url("/news/a1.html") + "\", \"" +
                                site.url("/category/tech.html") + "\"]\n";

    // The default kinds (article, forum, documentation): the listing is skipped.
    write_text(dir / "run.toml", base + sources);
    auto first = run_winnow({"run", "--config", (dir / "run.toml").string(), "--log", (dir / "run.log").string()});
    INFO(first.out << first.err);
    CHECK(first.status == 0);
    CHECK(first.out == "fetched 1, new 1, changed 0, unchanged 0, failed 0, skipped 1 (robots 0, not html 0, kind 1)\n");
    auto files = files_of(dir / "articles");
    CHECK(files.size() == 2);  // the article and the manifest
    for (const auto& [path, content] : files)
        if (path != "manifest.jsonl") CHECK_THAT(content, Catch::StartsWith("Article 1"));
    CHECK_THAT(read_text(dir / "run.log"), Catch::Contains(" skipped (listing) 200 " + site.url("/category/tech.html")));
    bool recorded = false;
    for (const auto& row : state_rows(dir / "state.sqlite"))
        if (row.starts_with(site.url("/category/tech.html") + "|")) {
            recorded = true;
            CHECK_THAT(row, Catch::Contains("|skipped (listing)|"));
        }
    CHECK(recorded);

    // kinds = ["listing"]: now the listing is written and the article skipped.
    write_text(dir / "listings.toml", "output = \"listings\"\nstate = \"listings.sqlite\"\nkinds = [\"listing\"]\n" + sources);
    auto second = run_winnow({"run", "--config", (dir / "listings.toml").string()});
    INFO(second.out << second.err);
    CHECK(second.out == "fetched 1, new 1, changed 0, unchanged 0, failed 0, skipped 1 (robots 0, not html 0, kind 1)\n");
    auto listings = files_of(dir / "listings");
    REQUIRE(listings.size() == 2);
    for (const auto& [path, content] : listings)
        if (path != "manifest.jsonl") CHECK_THAT(content, Catch::StartsWith("Technology"));

    // An unknown kind is refused with its place in the file.
    write_text(dir / "bad.toml", base + "kinds = [\"article\", \"blog\"]\n" + sources);
    auto refused = run_winnow({"run", "--config", (dir / "bad.toml").string(), "--check"});
    CHECK(refused.status == 2);
    CHECK_THAT(refused.err, Catch::Contains((dir / "bad.toml").string() + ":3:21: 'kinds' entries must be page kinds"));
}

// Not run by ctest (hidden); scripts/stress-run-kill runs it. Kills runs with kill -9 at random
// moments (WINNOW_KILLS times, default 30), with transactions of 1 to 4 URLs, then checks that
// one more run ends with exactly the files, state rows and manifest lines of an uninterrupted run.
TEST_CASE("winnow run: kill -9 at random moments many times", "[.][stress]") {
    RunSite site(20);
    TemporaryFolder reference_work;
    fs::path reference = reference_work.path();
    REQUIRE(run_winnow({"run", "--config", site.write_config(reference).string(), "--quiet"}).status == 0);
    const char* env = std::getenv("WINNOW_KILLS");
    int kills = env ? std::atoi(env) : 30;
    std::srand(static_cast<unsigned>(::getpid()));
    int rounds = 0;
    std::size_t interrupted = 0;
    while (rounds < kills) {
        TemporaryFolder work;
        fs::path dir = work.path();
        fs::path config = site.write_config(dir, 0.02, "commit_every = " + std::to_string(1 + std::rand() % 4) + "\n");
        for (int k = 0; k < 3 && rounds < kills; ++k, ++rounds) {
            pid_t run = start_run(config, dir);
            std::this_thread::sleep_for(std::chrono::microseconds(std::rand() % 600000));
            ::kill(run, SIGKILL);
            wait_status(run);
        }
        if (fs::exists(dir / "state/winnow.sqlite") && !state_rows(dir / "state/winnow.sqlite", "queue").empty()) ++interrupted;
        auto finish = run_winnow({"run", "--config", config.string(), "--quiet"});
        INFO(finish.out << finish.err);
        REQUIRE(finish.status == 0);
        auto files = files_of(dir / "articles"), expected = files_of(reference / "articles");
        files.erase("manifest.jsonl");
        expected.erase("manifest.jsonl");
        REQUIRE(files == expected);
        // A killed run may have finished before its kill, and the next one then fetched again
        // (304s): status and outcome describe the last run, so only the lasting facts are compared.
        REQUIRE(state_rows(dir / "state/winnow.sqlite", "facts") == state_rows(reference / "state/winnow.sqlite", "facts"));
        std::multiset<std::string> lines, expected_lines;
        for (const auto& line : manifest_of(dir / "articles")) lines.insert(line["path"].get<std::string>() + line["content_hash"].get<std::string>());
        for (const auto& line : manifest_of(reference / "articles")) expected_lines.insert(line["path"].get<std::string>() + line["content_hash"].get<std::string>());
        REQUIRE(lines == expected_lines);
        check_consistent(dir);
    }
    std::cout << kills << " kills in " << (kills + 2) / 3 << " state folders; " << interrupted
              << " folders were left mid-run; every one ended equal to the uninterrupted run\n";
}

// Issue 18, "A page that crashed never stops the scraper", and issue 17, "Dead URLs retire" and
// "winnow state".

namespace {

// Runs winnow with extra environment variables (VAR=value).
winnow::test::ProcessResult run_winnow_with(const std::vector<std::string>& environment, const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"/usr/bin/env"};
    argv.insert(argv.end(), environment.begin(), environment.end());
    argv.push_back(WINNOW_BINARY);
    argv.insert(argv.end(), args.begin(), args.end());
    return winnow::test::run_process(argv);
}

// Pages committed in a state file another process is writing (0 while it cannot be read yet).
std::size_t committed_pages(const fs::path& state) {
    sqlite3* db = nullptr;
    std::size_t n = 0;
    if (sqlite3_open_v2(state.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 1000);
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT count(*) FROM pages", -1, &statement, nullptr) == SQLITE_OK &&
            sqlite3_step(statement) == SQLITE_ROW)
            n = static_cast<std::size_t>(sqlite3_column_int64(statement, 0));
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return n;
}

std::size_t requests_for(const RunSite& site, const std::string& path) {
    std::size_t n = 0;
    for (const auto& r : site.requests())
        if (r.path == "/site" + path) ++n;
    return n;
}

}  // namespace

TEST_CASE("winnow run: a page that crashes winnow (cleaned or fetched) is tried once more, then recorded as crashed and the run goes on", "[run][e2e][crash]") {
    // The test hooks abort the process (SIGABRT) on every run: WINNOW_TEST_CRASH when a3's
    // cleaning starts, WINNOW_TEST_CRASH_FETCH inside the fetcher once a3's response is in.
    const std::string hook = GENERATE(as<std::string>{}, "WINNOW_TEST_CRASH", "WINNOW_TEST_CRASH_FETCH");
    INFO(hook);
    RunSite site;
    TemporaryFolder work;
    fs::path dir = work.path();
    fs::path config = site.write_config(dir);
    const std::vector<std::string> crash = {hook + "=/news/a3.html"};
    auto first = run_winnow_with(crash, {"run", "--config", config.string(), "--quiet"});
    CHECK(first.status == 128 + SIGABRT);
    auto second = run_winnow_with(crash, {"run", "--config", config.string(), "--quiet"});
    CHECK(second.status == 128 + SIGABRT);  // tried once more
    CHECK(requests_for(site, "/news/a3.html") == 2);
    auto third = run_winnow_with(crash, {"run", "--config", config.string(), "--log", (dir / "run.log").string()});
    INFO(third.out << third.err);
    CHECK(third.status == 1);  // a3 failed (crashed); everything else was done
    CHECK_THAT(third.out, Catch::Contains("finished an interrupted run") && Catch::Contains(", failed 1, ") &&
                              Catch::EndsWith(", crashed 1\n"));
    CHECK_THAT(third.err, Catch::Contains(site.url("/news/a3.html") + ": winnow died 2 times while this page was in flight"));
    CHECK(requests_for(site, "/news/a3.html") == 2);  // not fetched a third time
    CHECK_THAT(read_text(dir / "run.log"), Catch::Contains(" crashed 0 " + site.url("/news/a3.html")));
    CHECK(files_of(dir / "articles").size() == 6);  // five articles and the manifest
    // Later runs go on without it.
    auto fourth = run_winnow_with(crash, {"run", "--config", config.string(), "--quiet"});
    INFO(fourth.out << fourth.err);
    CHECK(fourth.status == 0);
    CHECK(requests_for(site, "/news/a3.html") == 2);
    auto failures = run_winnow({"state", "failures", "--config", config.string()});
    CHECK(failures.status == 0);
    CHECK_THAT(failures.out, Catch::Contains(site.url("/news/a3.html") + "\tcrashed\tcrashed\t1\t"));
    // `state retry` brings it back; without the crash it is written.
    auto retry = run_winnow({"state", "retry", site.url("/news/a3.html"), "--config", config.string()});
    CHECK(retry.status == 0);
    auto fifth = run_winnow({"run", "--config", config.string(), "--quiet"});
    INFO(fifth.out << fifth.err);
    CHECK(fifth.status == 0);
    CHECK(requests_for(site, "/news/a3.html") == 3);
    CHECK(files_of(dir / "articles").size() == 7);
    check_consistent(dir);
}

TEST_CASE("winnow run: a commit that fails (disk full) stops fetching at once", "[run][e2e]") {
    RunSite site(60);
    TemporaryFolder work;
    fs::path dir = work.path();
    fs::path config = site.write_config(dir, 0, "commit_every = 1\n");
    // A file size limit stands in for a full disk: writes past 96 KiB fail with EFBIG.
    pid_t pid = ::fork();
    if (pid == 0) {
        int out = ::open((dir / "full.out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(out, 1);
        ::dup2(out, 2);
        ::signal(SIGXFSZ, SIG_IGN);
        struct rlimit limit{96 * 1024, 96 * 1024};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        ::execl(WINNOW_BINARY, WINNOW_BINARY, "run", "--config", config.c_str(), "--quiet", nullptr);
        ::_exit(127);
    }
    int status = wait_status(pid);
    std::string out = read_text(dir / "full.out");
    INFO(out);
    CHECK(status == 4);  // the state file cannot be written
    CHECK_THAT(out, Catch::Contains("state/winnow.sqlite"));
    CHECK(site.article_requests() < 40);  // of 60: fetching stopped when the commit failed
    // With room again, the next run finishes and the folder is consistent.
    auto finish = run_winnow({"run", "--config", config.string(), "--quiet"});
    INFO(finish.out << finish.err);
    CHECK(finish.status == 0);
    check_consistent(dir);
}

TEST_CASE("winnow run: a URL answering 404 on 3 runs in a row is gone: not fetched again, exit 0, file kept", "[run][e2e]") {
    RunSite site;
    TemporaryFolder work;
    fs::path dir = work.path();
    fs::path config = site.write_config(dir);
    REQUIRE(run_winnow({"run", "--config", config.string(), "--quiet"}).status == 0);
    auto files = files_of(dir / "articles");
    fs::remove(site.file("/news/a4.html"));  // deleted upstream, still in the sitemap
    for (int run = 1; run <= 2; ++run) {
        auto failing = run_winnow({"run", "--config", config.string(), "--quiet", "--log", (dir / "run.log").string()});
        CHECK(failing.status == 1);
        CHECK_THAT(failing.err, Catch::Contains("/news/a4.html: HTTP status 404"));
    }
    auto failures = run_winnow({"state", "failures", "--config", config.string(), "--format", "json"});
    REQUIRE(failures.status == 0);
    auto list = nlohmann::json::parse(failures.out);
    REQUIRE(list.size() == 1);
    CHECK(list[0]["url"] == site.url("/news/a4.html"));
    CHECK(list[0]["category"] == "http_status");
    CHECK(list[0]["count"] == 2);
    CHECK_FALSE(list[0]["since"].get<std::string>().empty());
    auto retiring = run_winnow({"run", "--config", config.string(), "--log", (dir / "run.log").string()});
    INFO(retiring.out << retiring.err);
    CHECK(retiring.status == 0);
    CHECK(retiring.err.empty());
    CHECK(retiring.out == "fetched 6, new 0, changed 0, unchanged 5, failed 0, skipped 3 (robots 2, not html 1, kind 0), gone 1\n");
    CHECK_THAT(read_text(dir / "run.log"), Catch::Contains(" gone 404 " + site.url("/news/a4.html") + " HTTP 404 on 3 runs in a row"));
    std::size_t asked = requests_for(site, "/news/a4.html");
    auto after = run_winnow({"run", "--config", config.string()});
    CHECK(after.status == 0);
    CHECK(after.out == "fetched 5, new 0, changed 0, unchanged 5, failed 0, skipped 3 (robots 2, not html 1, kind 0)\n");
    CHECK(requests_for(site, "/news/a4.html") == asked);  // not fetched any more
    CHECK(files_of(dir / "articles") == files);           // its last good file stays
    auto shown = run_winnow({"state", "show", site.url("/news/a4.html"), "--config", config.string()});
    CHECK(shown.status == 0);
    CHECK_THAT(shown.out, Catch::Contains("outcome: gone\n") && Catch::Contains("not_found_runs: 3\n"));
}

TEST_CASE("winnow state: stats, failures and show read while a run holds the lock, forget and retry wait for it", "[run][e2e][state]") {
    RunSite site(14);
    TemporaryFolder work;
    fs::path dir = work.path();
    fs::path config = site.write_config(dir, 0.3, "commit_every = 1\n");
    auto missing = run_winnow({"state", "stats", "--config", config.string()});
    CHECK(missing.status == 4);
    CHECK_THAT(missing.err, Catch::Contains("no such state file"));

    pid_t first = start_run(config, dir);
    wait_for_article_requests(site, 4);
    auto stats = run_winnow({"state", "stats", "--config", config.string()});
    INFO(stats.out << stats.err);
    CHECK(stats.status == 0);
    CHECK_THAT(stats.out, Catch::Contains("pages: ") && Catch::Contains("queued: "));
    auto json = run_winnow({"state", "stats", "--state", (dir / "state/winnow.sqlite").string(), "--format", "json"});
    REQUIRE(json.status == 0);
    auto parsed = nlohmann::json::parse(json.out);
    CHECK(parsed["queued"].get<long>() > 0);  // the run is still going
    CHECK(parsed["pages"].get<long>() >= 1);
    auto show = run_winnow({"state", "show", site.url("/news/a1.html"), "--config", config.string(), "--format", "json"});
    INFO(show.err);
    CHECK(show.status == 0);
    if (show.status == 0) CHECK(nlohmann::json::parse(show.out)["outcome"] == "new");
    CHECK(run_winnow({"state", "failures", "--config", config.string()}).status == 0);
    // forget waits until the run is over, then forgets.
    auto forget = run_winnow({"state", "forget", site.url("/news/a1.html"), "--config", config.string()});
    CHECK(forget.status == 0);
    CHECK_THAT(forget.err, Catch::Contains("waiting for the run"));
    CHECK(wait_status(first) == 0);
    auto gone = run_winnow({"state", "show", site.url("/news/a1.html"), "--config", config.string()});
    CHECK(gone.status == 1);
    CHECK_THAT(gone.err, Catch::Contains("not in the state file"));
    auto unknown = run_winnow({"state", "retry", "https://nowhere.example/", "--config", config.string()});
    CHECK(unknown.status == 1);
    auto bad = run_winnow({"state", "show", "not a url", "--config", config.string()});
    CHECK(bad.status == 2);
}

TEST_CASE("winnow run: a damaged state file has its own exit status and message, never an abort", "[run][e2e]") {
    RunSite site;
    TemporaryFolder work;
    fs::path dir = work.path();
    fs::path config = site.write_config(dir);
    REQUIRE(run_winnow({"run", "--config", config.string(), "--quiet"}).status == 0);
    auto lines = manifest_of(dir / "articles").size();
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir / "state/winnow.sqlite").c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "UPDATE meta SET value = 'many' WHERE key = 'manifest_size'", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    auto damaged = run_winnow({"run", "--config", config.string(), "--quiet"});
    CHECK(damaged.status == 4);
    CHECK_THAT(damaged.err, Catch::Contains("'manifest_size' is 'many', not a number"));
    CHECK(manifest_of(dir / "articles").size() == lines);

    // Not a state file at all.
    write_text(dir / "state/winnow.sqlite", std::string(200, 'x'));
    fs::remove(dir / "state/winnow.sqlite-wal");
    fs::remove(dir / "state/winnow.sqlite-shm");
    auto garbage = run_winnow({"run", "--config", config.string(), "--quiet"});
    CHECK(garbage.status == 4);
    CHECK_THAT(garbage.err, Catch::Contains("winnow.sqlite"));
    auto stats = run_winnow({"state", "stats", "--config", config.string()});
    CHECK(stats.status == 4);

    // An emptied state file: the manifest keeps every line already there.
    fs::remove(dir / "state/winnow.sqlite");
    REQUIRE(run_winnow({"run", "--config", config.string(), "--quiet"}).status == 0);
    CHECK(manifest_of(dir / "articles").size() == 2 * lines);  // the old lines kept, the new run's appended
}

TEST_CASE("winnow run: a finished page is committed on time while another stalls, max_duration ends a run held by Crawl-delay 100000", "[run][e2e]") {
    RunSite site;
    TemporaryFolder work;
    fs::path dir = work.path();
    // a1 comes at once; /slow answers after 20 s. No result arrives for 20 s, yet within the
    // commit interval (5 s) a1 is committed; max_duration (6 s) then ends the run (within the
    // fetcher's stop grace of 5 s for the transfer in flight).
    write_text(dir / "run.toml", "output = \"articles\"\nstate = \"state.sqlite\"\nmax_duration = 6\n[fetch]\ndelay = 0\ntimeout = 60\n"
                                 "[[source]]\nurls = [\"" + site.url("/news/a1.html") + "\", \"" +
                                 site.server_url("/slow?delay=20") + "\"]\n");
    auto began = std::chrono::steady_clock::now();
    pid_t run = start_run(dir / "run.toml", dir);
    std::size_t committed = 0;
    while (committed == 0 && std::chrono::steady_clock::now() - began < std::chrono::seconds(8)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (fs::exists(dir / "state.sqlite")) committed = committed_pages(dir / "state.sqlite");
    }
    CHECK(committed == 1);
    CHECK(::waitpid(run, nullptr, WNOHANG) == 0);  // still running, holding the lock
    CHECK(wait_status(run) == 0);
    CHECK(std::chrono::steady_clock::now() - began < std::chrono::seconds(17));  // before /slow answered
    CHECK(state_rows(dir / "state.sqlite", "queue").size() == 1);                 // left for the next run

    // robots.txt asks for 100000 s between requests: the run does not hang holding the lock.
    site.set_robots("User-agent: *\nCrawl-delay: 100000\n");
    write_text(dir / "delay.toml", "output = \"articles2\"\nstate = \"state2.sqlite\"\nmax_duration = 3\n[fetch]\ndelay = 0\n"
                                   "[[source]]\nurls = [\"" + site.url("/news/a2.html") + "\", \"" + site.url("/news/a3.html") + "\"]\n");
    began = std::chrono::steady_clock::now();
    auto held = run_winnow({"run", "--config", (dir / "delay.toml").string()});
    INFO(held.out << held.err);
    CHECK(held.status == 0);
    CHECK(std::chrono::steady_clock::now() - began < std::chrono::seconds(10));
    CHECK_THAT(held.out, Catch::Contains("stopped at max_duration with ") && Catch::Contains(" left for the next run"));
}

// Issue 18: "credentials stripped from URLs before they are stored or used as names".
TEST_CASE("winnow run: user:pass@ in the configuration's URLs is sent as Basic auth and kept nowhere", "[run][e2e][credentials]") {
    RunSite site;
    TemporaryFolder work;
    fs::path dir = work.path();
    fs::path config = site.write_config(dir);
    // Every source with credentials: the feed, the sitemap index, the URL file and the list.
    auto with_credentials = [](std::string text) {
        const std::string plain = "http://127.0.0.1:", secret = "http://user:pass@127.0.0.1:";
        for (std::size_t at = 0; (at = text.find(plain, at)) != std::string::npos; at += secret.size()) text.replace(at, plain.size(), secret);
        return text;
    };
    write_text(config, with_credentials(read_text(config)));
    write_text(dir / "urls.txt", with_credentials(read_text(dir / "urls.txt")));
    REQUIRE_THAT(read_text(config), Catch::Contains("user:pass@"));
    auto leaks = [&](const std::string& when) {
        INFO(when);
        for (const auto& entry : fs::recursive_directory_iterator(dir)) {
            const std::string name = entry.path().filename().string();
            if (name == "run.toml" || name == "urls.txt") continue;  // the user's own files
            INFO(entry.path());
            CHECK(entry.path().string().find("pass") == std::string::npos);
            if (entry.is_regular_file()) CHECK(read_text(entry.path()).find("pass") == std::string::npos);
        }
    };
    // The first run dies cleaning a4 (the test hook); the second resumes the saved queue.
    auto first = run_winnow_with({"WINNOW_TEST_CRASH=/news/a4.html"},
                                 {"run", "--config", config.string(), "--log", (dir / "run.log").string()});
    CHECK(first.status == 128 + SIGABRT);
    CHECK(first.out.find("pass") == std::string::npos);
    CHECK(first.err.find("pass") == std::string::npos);
    leaks("after the crash (the state, its lock and the queue)");
    auto second = run_winnow({"run", "--config", config.string(), "--log", (dir / "run.log").string()});
    INFO(second.out << second.err);
    CHECK(second.status == 0);
    CHECK_THAT(second.out, Catch::Contains("finished an interrupted run"));
    CHECK(second.out.find("pass") == std::string::npos);
    CHECK(second.err.find("pass") == std::string::npos);
    leaks("after the resumed run");
    CHECK(files_of(dir / "articles").size() == 7);  // six articles and the manifest
    // Every request under /site/ (feed, sitemaps, pages; those of the resumed queue too) carried
    // the user's credentials: "Basic " + base64("user:pass").
    std::size_t pages = 0;
    for (const auto& request : site.requests()) {
        if (!request.path.starts_with("/site/")) continue;
        INFO(request.path);
        auto authorization = request.headers.find("Authorization");
        REQUIRE(authorization != request.headers.end());
        CHECK(authorization->second == "Basic dXNlcjpwYXNz");
        if (request.path.starts_with("/site/news/")) ++pages;
    }
    CHECK(pages >= 6);
    check_consistent(dir);
}

// Issue 18's table: "such a page inside winnow run: every later run resumes the saved queue and
// crashes again". The hostile pages themselves, served to a run: each gets a result, the run ends.
TEST_CASE("winnow run: the hostile pages (300,000 nested spans, JSON-LD 100,000 deep) are cleaned, the run ends", "[run][e2e][hostile]") {
    RunSite site;
    TemporaryFolder work;
    fs::path dir = work.path();
    fs::path config = site.write_config(dir);
    std::string spans = "<html><head><title>Deep spans</title></head><body>";
    for (int i = 0; i < 300000; ++i) spans += "<span>";
    write_text(site.file("/news/a2.html"), spans + "x</body></html>");
    std::string json = "\"Jane Doe\"";
    std::string open(100000, '['), close(100000, ']');
    write_text(site.file("/news/a3.html"),
               "<html><head><title>Deep data</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":" +
                   open + json + close + "}</script></head><body><article><h1>Deep data</h1><p>The council approved the "
                   "new budget on Tuesday after a long debate about schools, roads and the library.</p></article></body></html>");
    auto first = run_winnow({"run", "--config", config.string(), "--log", (dir / "run.log").string()});
    INFO(first.out << first.err);
    CHECK((first.status == 0 || first.status == 1));  // a result for every page: written, or one failure line
    CHECK_THAT(read_text(dir / "run.log"), Catch::Contains(site.url("/news/a2.html")) && Catch::Contains(site.url("/news/a3.html")));
    auto second = run_winnow({"run", "--config", config.string(), "--quiet"});
    INFO(second.out << second.err);
    CHECK((second.status == 0 || second.status == 1));
    check_consistent(dir);
}
