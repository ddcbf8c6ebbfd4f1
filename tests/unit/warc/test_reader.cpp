// The WARC reader: versions 1.0 and 1.1, plain, per-record gzip and whole-file gzip, record
// positions, skipped blocks, and every kind of damage with the records after it still read.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "warc_builder.hpp"
#include "winnow/warc/digest.hpp"
#include "winnow/warc/reader.hpp"

using namespace winnow;
namespace wb = winnow::test::warcs;

namespace {

// What the reader gave, one entry per record: "ok TYPE @OFFSET" or "error @OFFSET: message".
struct Outcome {
    bool ok = false;
    std::string type;
    std::string block;
    warc::RecordPosition position;
    std::string message;
};

std::vector<Outcome> read_all(std::string data, warc::ReaderOptions options = {}) {
    warc::Reader reader(warc::memory_input(std::move(data)), std::move(options));
    std::vector<Outcome> out;
    while (auto next = reader.next()) {
        Outcome o;
        if (*next) {
            o.ok = true;
            o.type = std::string((*next)->type());
            o.block = (*next)->block;
            o.position = (*next)->position;
        } else {
            o.position = next->error().position;
            o.message = next->error().message;
        }
        out.push_back(std::move(o));
        REQUIRE(out.size() < 1000);  // the reader always moves on
    }
    return out;
}

std::vector<std::string> three_records() {
    return {wb::warcinfo("00000000-0000-4000-8000-000000000001"),
            wb::response("00000000-0000-4000-8000-000000000002", "http://example.org/a",
                         wb::http(200, "text/html", wb::page("A", "apples"))),
            wb::response("00000000-0000-4000-8000-000000000003", "http://example.org/b",
                         wb::http(200, "text/html", wb::page("B", "bananas")))};
}

}  // namespace

TEST_CASE("warc reader: plain records, fields, blocks and file offsets", "[warc]") {
    auto records = three_records();
    auto got = read_all(wb::join(records));
    REQUIRE(got.size() == 3);
    CHECK(got[0].ok);
    CHECK(got[0].type == "warcinfo");
    CHECK(got[0].position.offset == 0);
    CHECK(got[1].type == "response");
    CHECK(got[1].position.offset == records[0].size());
    CHECK(got[1].position.in_file);
    CHECK(got[2].position.offset == records[0].size() + records[1].size());
    CHECK(got[1].block.starts_with("HTTP/1.1 200 OK\r\n"));
    CHECK(got[1].block.ends_with("</html>"));

    warc::Reader reader(warc::memory_input(records[1]));
    auto record = reader.next();
    REQUIRE(record.has_value());
    REQUIRE(record->has_value());
    CHECK((*record)->version == "WARC/1.0");
    CHECK((*record)->target_uri() == "http://example.org/a");
    CHECK((*record)->field("warc-record-id") == "<urn:uuid:00000000-0000-4000-8000-000000000002>");  // any case
    CHECK((*record)->date() == "2026-11-20T10:00:00Z");
    CHECK(!reader.next());
}

TEST_CASE("warc reader: WARC/1.1, continuation lines, bare line ends and <URI> of WARC 1.0 drafts", "[warc]") {
    std::string data = "WARC/1.1\nWARC-Type: resource\nWARC-Target-URI: <http://example.org/x>\nX-Long: one\n  two\n"
                       "Content-Length: 5\n\nhello\n\n" +
                       wb::record("metadata", "1", {}, "k: v", -1, "WARC/1.1");
    warc::Reader reader(warc::memory_input(data));
    auto first = reader.next();
    REQUIRE((first && *first));
    CHECK((*first)->version == "WARC/1.1");
    CHECK((*first)->block == "hello");
    CHECK((*first)->target_uri() == "http://example.org/x");
    CHECK((*first)->field("X-Long") == "one two");
    auto second = reader.next();
    REQUIRE((second && *second));
    CHECK((*second)->type() == "metadata");
    CHECK(!reader.next());
}

TEST_CASE("warc reader: per-record gzip gives each record's member offset, whole-file gzip the decompressed one", "[warc]") {
    auto records = three_records();
    std::vector<std::string> members;
    for (const auto& r : records) members.push_back(wb::gzip(r));
    auto per_record = read_all(wb::join(members));
    REQUIRE(per_record.size() == 3);
    CHECK(per_record[1].ok);
    CHECK(per_record[1].position.in_file);
    CHECK(per_record[1].position.offset == members[0].size());
    CHECK(per_record[2].position.offset == members[0].size() + members[1].size());
    CHECK(per_record[2].position.describe() == "byte " + std::to_string(members[0].size() + members[1].size()));

    auto whole = read_all(wb::gzip(wb::join(records)));
    REQUIRE(whole.size() == 3);
    CHECK(whole[2].ok);
    CHECK(whole[2].block == per_record[2].block);
    CHECK(whole[0].position.in_file);  // the first record starts the only member
    CHECK_FALSE(whole[1].position.in_file);
    CHECK(whole[1].position.offset == records[0].size());
    CHECK(whole[1].position.describe() == "byte " + std::to_string(records[0].size()) + " of the decompressed data");
}

