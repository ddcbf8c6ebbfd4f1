// End-to-end tests of winnow clean on WARC files: per-record gzip, whole-file gzip and plain
// files give the texts of the pages cleaned one at a time; jsonl names each record;
// --format warc writes conversion records; damaged files are reported with byte offsets while
// every good record is still cleaned; a file that is not WARC is refused in one line.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "corpus_files.hpp"
#include "json_lines.hpp"
#include "process.hpp"
#include "warc_builder.hpp"
#include "winnow/warc/reader.hpp"

using winnow::test::json_lines;
using winnow::test::run_winnow;
using winnow::test::TemporaryFolder;
using winnow::test::corpus::read_text;
using winnow::test::corpus::write_text;
namespace wb = winnow::test::warcs;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> k_fruits = {"apples", "bananas", "cherries", "dates", "elderberries", "figs"};

std::string url_of(const std::string& fruit) { return "http://example.org/" + fruit; }
std::string id_of(std::size_t i) { return "00000000-0000-4000-8000-0000000000" + std::to_string(10 + i); }
std::string title_of(std::string fruit) {
    fruit[0] = static_cast<char>(std::toupper(fruit[0]));
    return fruit;
}

// A crawl as wget would write it: warcinfo, then a request and a response per page, the
// response in a different encoding each time (plain, gzip, chunked, a Latin-1 charset).
std::vector<std::string> crawl_records() {
    std::vector<std::string> records = {wb::warcinfo()};
    for (std::size_t i = 0; i < k_fruits.size(); ++i) {
        const std::string& fruit = k_fruits[i];
        records.push_back(wb::record("request", "req-" + fruit, {{"WARC-Target-URI", url_of(fruit)}},
                                     "GET /" + fruit + " HTTP/1.1\r\nHost: example.org\r\n\r\n"));
        std::string html = wb::page(title_of(fruit), fruit);
        std::string block = i % 3 == 1 ? wb::http(200, "text/html", wb::gzip(html), "Content-Encoding: gzip\r\n")
                                       : wb::http(200, "text/html; charset=utf-8", html);
        records.push_back(wb::response(id_of(i), url_of(fruit), block));
    }
    records.push_back(wb::response("00000000-0000-4000-8000-000000000999", "http://example.org/logo.png",
                                   wb::http(200, "image/png", "\x89PNG\r\n\x1a\n....")));
    return records;
}

// The text of each page cleaned on its own, from a file, with its URL.
std::vector<nlohmann::json> one_at_a_time(const TemporaryFolder& dir) {
    std::vector<nlohmann::json> out;
    for (const std::string& fruit : k_fruits) {
        write_text(dir.file(fruit + ".html"), wb::page(title_of(fruit), fruit));
        auto r = run_winnow({"clean", "--format", "json", "--url", url_of(fruit), dir.file(fruit + ".html")});
        REQUIRE(r.status == 0);
        out.push_back(nlohmann::json::parse(r.out));
    }
    return out;
}

}  // namespace

TEST_CASE("warc: per-record gzip, whole-file gzip and plain files give each page's text, record by record", "[clean][warc]") {
    TemporaryFolder dir;
    auto expected = one_at_a_time(dir);
    auto records = crawl_records();
    write_text(dir.file("records.warc.gz"), wb::gzip_each(records));
    write_text(dir.file("whole.warc.gz"), wb::gzip(wb::join(records)));
    write_text(dir.file("plain.warc"), wb::join(records));
    write_text(dir.file("no-extension"), wb::gzip_each(records));  // a WARC by its content
    for (const char* name : {"records.warc.gz", "whole.warc.gz", "plain.warc", "no-extension"}) {
        INFO(name);
        auto r = run_winnow({"clean", "--format", "jsonl", dir.file(name)});
        CHECK(r.status == 0);
        CHECK(r.err.empty());
        auto lines = json_lines(r.out);
        REQUIRE(lines.size() == k_fruits.size());
        for (std::size_t i = 0; i < lines.size(); ++i) {
            CHECK(lines[i]["source"] == dir.file(name));
            CHECK(lines[i]["url"] == url_of(k_fruits[i]));
            CHECK(lines[i]["warc_record_id"] == "<urn:uuid:" + id_of(i) + ">");
            CHECK(lines[i]["title"] == expected[i]["title"]);
            CHECK(lines[i]["text"] == expected[i]["text"]);
            CHECK(lines[i]["error"].is_null());
        }
    }
    // Text format: the pages one after another; the same from standard input.
    auto text = run_winnow({"clean", dir.file("records.warc.gz")});
    CHECK(text.status == 0);
    auto piped = run_winnow({"clean", "-"}, wb::gzip_each(records));
    CHECK(piped.status == 0);
    CHECK(piped.out == text.out);
    CHECK(text.out.starts_with("Apples\n\n"));
    CHECK(text.out.find("\n\nFigs\n\n") != std::string::npos);
}

