// Integration tests of `winnow fixtures`: the built binary (WINNOW_BINARY) run on temporary
// corpora, checking what a user sees: messages, diffs and exit statuses.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "corpus_files.hpp"
#include "process.hpp"

using winnow::test::corpus::article_page;
using winnow::test::corpus::read_text;
using winnow::test::TemporaryFolder;
using winnow::test::corpus::write_text;
namespace fs = std::filesystem;

namespace {

struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

std::string quoted(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

Run winnow_run(const TemporaryFolder& tmp, const std::string& args) {
    const fs::path out = fs::path(tmp.path()) / ".out", err = fs::path(tmp.path()) / ".err";
    std::string command = quoted(WINNOW_BINARY) + " " + args + " >" + quoted(out.string()) + " 2>" + quoted(err.string());
    int raw = std::system(command.c_str());
    Run run;
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.out = read_text(out);
    run.err = read_text(err);
    return run;
}

std::size_t count_lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

// A static HTTP server on 127.0.0.1 serving `root`, on a free port, stopped by the destructor.
class LocalServer {
public:
    LocalServer(const TemporaryFolder& tmp, const fs::path& root) {
        const fs::path script = fs::path(tmp.path()) / ".server.py", port_file = fs::path(tmp.path()) / ".port", pid_file = fs::path(tmp.path()) / ".pid";
        write_text(script,
                   "import http.server, functools, sys\n"
                   "handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])\n"
                   "handler.func.log_message = lambda *a: None\n"
                   "server = http.server.HTTPServer(('127.0.0.1', 0), handler)\n"
                   "open(sys.argv[2] + '.tmp', 'w').write(str(server.server_address[1]))\n"
                   "import os; os.rename(sys.argv[2] + '.tmp', sys.argv[2])\n"
                   "server.serve_forever()\n");
        std::string command = quoted(WINNOW_PYTHON) + " " + quoted(script.string()) + " " + quoted(root.string()) + " " +
                              quoted(port_file.string()) + " >/dev/null 2>&1 & echo $! >" + quoted(pid_file.string());
        std::system(command.c_str());
        for (int i = 0; i < 100 && !fs::exists(port_file); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        m_port = read_text(port_file);
        m_pid = std::atoi(read_text(pid_file).c_str());
    }
    ~LocalServer() {
        if (m_pid > 0) ::kill(m_pid, SIGTERM);
    }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + m_port + "/" + path; }
    bool ready() const { return !m_port.empty() && m_pid > 0; }

private:
    std::string m_port;
    int m_pid = 0;
};

}  // namespace

TEST_CASE("winnow fixtures: add a file, check passes, an edited text fails with a diff, regen fixes it", "[fixtures][integration]") {
    TemporaryFolder tmp;
    write_text(fs::path(tmp.path()) / "story.html", article_page("Library budget approved", "Residents welcomed the decision."));
    const std::string corpus = quoted((fs::path(tmp.path()) / "corpus").string());
    Run add = winnow_run(tmp, "fixtures add " + corpus + " " + quoted((fs::path(tmp.path()) / "story.html").string()) +
                                  " --url https://news.example.com/library-budget");
    CHECK(add.status == 0);
    CHECK(add.out.find("added story:") != std::string::npos);
    CHECK(fs::exists(fs::path(tmp.path()) / "corpus" / "story.json"));

    Run check = winnow_run(tmp, "fixtures check " + corpus);
    CHECK(check.status == 0);
    CHECK(check.out.find("1 of 1 fixtures equal") != std::string::npos);

    // What an extractor change looks like: the expected text no longer matches the output.
    const fs::path txt = fs::path(tmp.path()) / "corpus" / "story.txt";
    const std::string good = read_text(txt);
    std::string edited = good;
    edited.replace(edited.find("Residents welcomed"), 18, "Residents opposed");
    write_text(txt, edited);
    Run failing = winnow_run(tmp, "fixtures check " + corpus);
    CHECK(failing.status == 1);
    CHECK(failing.out.find("--- " + txt.string() + " (expected)\n+++ " + txt.string() + " (current output)\n@@ ") !=
          std::string::npos);
    CHECK(failing.out.find("\n-Residents opposed the decision.\n+Residents welcomed the decision.\n") != std::string::npos);
    CHECK(failing.out.find("1 differ (story)") != std::string::npos);

    Run regen = winnow_run(tmp, "fixtures regen " + corpus);
    CHECK(regen.status == 0);
    CHECK(regen.out == "story.txt: +1 -1 lines\nregen " + (fs::path(tmp.path()) / "corpus").string() +
                           ": 1 of 1 fixtures changed, +1 -1 lines\n");
    CHECK(read_text(txt) == good);
    CHECK(winnow_run(tmp, "fixtures check " + corpus).status == 0);

    Run second = winnow_run(tmp, "fixtures regen " + corpus);
    CHECK(second.status == 0);
    CHECK(second.out.find("0 of 1 fixtures changed, +0 -0 lines") != std::string::npos);
    CHECK(read_text(txt) == good);

    Run refused = winnow_run(tmp, "fixtures add " + corpus + " " + quoted((fs::path(tmp.path()) / "story.html").string()));
    CHECK(refused.status == 2);
    CHECK(refused.err.find("--force") != std::string::npos);
}

TEST_CASE("winnow fixtures check: --max-diff-lines and --jobs", "[fixtures][integration]") {
    TemporaryFolder tmp;
    const fs::path corpus = fs::path(tmp.path()) / "corpus";
    for (int i = 0; i < 6; ++i) {
        std::string name = "page" + std::to_string(i);
        write_text(corpus / (name + ".html"), article_page("Story " + std::to_string(i), "Paragraph " + std::to_string(i) + "."));
    }
    Run created = winnow_run(tmp, "fixtures regen " + quoted(corpus.string()) + " page0 page1 page2 page3 page4 page5");
    CHECK(created.status == 0);
    CHECK(created.out.find("page0.txt: created, +") != std::string::npos);
    for (int i : {1, 4}) write_text(corpus / ("page" + std::to_string(i) + ".txt"), "one\ntwo\nthree\nfour\nfive\n");
    Run serial = winnow_run(tmp, "fixtures check " + quoted(corpus.string()));
    Run parallel = winnow_run(tmp, "fixtures check --jobs 4 " + quoted(corpus.string()));
    CHECK(serial.status == 1);
    CHECK(parallel.status == 1);
    CHECK(serial.out == parallel.out);
    CHECK(serial.out.find("4 of 6 fixtures equal, 2 differ (page1 page4)") != std::string::npos);
    Run limited = winnow_run(tmp, "fixtures check --max-diff-lines 4 " + quoted(corpus.string()));
    CHECK(limited.out.find("more diff lines not shown") != std::string::npos);
    CHECK(count_lines(limited.out) == 2 * 5 + 1);  // 4 lines and a note per fixture, then the summary
}

TEST_CASE("winnow fixtures check: a message per broken file, exit 1, good fixtures untouched", "[fixtures][integration]") {
    TemporaryFolder tmp;
    const fs::path corpus = fs::path(tmp.path()) / "corpus";
    write_text(corpus / "good.html", article_page("Good page", "Everything is fine here."));
    REQUIRE(winnow_run(tmp, "fixtures regen " + quoted(corpus.string()) + " good").status == 0);
    const std::string good = read_text(corpus / "good.txt");
    write_text(corpus / "notext.html", article_page("No text", "There is no expected text."));
    write_text(corpus / "unreadable.html", "");
    write_text(corpus / "unreadable.txt", "x\n");
    write_text(corpus / "badjson.html", article_page("Bad json", "Its metadata is broken."));
    write_text(corpus / "badjson.txt", "x\n");
    write_text(corpus / "badjson.json", "{\"url\": \"https://x.example\",");
    write_text(corpus / "orphan.txt", "a text without its page\n");
    fs::create_directories(corpus / "folder.html");  // a page that cannot be read as a file
    write_text(corpus / "folder.txt", "x\n");

    for (const char* command : {"check", "regen"}) {
        Run run = winnow_run(tmp, std::string("fixtures ") + command + " " + quoted(corpus.string()));
        CHECK(run.status == 1);
        CHECK(count_lines(run.err) == 5);
        CHECK(run.err.find((corpus / "folder.html").string() + ": is a folder, not a file\n") != std::string::npos);
        CHECK(run.err.find((corpus / "badjson.json").string() + ": not valid JSON\n") != std::string::npos);
        CHECK(run.err.find((corpus / "notext.html").string() + ": no notext.txt") != std::string::npos);
        CHECK(run.err.find((corpus / "orphan.txt").string() + ": no page orphan.html") != std::string::npos);
        CHECK(run.err.find((corpus / "unreadable.html").string() + ": is empty") != std::string::npos);
        CHECK(read_text(corpus / "good.txt") == good);
        CHECK(read_text(corpus / "unreadable.txt") == "x\n");
        CHECK(read_text(corpus / "badjson.txt") == "x\n");
    }
    CHECK_FALSE(fs::exists(corpus / "notext.txt"));
    CHECK(winnow_run(tmp, "fixtures check " + quoted((fs::path(tmp.path()) / "missing").string())).status == 2);
}

TEST_CASE("winnow fixtures add URL: stores the page as served with its metadata", "[fixtures][integration]") {
    TemporaryFolder tmp;
    const std::string page = article_page("Served page", "It came over HTTP from a local server.");
    write_text(fs::path(tmp.path()) / "site" / "news" / "served-page.html", page);
    LocalServer server(tmp, fs::path(tmp.path()) / "site");
    REQUIRE(server.ready());
    const fs::path corpus = fs::path(tmp.path()) / "corpus";
    Run add = winnow_run(tmp, "fixtures add " + quoted(corpus.string()) + " " + server.url("news/served-page.html"));
    CHECK(add.status == 0);
    const fs::path base = corpus / "127-0-0-1-news-served-page";
    CHECK(read_text(base.string() + ".html") == page);
    const std::string meta = read_text(base.string() + ".json");
    CHECK(meta.find("\"url\": \"" + server.url("news/served-page.html") + "\"") != std::string::npos);
    CHECK(meta.find("\"status\": 200") != std::string::npos);
    CHECK(meta.find("\"content_type\": \"text/html") != std::string::npos);
    CHECK(meta.find("\"fetched_at\": \"20") != std::string::npos);
    CHECK(read_text(base.string() + ".txt").starts_with("Served page\n\n"));
    CHECK(winnow_run(tmp, "fixtures check " + quoted(corpus.string())).status == 0);

    Run missing = winnow_run(tmp, "fixtures add " + quoted(corpus.string()) + " " + server.url("nope.html"));
    CHECK(missing.status == 1);
    CHECK(missing.err.find("404") != std::string::npos);
}

TEST_CASE("winnow fixtures: NAME.md is checked as Markdown with NAME.json's options, regen --format markdown creates it",
          "[fixtures][integration][markdown]") {
    TemporaryFolder tmp;
    const fs::path corpus = fs::path(tmp.path()) / "corpus";
    write_text(corpus / "linked.html", "<html><head><title>Linked</title></head><body><article><h1>Linked</h1><p>" +
                                           std::string(120, 'w') + " and <a href='/next'>the next page</a>.</p></article></body></html>");
    write_text(corpus / "linked.json", "{\"url\": \"https://example.org/a\", \"links\": true}");
    Run created = winnow_run(tmp, "fixtures regen --format markdown " + quoted(corpus.string()) + " linked");
    REQUIRE(created.status == 0);
    CHECK(created.out.find("linked.md: created, +") != std::string::npos);
    CHECK_FALSE(fs::exists(corpus / "linked.txt"));
    const std::string markdown = read_text(corpus / "linked.md");
    CHECK(markdown.starts_with("# Linked\n\n"));
    CHECK(markdown.find("[the next page](https://example.org/next)") != std::string::npos);
    CHECK(winnow_run(tmp, "fixtures check " + quoted(corpus.string())).status == 0);

    // Both files are checked when both exist; a changed Markdown file shows as a diff of NAME.md.
    REQUIRE(winnow_run(tmp, "fixtures regen " + quoted(corpus.string()) + " linked").status == 0);
    CHECK(fs::exists(corpus / "linked.txt"));
    write_text(corpus / "linked.md", "# Linked\n");
    Run failing = winnow_run(tmp, "fixtures check " + quoted(corpus.string()));
    CHECK(failing.status == 1);
    CHECK(failing.out.find("1 of 2 fixtures equal, 1 differ (linked.md)") != std::string::npos);

    write_text(corpus / "linked.json", "{\"links\": \"yes\"}");
    Run bad = winnow_run(tmp, "fixtures check " + quoted(corpus.string()));
    CHECK(bad.status == 1);
    CHECK(bad.err.find("\"links\" must be true or false") != std::string::npos);
}
