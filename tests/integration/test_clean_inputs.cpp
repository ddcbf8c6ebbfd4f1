// End-to-end tests of winnow clean's inputs: -i lists (files, URLs, standard input), a list
// piped to `-` by mistake, folders with -r, --encoding, and URLs and files in one batch.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <thread>
#include <fstream>

#include "corpus_files.hpp"
#include "json_lines.hpp"
#include "process.hpp"
#include "test_server.hpp"
#include "warc_builder.hpp"

using winnow::test::json_lines;
using winnow::test::run_winnow;
using winnow::test::TemporaryFolder;
using winnow::test::corpus::read_text;
using winnow::test::corpus::write_text;
namespace wb = winnow::test::warcs;
namespace fs = std::filesystem;

namespace {

// Three small pages a.html, b.html, c.html in `dir`.
void write_pages(const fs::path& dir) {
    write_text(dir / "a.html", wb::page("Apples", "apples"));
    write_text(dir / "b.html", wb::page("Bananas", "bananas"));
    write_text(dir / "c.html", wb::page("Cherries", "cherries"));
}

}  // namespace

TEST_CASE("a list of file names piped to - is refused with a hint to use -i", "[clean][inputs]") {
    TemporaryFolder dir;
    write_pages(dir.path());
    std::string list = dir.file("a.html") + "\n" + dir.file("b.html") + "\n";
    auto r = run_winnow({"clean", "-"}, list);
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "winnow: -: looks like a list of file names or URLs, not a page; to clean the inputs it names, give "
                   "it with -i (as in: ls *.html | winnow clean -i -)\n");
    // A page on standard input is still a page.
    auto page = run_winnow({"clean", "-"}, wb::page("Apples", "apples"));
    CHECK(page.status == 0);
    CHECK(page.out.starts_with("Apples\n\n"));
}

TEST_CASE("clean -i - cleans the pages a list on standard input names, in order", "[clean][inputs]") {
    TemporaryFolder dir;
    write_pages(dir.path());
    auto r = run_winnow({"clean", "-i", "-"}, dir.file("b.html") + "\n" + dir.file("a.html") + "\n");
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.starts_with("Bananas\n\n"));
    CHECK(r.out.find("\n\nApples\n\n") != std::string::npos);
}

TEST_CASE("clean -i FILE: comments, blank lines, a missing page reported in place, the rest cleaned", "[clean][inputs]") {
    TemporaryFolder dir;
    write_pages(dir.path());
    write_text(dir.file("list.txt"), "# my pages\n" + dir.file("a.html") + "\n\n   " + dir.file("missing.html") +
                                         "\n  # done with those\n" + dir.file("c.html") + "\n");
    auto r = run_winnow({"clean", "--format", "jsonl", dir.file("b.html"), "-i", dir.file("list.txt")});
    CHECK(r.status == 1);
    CHECK(r.err == "winnow: " + dir.file("missing.html") + ": no such file\n");
    auto lines = json_lines(r.out);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0]["title"] == "Bananas");  // the arguments first, then the list
    CHECK(lines[1]["title"] == "Apples");
    CHECK(lines[2]["source"] == dir.file("missing.html"));
    CHECK(lines[2]["error"] == dir.file("missing.html") + ": no such file");
    CHECK(lines[3]["title"] == "Cherries");
}

TEST_CASE("clean -i: usage errors exit 2 before anything is cleaned or written", "[clean][inputs][usage]") {
    TemporaryFolder dir;
    write_pages(dir.path());
    auto missing = run_winnow({"clean", "-o", dir.file("out.jsonl"), "--format", "jsonl", dir.file("a.html"), "-i",
                               dir.file("nope.txt")});
    CHECK(missing.status == 2);
    CHECK(missing.err == "winnow: -i " + dir.file("nope.txt") + ": no such file\n");
    CHECK_FALSE(fs::exists(dir.file("out.jsonl")));
    auto twice = run_winnow({"clean", "-", "-i", "-"}, "x");
    CHECK(twice.status == 2);
    CHECK(twice.err == "winnow: standard input ('-', '-i -') can be read only once\n");
}

TEST_CASE("clean -r cleans every page and WARC file under a folder, -o mirrors the tree", "[clean][inputs]") {
    TemporaryFolder dir;
    const fs::path site = dir.file("site");
    write_pages(site);
    write_text(site / "sub" / "d.htm", wb::page("Dates", "dates"));
    write_text(site / "notes.txt", "not a page");
    write_text(site / "crawl.warc", wb::response("e", "http://example.org/e", wb::http(200, "text/html", wb::page("Elderberries", "elderberries"))));

    auto no_r = run_winnow({"clean", site.string()});
    CHECK(no_r.status == 1);
    CHECK(no_r.err == "winnow: " + site.string() + ": is a folder; use -r to clean the pages and WARC files in it\n");

    auto r = run_winnow({"clean", "-r", "--format", "jsonl", site.string()});
    CHECK(r.status == 0);
    std::vector<std::string> titles;
    for (const auto& line : json_lines(r.out)) titles.push_back(line["title"]);
    CHECK(titles == std::vector<std::string>{"Apples", "Bananas", "Cherries", "Elderberries", "Dates"});

    auto to_folder = run_winnow({"clean", "-r", "-o", dir.file("out"), site.string()});
    CHECK(to_folder.status == 0);
    CHECK(read_text(dir.file("out/a.txt")).starts_with("Apples\n\n"));
    CHECK(read_text(dir.file("out/sub/d.txt")).starts_with("Dates\n\n"));
    CHECK(read_text(dir.file("out/example.org_e.txt")).starts_with("Elderberries\n\n"));
}

