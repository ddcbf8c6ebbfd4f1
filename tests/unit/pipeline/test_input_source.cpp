// The batch's inputs: -i lists, folders with -r, WARC files (which records become pages), and
// the checks made before anything is cleaned.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "process.hpp"
#include "warc_builder.hpp"
#include "winnow/pipeline/input_source.hpp"
#include "winnow/pipeline/warc_inputs.hpp"

using namespace winnow;
using winnow::test::TemporaryFolder;
namespace wb = winnow::test::warcs;
namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& path, const std::string& content) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

// "kind source" per item, or "error: message".
std::vector<std::string> drain(pipeline::InputSource& source) {
    std::vector<std::string> out;
    while (auto item = source.next()) {
        if (item->error) out.push_back("error: " + item->error->message);
        else out.push_back(item->source + (item->url.empty() ? "" : " " + item->url));
        REQUIRE(out.size() < 100);
    }
    return out;
}

}  // namespace

TEST_CASE("input source: arguments, then -i lists line by line, comments and blank lines skipped", "[inputs]") {
    TemporaryFolder dir;
    write_file(dir.file("list.txt"), "# pages to clean\n\n  " + dir.file("a.html") + "  \r\nhttps://example.org/x\n   # indented comment\n" +
                                         dir.file("b.html.gz") + "\n");
    write_file(dir.file("a.html"), "<p>a</p>");
    auto source = pipeline::InputSource::open({dir.file("first.html")}, {dir.file("list.txt")}, {});
    REQUIRE(source);
    CHECK(source->is_batch());
    CHECK(drain(*source) == std::vector<std::string>{dir.file("first.html"), dir.file("a.html"),
                                                     "https://example.org/x https://example.org/x", dir.file("b.html.gz")});
}

TEST_CASE("input source: a page given as a list is one error, and the next list is still read", "[inputs]") {
    TemporaryFolder dir;
    write_file(dir.file("page.html"), "\n<!doctype html>\n<html><body><p>text</p></body></html>\n");
    write_file(dir.file("list.txt"), dir.file("a.html") + "\n");
    auto source = pipeline::InputSource::open({}, {dir.file("page.html"), dir.file("list.txt")}, {});
    REQUIRE(source);
    CHECK(drain(*source) == std::vector<std::string>{
                                "error: " + dir.file("page.html") + ": looks like a page, not a list of inputs (one path or URL per line)",
                                dir.file("a.html")});
}

TEST_CASE("input source: usage errors are found before anything is cleaned", "[inputs]") {
    TemporaryFolder dir;
    auto missing = pipeline::InputSource::open({}, {dir.file("nope.txt")}, {});
    REQUIRE_FALSE(missing);
    CHECK(missing.error().kind == ErrorKind::usage);
    CHECK(missing.error().message == "-i " + dir.file("nope.txt") + ": no such file");
    auto folder = pipeline::InputSource::open({}, {dir.path()}, {});
    REQUIRE_FALSE(folder);
    CHECK(folder.error().message.ends_with("is a folder, not a list of inputs"));
    auto twice = pipeline::InputSource::open({"-"}, {"-"}, {});
    REQUIRE_FALSE(twice);
    CHECK(twice.error().message == "standard input ('-', '-i -') can be read only once");
}

TEST_CASE("input source: one file is not a batch, a folder with -r and a WARC file are", "[inputs]") {
    TemporaryFolder dir;
    write_file(dir.file("a.html"), "<p>a</p>");
    write_file(dir.file("crawl.warc"), wb::warcinfo());
    write_file(dir.file("sniffed.bin"), wb::gzip(wb::warcinfo()));
    CHECK_FALSE(pipeline::InputSource::open({dir.file("a.html")}, {}, {})->is_batch());
    CHECK_FALSE(pipeline::InputSource::open({dir.path()}, {}, {})->is_batch());
    CHECK(pipeline::InputSource::open({dir.path()}, {}, {.recursive = true})->is_batch());
    CHECK(pipeline::InputSource::open({dir.file("crawl.warc")}, {}, {})->is_batch());
    CHECK(pipeline::InputSource::open({dir.file("sniffed.bin")}, {}, {})->is_batch());  // WARC by content
}

TEST_CASE("input source: -r walks folders depth first in name order, pages and WARC files only", "[inputs]") {
    TemporaryFolder dir;
    const fs::path root = dir.file("site");
    for (std::string name : {"b.html", "a.htm", "c.HTML.gz", "notes.txt", "image.png", ".hidden.html", "sub/z.xhtml",
                             "sub/deeper/y.shtml", ".git/x.html", "a-sub/k.html"})
        write_file(root / name, "<p>" + name + "</p>");
    auto source = pipeline::InputSource::open({root.string()}, {}, {.recursive = true});
    REQUIRE(source);
    std::vector<std::string> names;
    std::vector<std::string> output_names;
    while (auto item = source->next()) {
        REQUIRE_FALSE(item->error);
        names.push_back(fs::path(item->source).lexically_relative(root).string());
        output_names.push_back(item->output_name);
    }
    CHECK(names == std::vector<std::string>{"a-sub/k.html", "a.htm", "b.html", "c.HTML.gz", "sub/deeper/y.shtml", "sub/z.xhtml"});
    CHECK(output_names == std::vector<std::string>{"a-sub/k", "a", "b", "c", "sub/deeper/y", "sub/z"});

    auto without_r = pipeline::InputSource::open({root.string()}, {}, {});
    CHECK(drain(*without_r) ==
          std::vector<std::string>{"error: " + root.string() + ": is a folder; use -r to clean the pages and WARC files in it"});
}

