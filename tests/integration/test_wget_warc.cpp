// A WARC recorded by wget from the local test server (127.0.0.1 only) over 51 pages: winnow
// cleans it record by record into the same texts as it gives for each page fetched and cleaned
// on its own. The pages are the behaviour and seed fixtures (43 + 5, served from /site/) and
// the server's gzip, deflate and Latin-1 pages, so the archive holds raw gzip and deflate
// bodies and a charset that only the HTTP header states. wget also writes a warcinfo record,
// a request record per page and its log as a resource record: all skipped.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

#include "corpus_files.hpp"
#include "json_lines.hpp"
#include "process.hpp"
#include "test_server.hpp"

using winnow::test::run_process;
using winnow::test::json_lines;
using winnow::test::run_winnow;
using winnow::test::TemporaryFolder;
using winnow::test::corpus::read_text;
using winnow::test::corpus::write_text;
namespace fs = std::filesystem;

namespace {

// The fixture pages (not .html.gz: the site serves those as application/gzip), by name.
std::vector<fs::path> fixture_pages() {
    std::vector<fs::path> pages;
    for (const char* corpus : {"behaviours", "seeds"})
        for (const auto& entry : fs::directory_iterator(fs::path(WINNOW_SOURCE_DIR) / "fixtures" / corpus))
            if (entry.path().extension() == ".html") pages.push_back(entry.path());
    std::sort(pages.begin(), pages.end());
    return pages;
}

}  // namespace

TEST_CASE("wget --warc-file: each record cleans to the text of its page cleaned alone", "[clean][warc][wget]") {
    winnow::test::TestServer server;
    TemporaryFolder dir;
    std::vector<std::string> urls;
    fs::create_directories(server.work_dir() / "site");
    for (const fs::path& page : fixture_pages()) {
        fs::copy_file(page, server.work_dir() / "site" / page.filename(), fs::copy_options::overwrite_existing);
        urls.push_back(server.url("/site/" + page.filename().string()));
    }
    for (const char* path : {"/gzip", "/deflate", "/charset/latin1"}) urls.push_back(server.url(path));
    REQUIRE(urls.size() >= 50);
    std::string list;
    for (const auto& url : urls) list += url + "\n";
    write_text(dir.file("urls.txt"), list);

    for (bool compressed : {true, false}) {
        INFO((compressed ? "gzip records" : "plain records"));
        std::string base = dir.file(compressed ? "crawl" : "plain");
        std::vector<std::string> wget = {"/usr/bin/env", "wget", "--no-config", "--no-proxy", "--quiet", "--tries=1", "--timeout=30",
                                         "--warc-file=" + base, "--input-file=" + dir.file("urls.txt"),
                                         "--output-document=" + dir.file("downloaded")};
        if (!compressed) wget.push_back("--no-warc-compression");
        auto fetched = run_process(wget);
        INFO(fetched.err);
        REQUIRE(fetched.status == 0);
        std::string warc = base + (compressed ? ".warc.gz" : ".warc");
        REQUIRE(fs::exists(warc));

        auto cleaned = run_winnow({"clean", "--format", "jsonl", warc});
        INFO(cleaned.err);
        CHECK(cleaned.status == 0);
        CHECK(cleaned.err.empty());
        auto records = json_lines(cleaned.out);
        REQUIRE(records.size() == urls.size());
        std::set<std::string> ids;
        for (std::size_t i = 0; i < urls.size(); ++i) {
            INFO(urls[i]);
            auto alone = run_winnow({"clean", "--format", "json", urls[i]});
            REQUIRE(alone.status == 0);
            auto expected = nlohmann::json::parse(alone.out);
            CHECK(records[i]["url"] == urls[i]);
            CHECK(records[i]["source"] == warc);
            CHECK(records[i]["title"] == expected["title"]);
            CHECK(records[i]["text"] == expected["text"]);
            CHECK(records[i]["error"].is_null());
            REQUIRE(records[i]["warc_record_id"].is_string());
            ids.insert(records[i]["warc_record_id"].get<std::string>());
        }
        CHECK(ids.size() == urls.size());
    }
}
