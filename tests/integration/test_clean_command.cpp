// End-to-end tests of `winnow clean`: output formats, several inputs, and every kind of bad
// input with its message, exit status, and no partial output file.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "process.hpp"
#include "winnow/warc/writer.hpp"

using winnow::test::run_winnow;
using winnow::test::TemporaryFolder;
namespace fs = std::filesystem;

namespace {

const std::string k_article_page = R"(<!doctype html><html lang="en"><head><title>Rain returns to the valley | Daily Post</title>
<meta property="og:title" content="Rain returns to the valley"></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>Rain returns to the valley</h1>
<p>After four months without a drop, the first autumn storm reached the valley on Tuesday night, filling the reservoirs to a third of their capacity.</p>
<p>Farmers, who had warned of the worst harvest in a generation, said the rain came too late for the wheat but would save the orchards.</p>
<ul><li>Reservoirs at 34 percent</li><li>Orchards expected to recover</li></ul>
</article></main>
<footer><p>Copyright 2026 Daily Post. All rights reserved.</p></footer></body></html>)";

void write_file(const std::string& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

bool no_temporary_files(const std::string& folder) {
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.path().filename().string().find(".tmp.") != std::string::npos) return false;
    return true;
}

}  // namespace

TEST_CASE("clean prints the title, a blank line and the article only", "[clean]") {
    TemporaryFolder dir;
    write_file(dir.file("page.html"), k_article_page);
    auto r = run_winnow({"clean", dir.file("page.html")});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out ==
          "Rain returns to the valley\n\n"
          "After four months without a drop, the first autumn storm reached the valley on Tuesday night, filling the "
          "reservoirs to a third of their capacity.\n\n"
          "Farmers, who had warned of the worst harvest in a generation, said the rain came too late for the wheat but "
          "would save the orchards.\n\n"
          "  \u2022 Reservoirs at 34 percent\n  \u2022 Orchards expected to recover\n");
}

TEST_CASE("clean reads standard input, .html.gz files, and writes -o atomically", "[clean]") {
    TemporaryFolder dir;
    auto from_stdin = run_winnow({"clean", "-"}, k_article_page);
    REQUIRE(from_stdin.status == 0);
    write_file(dir.file("page.html.gz"), winnow::warc::gzip_member(k_article_page));
    auto from_gz = run_winnow({"clean", dir.file("page.html.gz")});
    CHECK(from_gz.status == 0);
    CHECK(from_gz.out == from_stdin.out);
    auto to_file = run_winnow({"clean", "-o", dir.file("out.txt"), "-"}, k_article_page);
    CHECK(to_file.status == 0);
    CHECK(to_file.out.empty());
    CHECK(read_text(dir.file("out.txt")) == from_stdin.out);
    CHECK(no_temporary_files(dir.path()));
}

TEST_CASE("the same input gives the same bytes on every run", "[clean]") {
    auto first = run_winnow({"clean", "-"}, k_article_page);
    auto second = run_winnow({"clean", "-"}, k_article_page);
    CHECK(first.out == second.out);
}

TEST_CASE("json has source, url, title, text and error", "[clean]") {
    auto r = run_winnow({"clean", "--format", "json", "--url", "https://example.org/rain", "-"}, k_article_page);
    REQUIRE(r.status == 0);
    auto object = nlohmann::json::parse(r.out);
    CHECK(object["source"] == "-");
    CHECK(object["url"] == "https://example.org/rain");
    CHECK(object["title"] == "Rain returns to the valley");
    CHECK(object["error"].is_null());
    std::string text = object["text"];
    CHECK(text.starts_with("After four months"));
    CHECK(text.find("Rain returns to the valley") == std::string::npos);
}

TEST_CASE("json has the page's metadata: authors, dates, language, site, kind", "[clean][metadata]") {
    const std::string page = R"(<!doctype html><html><head><title>Rain returns to the valley | Daily Post</title>
<meta property="og:site_name" content="Daily Post"><link rel="canonical" href="https://example.org/rain">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Rain returns to the valley",
 "author": [{"@type": "Person", "name": "Jane Roe"}, {"@type": "Person", "name": "John Doe"}],
 "datePublished": "2026-03-04T05:06:07+01:00", "dateModified": "2026-03-05", "keywords": ["rain", "farming"]}</script>