TEST_CASE("warc: --format warc writes WET-style conversion records that refer to the responses", "[clean][warc]") {
    TemporaryFolder dir;
    write_text(dir.file("crawl.warc.gz"), wb::gzip_each(crawl_records()));
    auto text = run_winnow({"clean", dir.file("crawl.warc.gz")});
    for (const char* out_name : {"text.warc.gz", "text.warc"}) {
        auto r = run_winnow({"clean", "--format", "warc", "-o", dir.file(out_name), dir.file("crawl.warc.gz")});
        CHECK(r.status == 0);
        std::string written = read_text(dir.file(out_name));
        CHECK(written.starts_with(std::string(out_name).ends_with(".gz") ? "\x1f\x8b" : "WARC/1.0\r\nWARC-Type: warcinfo"));
        winnow::warc::Reader reader(winnow::warc::memory_input(written));
        auto info = reader.next();
        REQUIRE((info && info->has_value()));
        CHECK((*info)->type() == "warcinfo");
        CHECK((*info)->field("WARC-Filename") == out_name);
        std::string joined;
        for (std::size_t i = 0; i < k_fruits.size(); ++i) {
            auto next = reader.next();
            REQUIRE((next && next->has_value()));
            const auto& record = **next;
            CHECK(record.type() == "conversion");
            CHECK(record.target_uri() == url_of(k_fruits[i]));
            CHECK(record.field("WARC-Refers-To") == "<urn:uuid:" + id_of(i) + ">");
            CHECK(record.date() == "2026-11-20T10:00:00Z");
            CHECK(record.content_type() == "text/plain");
            joined += (i ? "\n" : "") + record.block;
        }
        CHECK_FALSE(reader.next().has_value());
        CHECK(joined == text.out);
    }
    // The same crawl gives the same conversion records (their ids come from the responses').
    auto again = run_winnow({"clean", "--format", "warc", dir.file("crawl.warc.gz")});
    auto once_more = run_winnow({"clean", "--format", "warc", dir.file("crawl.warc.gz")});
    auto after_info = [](const std::string& s) { return s.substr(s.find("WARC-Type: conversion")); };
    CHECK(after_info(again.out) == after_info(once_more.out));
    // Its output is a WARC winnow reads, but holds no HTML page.
    write_text(dir.file("again.warc"), again.out);
    auto reread = run_winnow({"clean", dir.file("again.warc")});
    CHECK(reread.status == 1);
    CHECK(reread.err == "winnow: " + dir.file("again.warc") + ": no HTML page among its 7 WARC records\n");
}

TEST_CASE("warc: a truncated file is reported with the record offset, every record before it cleaned", "[clean][warc][bad-input]") {
    TemporaryFolder dir;
    auto records = crawl_records();
    std::string members = wb::gzip_each(records);
    // Cut inside the response of the last page (figs): its member starts after all the others.
    std::size_t figs = wb::gzip_each(std::vector<std::string>(records.begin(), records.end() - 2)).size();
    std::size_t figs_end = figs + wb::gzip(records[records.size() - 2]).size();
    write_text(dir.file("cut.warc.gz"), members.substr(0, (figs + figs_end) / 2));
    auto r = run_winnow({"clean", "--format", "jsonl", dir.file("cut.warc.gz")});
    CHECK(r.status == 1);
    CHECK(r.err == "winnow: " + dir.file("cut.warc.gz") + ": record at byte " + std::to_string(figs) +
                       ": truncated: the file ends inside a gzip member\n");
    auto lines = json_lines(r.out);
    REQUIRE(lines.size() == k_fruits.size());
    for (std::size_t i = 0; i + 1 < k_fruits.size(); ++i) CHECK(lines[i]["title"] == title_of(k_fruits[i]));
    CHECK(lines.back()["error"] == dir.file("cut.warc.gz") + ": record at byte " + std::to_string(figs) +
                                       ": truncated: the file ends inside a gzip member");
    CHECK(lines.back()["warc_record_id"].is_null());

    // Plain WARC cut inside a block.
    std::string plain = wb::join(records);
    std::size_t figs_plain = wb::join(std::vector<std::string>(records.begin(), records.end() - 2)).size();
    write_text(dir.file("cut.warc"), plain.substr(0, figs_plain + 400));
    auto p = run_winnow({"clean", dir.file("cut.warc")});
    CHECK(p.status == 1);
    CHECK(p.err.starts_with("winnow: " + dir.file("cut.warc") + ": record at byte " + std::to_string(figs_plain) +
                            ": truncated: Content-Length is "));
    CHECK(std::count(p.err.begin(), p.err.end(), '\n') == 1);
    CHECK(p.out.find("Elderberries\n") != std::string::npos);
}