TEST_CASE("warc reader: blocks not wanted or too large are skipped as they stream past", "[warc]") {
    std::string big(300000, 'x');
    std::vector<std::string> records = {wb::record("resource", "1", {}, big), wb::record("resource", "2", {}, "small"),
                                        wb::record("metadata", "3", {}, "meta")};
    warc::ReaderOptions options;
    options.max_block_bytes = 100000;
    options.keep_block = [](const warc::Record& r) { return r.type() == "resource"; };
    for (const std::string& data : {wb::join(records), wb::gzip_each(records)}) {
        auto got = read_all(data, options);
        REQUIRE(got.size() == 3);
        CHECK(got[0].ok);
        CHECK(got[0].block.empty());  // over the limit
        CHECK(got[1].block == "small");
        CHECK(got[2].ok);
        CHECK(got[2].block.empty());  // not wanted
    }
}

TEST_CASE("warc reader: a truncated file reports the cut record with its offset, the ones before are read", "[warc]") {
    auto records = three_records();
    std::string data = wb::join(records);
    std::string cut = data.substr(0, records[0].size() + records[1].size() + 400);  // inside the block
    auto got = read_all(cut);
    REQUIRE(got.size() == 3);
    CHECK(got[0].ok);
    CHECK(got[1].ok);
    CHECK_FALSE(got[2].ok);
    CHECK(got[2].position.offset == records[0].size() + records[1].size());
    CHECK(got[2].message.starts_with("truncated: Content-Length is "));

    SECTION("inside a gzip member") {
        std::string members = wb::gzip_each(records);
        std::size_t third = wb::gzip(records[0]).size() + wb::gzip(records[1]).size();
        auto gz = read_all(members.substr(0, third + 60));
        REQUIRE(gz.size() == 3);
        CHECK(gz[1].ok);
        CHECK_FALSE(gz[2].ok);
        CHECK(gz[2].position.offset == third);
        CHECK(gz[2].message == "truncated: the file ends inside a gzip member");
    }
    SECTION("inside the header") {
        auto header_cut = read_all(data.substr(0, records[0].size() + 30));
        REQUIRE(header_cut.size() == 2);
        CHECK(header_cut[1].message == "truncated: the data ends inside the record's header");
    }
}

TEST_CASE("warc reader: a wrong Content-Length is reported and the next record is still read", "[warc]") {
    auto records = three_records();
    std::string block = wb::http(200, "text/html", wb::page("M", "melons"));
    for (long delta : {-40L, -1L, +1L, +25L, +400L}) {
        CAPTURE(delta);
        std::vector<std::string> broken = {records[0],
                                           wb::response("00000000-0000-4000-8000-00000000000a", "http://example.org/m", block,
                                                        static_cast<long>(block.size()) + delta),
                                           records[1], records[2]};
        for (bool compressed : {false, true}) {
            CAPTURE(compressed);
            auto got = read_all(compressed ? wb::gzip_each(broken) : wb::join(broken));
            REQUIRE(got.size() == 4);
            CHECK(got[0].ok);
            CHECK_FALSE(got[1].ok);
            CHECK(got[1].position.offset == (compressed ? wb::gzip(records[0]).size() : records[0].size()));
            CHECK(got[1].message.find("Content-Length") != std::string::npos);
            CHECK(got[2].ok);
            CHECK(got[2].block.find("apples") != std::string::npos);
            CHECK(got[3].ok);
        }
    }
}

TEST_CASE("warc reader: a corrupt gzip member is reported and the members after it are read", "[warc]") {
    auto records = three_records();
    records.push_back(wb::response("00000000-0000-4000-8000-000000000004", "http://example.org/c",
                                   wb::http(200, "text/html", wb::page("C", "cherries"))));
    std::vector<std::string> members;
    for (const auto& r : records) members.push_back(wb::gzip(r));
    std::size_t second = members[0].size();
    members[1][members[1].size() / 2] ^= 0x55;  // damage inside the deflate data
    members[1][members[1].size() / 2 + 1] ^= 0x5A;
    auto got = read_all(wb::join(members));
    REQUIRE(got.size() == 4);
    CHECK(got[0].ok);
    CHECK_FALSE(got[1].ok);
    CHECK(got[1].position.offset == second);
    CHECK(got[1].message.starts_with("corrupt gzip data"));
    CHECK(got[2].ok);
    CHECK(got[2].block.find("bananas") != std::string::npos);
    CHECK(got[3].ok);
    CHECK(got[3].block.find("cherries") != std::string::npos);
}