TEST_CASE("warc inputs: successful HTML responses and HTML resources become pages, other records are skipped", "[inputs][warc]") {
    std::string html = wb::page("Apples", "apples");
    std::string chunked_gzip_body = wb::gzip(html);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", chunked_gzip_body.size());
    std::string chunked = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\nContent-Encoding: gzip\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n" + std::string(size) + "\r\n" + chunked_gzip_body + "\r\n0\r\n\r\n";
    std::string data =
        wb::warcinfo() +
        wb::record("request", "r1", {{"WARC-Target-URI", "http://example.org/a"}}, "GET /a HTTP/1.1\r\n\r\n") +
        wb::response("a", "http://example.org/a", wb::http(200, "text/html; charset=utf-8", html)) +
        wb::response("png", "http://example.org/i.png", wb::http(200, "image/png", "\x89PNG\r\n\x1a\n....")) +
        wb::response("404", "http://example.org/missing", wb::http(404, "text/html", wb::page("Not found", "nothing"))) +
        wb::response("301", "http://example.org/old", wb::http(301, "text/html", "")) +
        wb::response("chunked", "http://example.org/c", chunked) +
        wb::response("untyped", "http://example.org/u", wb::http(200, "", html)) +
        wb::response("untyped-binary", "http://example.org/b", wb::http(200, "", std::string("\x00\x01\x02\x03", 4))) +
        wb::record("resource", "res", {{"WARC-Target-URI", "http://example.org/r"}, {"Content-Type", "text/html"}}, html) +
        wb::record("resource", "res-txt", {{"WARC-Target-URI", "http://example.org/t"}, {"Content-Type", "text/plain"}}, "x") +
        wb::record("revisit", "rv", {{"WARC-Target-URI", "http://example.org/a"}}, "HTTP/1.1 200 OK\r\n\r\n") +
        wb::record("metadata", "m", {{"WARC-Target-URI", "http://example.org/a"}}, "outlink: x\r\n") +
        wb::response("dns", "dns:example.org", "20261120100000\nexample.org. 300 IN A 127.0.0.1\n");
    pipeline::WarcInputs inputs("crawl.warc", warc::memory_input(data), 1 << 20);
    std::vector<std::string> got;
    while (auto item = inputs.next()) {
        REQUIRE_FALSE(item->error);
        CHECK(item->kind == pipeline::InputKind::warc_record);
        CHECK(item->loaded);
        CHECK(item->source == "crawl.warc");
        CHECK(item->bytes == html);
        CHECK(item->status == 200);
        CHECK(item->label() == "crawl.warc: record at " + item->warc_position + " (" + item->url + ")");
        got.push_back(item->url + " " + item->warc_record_id + " " + item->content_type);
    }
    CHECK(got == std::vector<std::string>{
                     "http://example.org/a <urn:uuid:a> text/html; charset=utf-8",
                     "http://example.org/c <urn:uuid:chunked> text/html; charset=iso-8859-1",
                     "http://example.org/u <urn:uuid:untyped> ",
                     "http://example.org/r <urn:uuid:res> text/html",
                 });
}

TEST_CASE("warc inputs: broken records and files without pages are errors in place", "[inputs][warc]") {
    std::string html = wb::page("Apples", "apples");
    std::string good = wb::response("a", "http://example.org/a", wb::http(200, "text/html", html));
    std::string cut = wb::response("b", "http://example.org/b", wb::http(200, "text/html", html)).substr(0, 200);
    pipeline::WarcInputs inputs("crawl.warc", warc::memory_input(good + cut), 1 << 20);
    auto first = inputs.next();
    REQUIRE((first && !first->error));
    auto second = inputs.next();
    REQUIRE((second && second->error));
    CHECK(second->error->message.starts_with("crawl.warc: record at byte " + std::to_string(good.size()) + ": truncated: "));
    CHECK_FALSE(inputs.next());

    pipeline::WarcInputs empty_of_pages("info.warc", warc::memory_input(wb::warcinfo()), 1 << 20);
    auto none = empty_of_pages.next();
    REQUIRE((none && none->error));
    CHECK(none->error->message == "info.warc: no HTML page among its 1 WARC records");

    pipeline::WarcInputs not_warc("page.warc.gz", warc::memory_input(wb::gzip(html)), 1 << 20);
    auto refused = not_warc.next();
    REQUIRE((refused && refused->error));
    CHECK(refused->error->message.starts_with("page.warc.gz: not a WARC file: it starts with '<!doctype html>"));
    CHECK_FALSE(not_warc.next());
}

TEST_CASE("input lists are told from pages", "[inputs]") {
    CHECK(pipeline::looks_like_input_list("a.html\nb.html\nsub/c.htm\n"));
    CHECK(pipeline::looks_like_input_list("# my pages\nhttps://example.org/a\n\nsaved/page.html.gz\ncrawl.warc.gz\n"));
    CHECK_FALSE(pipeline::looks_like_input_list("<p>a.html</p>\n"));
    CHECK_FALSE(pipeline::looks_like_input_list("Just a line of text about a.html\n"));
    CHECK_FALSE(pipeline::looks_like_input_list("a.html\nsome prose\n"));
    CHECK_FALSE(pipeline::looks_like_input_list("\n\n"));
    CHECK(pipeline::has_warc_name("x/CRAWL.WARC.GZ"));
    CHECK_FALSE(pipeline::has_warc_name("x.warc.gz.txt"));
    CHECK(pipeline::starts_like_warc("WARC/1.1\r\n"));
    CHECK(pipeline::starts_like_warc(wb::gzip("WARC/1.0\r\nWARC-Type: warcinfo\r\n")));
    CHECK_FALSE(pipeline::starts_like_warc(wb::gzip("<html>")));
}