</head><body><article><h1>Rain returns to the valley</h1>
<p>After four months without a drop, the first autumn storm reached the valley on Tuesday night, filling the reservoirs.</p>
<p>Farmers, who had warned of the worst harvest in a generation, said the rain came too late for the wheat this year.</p>
</article></body></html>)";
    auto r = run_winnow({"clean", "--format", "json", "-"}, page);
    REQUIRE(r.status == 0);
    auto object = nlohmann::json::parse(r.out);
    CHECK(object["author"] == "Jane Roe, John Doe");
    CHECK(object["authors"] == nlohmann::json::array({"Jane Roe", "John Doe"}));
    CHECK(object["date"] == "2026-03-04T05:06:07+01:00");
    CHECK(object["date_modified"] == "2026-03-05");
    CHECK(object["language"] == "en");  // not declared: detected from the text
    CHECK(object["site_name"] == "Daily Post");
    CHECK(object["canonical_url"] == "https://example.org/rain");
    CHECK(object["tags"] == nlohmann::json::array({"rain", "farming"}));
    CHECK(object["page_kind"] == "article");
    CHECK(object["page_flags"] == nlohmann::json::array());
    CHECK(object.contains("description"));
    CHECK(object.contains("image"));
    CHECK(object.contains("categories"));

    // --explain names the source of each value and the page kind's evidence
    auto explained = run_winnow({"clean", "--explain", "-"}, page);
    CHECK_THAT(explained.err, Catch::Contains("authors = Jane Roe, John Doe (json-ld NewsArticle.author)"));
    CHECK_THAT(explained.err, Catch::Contains("date = 2026-03-04T05:06:07+01:00 (json-ld NewsArticle.datePublished"));
    CHECK_THAT(explained.err, Catch::Contains("language = en (detected from the text (CLD2))"));
    CHECK_THAT(explained.err, Catch::Contains("page_kind = article (json-ld NewsArticle"));
}

TEST_CASE("clean --kinds skips pages of other kinds, one line each, one JSON entry per input", "[clean][metadata]") {
    TemporaryFolder dir;
    std::string listing = "<html><head><title>Technology</title></head><body><h1>Technology</h1>";
    for (int i = 1; i <= 12; ++i)
        listing += "<div class='card'><h2><a href='/story-" + std::to_string(i) + "'>Story number " + std::to_string(i) +
                   " of the category, with a headline</a></h2><span>A teaser.</span></div>";
    write_file(dir.file("listing.html"), listing + "</body></html>");
    write_file(dir.file("article.html"), k_article_page);

    auto text = run_winnow({"clean", "--kinds", "article,forum", dir.file("listing.html"), dir.file("article.html")});
    CHECK(text.status == 0);
    CHECK(text.out.starts_with("Rain returns to the valley\n"));
    CHECK(text.err == "winnow: " + dir.file("listing.html") + ": skipped (listing)\n");

    auto jsonl = run_winnow({"clean", "--kinds", "article", "--format", "jsonl", dir.file("listing.html"), dir.file("article.html")});
    CHECK(jsonl.status == 0);
    std::istringstream lines(jsonl.out);
    std::string first, second;
    std::getline(lines, first);
    std::getline(lines, second);
    auto skipped = nlohmann::json::parse(first);
    CHECK(skipped["skipped"] == "listing");
    CHECK(skipped["text"].is_null());
    CHECK(nlohmann::json::parse(second)["page_kind"] == "article");

    auto all = run_winnow({"clean", "--format", "jsonl", dir.file("listing.html")});
    CHECK(nlohmann::json::parse(all.out)["page_kind"] == "listing");

    auto bad = run_winnow({"clean", "--kinds", "article,blog", dir.file("article.html")});
    CHECK(bad.status == 2);
    CHECK_THAT(bad.err, Catch::Contains("--kinds"));
}