TEST_CASE("warc reader: a member cut short and followed by the next one loses only its record", "[warc]") {
    auto records = three_records();
    std::string first = wb::gzip(records[0]);
    std::string second = wb::gzip(records[1]);
    std::string data = first + second.substr(0, second.size() / 2) + wb::gzip(records[2]);
    auto got = read_all(data);
    REQUIRE(got.size() == 3);
    CHECK(got[0].ok);
    CHECK_FALSE(got[1].ok);
    CHECK(got[1].position.offset == first.size());
    CHECK(got[2].ok);
    CHECK(got[2].block.find("bananas") != std::string::npos);
}

TEST_CASE("warc reader: data that is not WARC gives one 'not a WARC file' error and nothing else", "[warc]") {
    std::string html = "<!DOCTYPE html><html><body><p>hello</p></body></html>";
    for (const std::string& data : {html, wb::gzip(html), std::string("\x1f\x8b\x08\x00garbage that is not deflate", 30),
                                    std::string("PK\x03\x04 zip", 8), std::string()}) {
        auto got = read_all(data);
        REQUIRE(got.size() == 1);
        CHECK_FALSE(got[0].ok);
        CHECK(got[0].message.starts_with("not a WARC file"));
        CHECK(got[0].position.offset == 0);
    }
    CHECK(read_all(html)[0].message == "not a WARC file: it starts with '<!DOCTYPE html><html><body><p>hello</p><'");
    CHECK(read_all("")[0].message == "not a WARC file: it is empty");
}

TEST_CASE("warc reader: malformed headers, unknown versions and stray bytes are reported and skipped", "[warc]") {
    auto records = three_records();
    std::string no_length = "WARC/1.0\r\nWARC-Type: resource\r\n\r\nabc\r\n\r\n";
    std::string bad_length = "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 12x\r\n\r\nabc\r\n\r\n";
    std::string old_version = "WARC/0.18\r\nWARC-Type: resource\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n";
    std::string bad_line = "WARC/1.0\r\nthis is not a field\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n";
    std::string junk = "junk between records\r\n";
    auto got = read_all(records[0] + no_length + records[1] + old_version + records[2] + bad_line + records[1] + junk +
                        records[2] + bad_length + records[0]);
    std::vector<std::string> summary;
    for (const auto& o : got) summary.push_back(o.ok ? "ok " + o.type : o.message);
    CHECK(summary == std::vector<std::string>{"ok warcinfo", "the record has no Content-Length", "ok response",
                                              "unsupported version 'WARC/0.18' (WARC/1.0 and WARC/1.1 are read)",
                                              "ok response", "malformed header line 'this is not a field'",
                                              "ok response", "no WARC record where one should start: 'junk between records'",
                                              "ok response", "bad Content-Length '12x'", "ok warcinfo"});
}

TEST_CASE("warc reader: kept blocks are checked against WARC-Block-Digest", "[warc]") {
    std::string good = wb::record("resource", "1", {{"WARC-Block-Digest", warc::sha1_digest("hello")}}, "hello");
    std::string bad = wb::record("resource", "2", {{"WARC-Block-Digest", warc::sha1_digest("hellO")}}, "hello");
    std::string hex = wb::record("resource", "3", {{"WARC-Block-Digest", "sha1:aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"}}, "hello");
    std::string other = wb::record("resource", "4", {{"WARC-Block-Digest", "sha256:whatever"}}, "hello");
    auto got = read_all(good + bad + hex + other);
    REQUIRE(got.size() == 4);
    CHECK(got[0].ok);
    CHECK_FALSE(got[1].ok);
    CHECK(got[1].message.starts_with("the block does not match its WARC-Block-Digest"));
    CHECK(got[2].ok);
    CHECK(got[3].ok);
}

TEST_CASE("warc reader: its buffer holds about one record, however many the file has", "[warc]") {
    // 3,000 records of 4 KiB (12 MiB, per-record gzip).
    std::string data;
    std::string body(4096, 'a');
    for (int i = 0; i < 3000; ++i) data += wb::gzip(wb::record("resource", std::to_string(i), {}, body));
    warc::Reader reader(warc::memory_input(std::move(data)));
    std::size_t count = 0, largest_buffer = 0;
    while (auto next = reader.next()) {
        REQUIRE(*next);
        CHECK((*next)->block.size() == 4096);
        largest_buffer = std::max(largest_buffer, reader.buffered_bytes());
        ++count;
    }
    CHECK(count == 3000);
    CHECK(largest_buffer < 256 * 1024);
    CHECK(reader.records_read() == 3000);
}