TEST_CASE("clean --encoding reads a UTF-8 page that declares another charset", "[clean][inputs][encoding]") {
    TemporaryFolder dir;
    const std::string title = "\xE4\xBA\xBA\xE5\xB7\xA5\xE6\x99\xBA\xE8\x83\xBD\xE8\xBF\x88\xE4\xB8\x8A\xE6\x96\xB0\xE5\x8F\xB0\xE9\x98\xB6";  // 人工智能迈上新台阶
    const std::string body = "\xE8\xB0\xB7\xE6\xAD\x8C\xE5\x9C\xA8\x32\x30\x31\x34\xE5\xB9\xB4\xE6\x94\xB6\xE8\xB4\xAD\xE7\x9A\x84\xE4\xBA\xBA"
                             "\xE5\xB7\xA5\xE6\x99\xBA\xE8\x83\xBD\xE5\x85\xAC\xE5\x8F\xB8\xE5\xBC\x80\xE5\x8F\x91\xE5\x87\xBA\xE4\xB8\x80"
                             "\xE6\xAC\xBE\xE8\x83\xBD\xE5\xA4\x9F\xE7\x94\xA8\xE8\x87\xAA\xE5\xB7\xB1\xE7\x9A\x84\xE8\xAE\xB0\xE5\xBF\x86"
                             "\xE5\xAD\xA6\xE4\xB9\xA0\xE6\x96\xB0\xE7\x9F\xA5\xE8\xAF\x86\xE7\x9A\x84\xE8\xAE\xA1\xE7\xAE\x97\xE6\x9C\xBA\xE3\x80\x82";
    write_text(dir.file("qq.html"), "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>" +
                                        title + "</title></head><body><article><h1>" + title + "</h1><p>" + body + body +
                                        "</p></article></body></html>");
    auto declared = run_winnow({"clean", dir.file("qq.html")});
    CHECK(declared.status == 0);
    CHECK(declared.out.find(title) == std::string::npos);  // read as gb2312: garbled
    auto forced = run_winnow({"clean", "--encoding", "utf-8", dir.file("qq.html")});
    CHECK(forced.status == 0);
    CHECK(forced.out.starts_with(title + "\n\n" + body));

    auto bad = run_winnow({"clean", "--encoding", "no-such-charset", dir.file("qq.html")});
    CHECK(bad.status == 2);
    CHECK(bad.err == "winnow: --encoding no-such-charset: unknown encoding (try utf-8, windows-1252, gb18030, shift_jis)\n");
    CHECK(bad.out.empty());
}

TEST_CASE("URLs and files in one batch, in the order given", "[clean][inputs]") {
    winnow::test::TestServer server;
    TemporaryFolder dir;
    write_pages(dir.path());
    write_text(dir.file("list.txt"), server.url("/page/two") + "\n" + dir.file("c.html") + "\n");
    // -i takes one list: the argument after it is an input again.
    auto r = run_winnow({"clean", "--format", "jsonl", dir.file("a.html"), "-i", dir.file("list.txt"), server.url("/page/one")});
    CHECK(r.status == 0);
    auto lines = json_lines(r.out);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0]["title"] == "Apples");
    CHECK(lines[1]["title"] == "Page one");  // the arguments first, then the list
    CHECK(lines[1]["url"] == server.url("/page/one"));
    CHECK(lines[2]["title"] == "Page two");
    CHECK(lines[3]["title"] == "Cherries");
}

TEST_CASE("clean: SIGTERM stops a batch between inputs, exits 130, and writes no -o file", "[clean][inputs]") {
    winnow::test::TestServer server;
    TemporaryFolder dir;
    std::string list;
    for (int i = 0; i < 6; ++i) list += server.url("/slow?delay=0.4&n=" + std::to_string(i)) + "\n";
    write_text(dir.file("urls.txt"), list);
    write_text(dir.file("out.jsonl"), "old\n");
    pid_t pid = ::fork();
    if (pid == 0) {
        int err = ::open(dir.file("err.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(err, 2);
        ::execl(WINNOW_BINARY, WINNOW_BINARY, "clean", "--format", "jsonl", "-o", dir.file("out.jsonl").c_str(), "-i",
                dir.file("urls.txt").c_str(), nullptr);
        ::_exit(127);
    }
    for (int i = 0; i < 2000 && server.log().size() < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ::kill(pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 130);
    CHECK(server.log().size() < 6);  // no new input after the signal
    CHECK(read_text(dir.file("out.jsonl")) == "old\n");
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 3);  // no temporary file left
    CHECK(read_text(dir.file("err.txt")).find("; " + dir.file("out.jsonl") + " not written\n") != std::string::npos);
}