TEST_CASE("jsonl over 500 pages: one process, one line per input in order, errors in place", "[clean]") {
    TemporaryFolder dir;
    std::vector<std::string> args{"clean", "--format", "jsonl"};
    for (int i = 0; i < 500; ++i) {
        std::string name = dir.file("page" + std::to_string(1000 + i) + ".html");
        if (i % 50 == 7) {
            write_file(name, "");  // an empty file mixed in
        } else if (i % 50 == 23) {
            write_file(name, std::string("\x89PNG\r\n\x1a\n", 8) + std::string(100, '\x01'));
        } else {
            std::string page = k_article_page;
            page.replace(page.find("Tuesday"), 7, "day " + std::to_string(i));
            write_file(name, page);
        }
        args.push_back(name);
    }
    auto r = run_winnow(args);
    CHECK(r.status == 1);
    std::istringstream lines(r.out);
    std::string line;
    int count = 0, errors = 0;
    while (std::getline(lines, line)) {
        auto object = nlohmann::json::parse(line);
        CHECK(object["source"] == args[3 + count]);
        if (!object["error"].is_null()) {
            ++errors;
            CHECK(object["text"].is_null());
        } else {
            CHECK(std::string(object["text"]).find("day " + std::to_string(count)) != std::string::npos);
        }
        ++count;
    }
    CHECK(count == 500);
    CHECK(errors == 20);
}

TEST_CASE("clean with several jobs: the same bytes as one job, in input order, errors and messages in place", "[clean][jobs]") {
    TemporaryFolder dir;
    std::vector<std::string> pages;
    for (int i = 0; i < 60; ++i) {
        std::string name = dir.file("p" + std::to_string(100 + i) + ".html");
        if (i % 13 == 5) {
            write_file(name, "");  // fails: its error must stay in its place
        } else {
            // Pages of very different sizes, so that the threads finish out of order.
            std::string page = k_article_page;
            page.replace(page.find("Tuesday"), 7, "day " + std::to_string(i));
            if (i % 3 == 0) page.insert(page.find("</body>"), std::string(200000 + 1000 * i, ' ') + "<script>" + std::string(300000, 'x') + "</script>");
            write_file(name, page);
        }
        pages.push_back(name);
    }
    auto with = [&](std::vector<std::string> args) {
        args.insert(args.end(), pages.begin(), pages.end());
        return run_winnow(args);
    };
    const auto one = with({"clean", "--format", "jsonl", "--jobs", "1"});
    for (const char* jobs : {"2", "4", "0"}) {
        const auto many = with({"clean", "--format", "jsonl", "--jobs", jobs});
        CHECK(many.status == one.status);
        CHECK(many.out == one.out);
        CHECK(many.err == one.err);
    }
    CHECK(with({"clean", "--format", "jsonl"}).out == one.out);  // the default: one job per core
    CHECK(with({"clean", "--jobs", "3"}).out == with({"clean"}).out);
    // A folder output: the same files.
    with({"clean", "-o", dir.file("out1"), "--jobs", "1"});
    with({"clean", "-o", dir.file("out4"), "--jobs", "4"});
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(dir.file("out1"))) {
        ++files;
        CHECK(read_text(entry.path().string()) == read_text(dir.file("out4/" + entry.path().filename().string())));
    }
    CHECK(files == 55);
    CHECK(run_winnow({"clean", "--jobs", "-1", pages[0]}).status == 2);
}

TEST_CASE("several inputs with -o write one file each into a folder", "[clean]") {
    TemporaryFolder dir;
    write_file(dir.file("a.html"), k_article_page);
    write_file(dir.file("b.html.gz"), winnow::warc::gzip_member(k_article_page));
    auto r = run_winnow({"clean", "-o", dir.file("out"), dir.file("a.html"), dir.file("b.html.gz")});
    CHECK(r.status == 0);
    CHECK(fs::exists(dir.file("out/a.txt")));
    CHECK(fs::exists(dir.file("out/b.txt")));
}

struct BadInput {
    std::string name;
    std::string content;  // written to the file unless `path` is given
    std::string path;
    std::string message;
};

