// The WARC writer and the digests: exact record bytes, WET-style conversion records, gzip
// members, and the round trip through the reader.
#include <catch2/catch.hpp>

#include <regex>

#include "winnow/warc/digest.hpp"
#include "winnow/warc/reader.hpp"
#include "winnow/warc/writer.hpp"

using namespace winnow;

TEST_CASE("warc digests: SHA-1 in base32, checked in base32 or hex", "[warc]") {
    CHECK(warc::sha1_digest("") == "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");  // da39a3ee...
    CHECK(warc::digest_matches("sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ", "") == true);
    CHECK(warc::digest_matches("SHA1:3i42h3s6nnfq2msvx7xzkyayscx5qbyj", "") == true);
    CHECK(warc::digest_matches("sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709", "") == true);
    CHECK(warc::digest_matches("sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ", "x") == false);
    CHECK_FALSE(warc::digest_matches("md5:d41d8cd98f00b204e9800998ecf8427e", "").has_value());
    CHECK_FALSE(warc::digest_matches("sha1:short", "").has_value());
}

TEST_CASE("warc record ids: random v4, name-based v5 stable for a name", "[warc]") {
    const std::regex uuid(R"(<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-([45])[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>)");
    std::smatch m;
    std::string random = warc::random_record_id();
    REQUIRE(std::regex_match(random, m, uuid));
    CHECK(m[1] == "4");
    CHECK(random != warc::random_record_id());
    std::string named = warc::name_based_record_id("winnow conversion of <urn:uuid:1>");
    REQUIRE(std::regex_match(named, m, uuid));
    CHECK(m[1] == "5");
    CHECK(named == warc::name_based_record_id("winnow conversion of <urn:uuid:1>"));
    CHECK(named != warc::name_based_record_id("winnow conversion of <urn:uuid:2>"));
}

TEST_CASE("warc writer: a record's exact bytes, Content-Length computed", "[warc]") {
    CHECK(warc::format_record({{"WARC-Type", "resource"}, {"Content-Type", "text/plain"}}, "héllo") ==
          "WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhéllo\r\n\r\n");
}

TEST_CASE("warc writer: conversion records read back with their fields, plain and gzip", "[warc]") {
    warc::Conversion c;
    c.target_uri = "http://example.org/a";
    c.date = "2026-11-20T10:00:00Z";
    c.record_id = "<urn:uuid:11111111-1111-5111-8111-111111111111>";
    c.refers_to = "<urn:uuid:22222222-2222-4222-8222-222222222222>";
    c.text = "Title\n\nBody text.\n";
    std::string info = warc::warcinfo_record("out.warc.gz", "2026-11-21T00:00:00Z", warc::random_record_id(), "winnow/test");
    std::string record = warc::conversion_record(c);
    for (const std::string& data : {info + record, warc::gzip_member(info) + warc::gzip_member(record)}) {
        warc::Reader reader(warc::memory_input(data));
        auto first = reader.next();
        REQUIRE((first && *first));
        CHECK((*first)->type() == "warcinfo");
        CHECK((*first)->field("WARC-Filename") == "out.warc.gz");
        CHECK((*first)->block.find("software: winnow/test\r\n") != std::string::npos);
        auto second = reader.next();
        REQUIRE((second && *second));
        const warc::Record& r = **second;
        CHECK(r.type() == "conversion");
        CHECK(r.target_uri() == "http://example.org/a");
        CHECK(r.date() == "2026-11-20T10:00:00Z");
        CHECK(r.record_id() == c.record_id);
        CHECK(r.field("WARC-Refers-To") == c.refers_to);
        CHECK(r.content_type() == "text/plain");
        CHECK(r.field("WARC-Block-Digest") == warc::sha1_digest(c.text));
        CHECK(r.block == c.text);
        CHECK(!reader.next());
    }
}