TEST_CASE("warc: a wrong Content-Length is reported with its offset, the records after it cleaned", "[clean][warc][bad-input]") {
    TemporaryFolder dir;
    auto records = crawl_records();
    // The response of "cherries" (record 6) claims 30 bytes more than it has.
    std::string html = wb::page("Cherries", "cherries");
    std::string block = wb::http(200, "text/html; charset=utf-8", html);
    records[6] = wb::response(id_of(2), url_of("cherries"), block, static_cast<long>(block.size()) + 30);
    std::size_t offset = wb::gzip_each(std::vector<std::string>(records.begin(), records.begin() + 6)).size();
    write_text(dir.file("bad-length.warc.gz"), wb::gzip_each(records));
    write_text(dir.file("out.jsonl"), "old content\n");
    auto r = run_winnow({"clean", "--format", "jsonl", "-o", dir.file("out.jsonl"), dir.file("bad-length.warc.gz")});
    CHECK(r.status == 1);
    CHECK(r.err == "winnow: " + dir.file("bad-length.warc.gz") + ": record at byte " + std::to_string(offset) +
                       ": Content-Length " + std::to_string(block.size() + 30) +
                       " does not match the record: its block is not followed by a blank line\n");
    auto lines = json_lines(read_text(dir.file("out.jsonl")));
    REQUIRE(lines.size() == k_fruits.size());
    std::vector<std::string> titles;
    for (const auto& line : lines) titles.push_back(line["title"].is_null() ? "ERROR" : std::string(line["title"]));
    CHECK(titles == std::vector<std::string>{"Apples", "Bananas", "ERROR", "Dates", "Elderberries", "Figs"});
}

TEST_CASE("warc: a file named .warc.gz that is not a WARC gives one line, status 1, and no output file", "[clean][warc][bad-input]") {
    TemporaryFolder dir;
    write_text(dir.file("page.warc.gz"), wb::gzip(wb::page("Apples", "apples")));
    write_text(dir.file("text.warc.gz"), "just some text\n");
    write_text(dir.file("empty.warc"), "");
    struct Case {
        std::string name, message;
    };
    for (const Case& c : {Case{"page.warc.gz", "not a WARC file: it starts with '<!doctype html><html><head><title>Apples'"},
                          Case{"text.warc.gz", "not a WARC file: it starts with 'just some text'"},
                          Case{"empty.warc", "not a WARC file: it is empty"}}) {
        INFO(c.name);
        auto r = run_winnow({"clean", "-o", dir.file("out.txt"), dir.file(c.name)});
        CHECK(r.status == 1);
        CHECK(r.err == "winnow: " + dir.file(c.name) + ": " + c.message + "\n");
        CHECK_FALSE(fs::exists(dir.file("out.txt")));
    }
    // In a batch, the next input is still cleaned.
    write_text(dir.file("good.html"), wb::page("Bananas", "bananas"));
    auto batch = run_winnow({"clean", "--format", "jsonl", dir.file("page.warc.gz"), dir.file("good.html")});
    CHECK(batch.status == 1);
    auto lines = json_lines(batch.out);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0]["error"].get<std::string>().find("not a WARC file") != std::string::npos);
    CHECK(lines[1]["title"] == "Bananas");
}