TEST_CASE("every bad input: one line naming it and the problem, status 1, no output file", "[clean][bad-input]") {
    TemporaryFolder dir;
    fs::create_directory(dir.file("folder"));
    std::vector<BadInput> cases = {
        {"missing", "", dir.file("missing.html"), "no such file"},
        {"folder", "", dir.file("folder"), "is a folder"},
        {"empty.html", "", "", "is empty"},
        {"image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "", "PNG image"},
        {"doc.pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "", "PDF document"},
        {"archive.zip", std::string("PK\x03\x04\x14\0\0\0", 8), "", "ZIP archive"},
        {"notext.html", "<html><head><title></title></head><body><div><img src=a.png></div></body></html>", "", "no text"},
        {"broken.html.gz", "\x1f\x8b\x08\x00garbage", "", "corrupt gzip"},
    };
    for (const auto& c : cases) {
        std::string path = c.path.empty() ? dir.file(c.name) : c.path;
        if (c.path.empty()) write_file(path, c.content);
        std::string out = dir.file("out-" + c.name + ".txt");
        auto r = run_winnow({"clean", "-o", out, path});
        INFO(c.name << ": " << r.err);
        CHECK(r.status == 1);
        CHECK(r.err.find(path) != std::string::npos);
        CHECK(r.err.find(c.message) != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK_FALSE(fs::exists(out));
    }
    CHECK(no_temporary_files(dir.path()));
}

TEST_CASE("a page over --max-bytes is refused before it is parsed", "[clean][bad-input]") {
    TemporaryFolder dir;
    write_file(dir.file("big.html"), "<p>" + std::string(5000, 'x') + "</p>");
    auto r = run_winnow({"clean", "--max-bytes", "1000", dir.file("big.html")});
    CHECK(r.status == 1);
    CHECK(r.err.find("over the limit of 1000 bytes") != std::string::npos);
    auto piped = run_winnow({"clean", "--max-bytes", "1000", "-"}, "<p>" + std::string(5000, 'x') + "</p>");
    CHECK(piped.status == 1);
    CHECK(piped.err.find("over the limit") != std::string::npos);
}

TEST_CASE("unsupported URL schemes and hosts that do not resolve", "[clean][bad-input]") {
    auto ftp = run_winnow({"clean", "ftp://example.org/page.html"});
    CHECK(ftp.status == 1);
    CHECK(ftp.err.find("ftp://example.org/page.html") != std::string::npos);
    CHECK(ftp.err.find("unsupported URL scheme") != std::string::npos);
    auto dns = run_winnow({"clean", "--timeout", "5", "http://no-such-host.invalid/page"});
    CHECK(dns.status == 1);
    CHECK(dns.err.find("http://no-such-host.invalid/page") != std::string::npos);
    CHECK(dns.err.find("resolve") != std::string::npos);
}

TEST_CASE("one bad input does not stop the others", "[clean][bad-input]") {
    TemporaryFolder dir;
    write_file(dir.file("good.html"), k_article_page);
    auto r = run_winnow({"clean", dir.file("missing.html"), dir.file("good.html")});
    CHECK(r.status == 1);
    CHECK(r.out.starts_with("Rain returns to the valley\n"));
}

TEST_CASE("usage errors exit 2", "[clean][usage]") {
    CHECK(run_winnow({"clean"}).status == 2);
    CHECK(run_winnow({"clean", "--format", "xml", "-"}).status == 2);
    CHECK(run_winnow({"no-such-command"}).status == 2);
    auto version = run_winnow({"--version"});
    CHECK(version.status == 0);
    CHECK(version.out.find("winnow") != std::string::npos);
}

TEST_CASE("an exception inside the library ends with one line naming the input and status 70", "[clean][internal]") {
    // The test hook (src/winnow/util/test_hooks.hpp) throws inside clean_page, after parsing.
    TemporaryFolder dir;
    write_file(dir.file("page.html"), k_article_page);
    write_file(dir.file("second.html"), k_article_page);
    for (const char* thrown : {"bad_alloc", "a deliberate test exception"}) {
        auto r = winnow::test::run_process({"/usr/bin/env", std::string("WINNOW_TEST_THROW=") + thrown, WINNOW_BINARY,
                                            "clean", "-o", dir.file("out"), dir.file("page.html"), dir.file("second.html")});
        INFO(r.err);
        CHECK(r.status == 70);
        const std::string expected = "winnow: " + dir.file("page.html") + ": internal error: " +
                                     (thrown == std::string("bad_alloc") ? "out of memory (std::bad_alloc)"
                                                                         : std::string(thrown)) + "\n";
        CHECK(r.err == expected);  // one line, naming the input being cleaned
        CHECK(r.out.empty());
        CHECK_FALSE(fs::exists(dir.file("out")));  // nothing half-written
    }
    // Without the hook the same command succeeds.
    auto fine = run_winnow({"clean", "-o", dir.file("out"), dir.file("page.html"), dir.file("second.html")});
    CHECK(fine.status == 0);
}

TEST_CASE("clean --format markdown: title, lists, links only with --links, .md files in a folder", "[clean][markdown]") {
    TemporaryFolder tmp;
    const std::string page = tmp.file("page.html");
    write_file(page, k_article_page);
    auto plain = run_winnow({"clean", "--format", "markdown", page});
    REQUIRE(plain.status == 0);
    CHECK(plain.out.starts_with("# Rain returns to the valley\n\nAfter four months"));
    CHECK(plain.out.find("\n- Reservoirs at 34 percent\n- Orchards expected to recover\n") != std::string::npos);

    const std::string linked = "<html><head><base href='/docs/'></head><body><article><p>" + std::string(200, 'x') +
                               " see <a href='guide.html'>the guide</a>.</p></article></body></html>";
    write_file(tmp.file("linked.html"), linked);
    auto without = run_winnow({"clean", "--format", "markdown", "--url", "https://example.org/a/b", tmp.file("linked.html")});
    CHECK(without.out.find("see the guide.") != std::string::npos);
    auto with = run_winnow({"clean", "--format", "markdown", "--links", "--url", "https://example.org/a/b", tmp.file("linked.html")});
    CHECK(with.out.find("see [the guide](https://example.org/docs/guide.html).") != std::string::npos);

    fs::create_directory(tmp.file("out"));
    auto several = run_winnow({"clean", "--format", "markdown", "-o", tmp.file("out"), page, tmp.file("linked.html")});
    REQUIRE(several.status == 0);
    CHECK(read_text(tmp.file("out/page.md")) == plain.out);
    CHECK(fs::exists(tmp.file("out/linked.md")));
}

TEST_CASE("clean --front-matter: a YAML block before the text, options that need Markdown are refused", "[clean][markdown]") {
    TemporaryFolder tmp;
    const std::string page = tmp.file("page.html");
    write_file(page, k_article_page);
    auto text = run_winnow({"clean", "--front-matter", "--url", "https://example.org/rain", page});
    REQUIRE(text.status == 0);
    CHECK(text.out.starts_with("---\ntitle: \"Rain returns to the valley\"\nurl: \"https://example.org/rain\"\nlanguage: \"en\"\npage_kind: \"article\"\n---\n"
                               "Rain returns to the valley\n\nAfter four months"));

    auto links = run_winnow({"clean", "--links", page});
    CHECK(links.status == 2);
    CHECK(links.err == "winnow: --links needs --format markdown\n");
    CHECK(links.out.empty());
    auto front = run_winnow({"clean", "--format", "jsonl", "--front-matter", "-o", tmp.file("x.jsonl"), page});
    CHECK(front.status == 2);
    CHECK(front.err.find("--front-matter needs --format text or markdown") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp.file("x.jsonl")));
}

TEST_CASE("clean --favor: each mode's method, the default balanced, an unknown mode a usage error", "[clean][favor]") {
    TemporaryFolder dir;
    write_file(dir.file("page.html"), k_article_page);
    auto balanced = run_winnow({"clean", "--format", "json", dir.file("page.html")});
    auto asked = run_winnow({"clean", "--format", "json", "--favor", "balanced", dir.file("page.html")});
    REQUIRE(balanced.status == 0);
    CHECK(asked.out == balanced.out);  // no mode asked is balanced
    CHECK(nlohmann::json::parse(balanced.out)["method"].get<std::string>().find("favor") == std::string::npos);
    for (std::string mode : {"precision", "recall"}) {
        auto r = run_winnow({"clean", "--format", "json", "--favor", mode, dir.file("page.html")});
        CHECK(r.status == 0);
        const std::string method = nlohmann::json::parse(r.out)["method"];
        CHECK(method.ends_with("(favor " + mode + ")"));
    }
    auto bad = run_winnow({"clean", "--favor", "accuracy", dir.file("page.html")});
    CHECK(bad.status == 2);
    CHECK(bad.out.empty());
    CHECK(bad.err.find("--favor: accuracy not in {precision,balanced,recall}") != std::string::npos);
}
