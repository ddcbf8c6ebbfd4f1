// HTTP content codings undone for bodies stored as they came (WARC response records).
#include <zlib.h>

#include <catch2/catch.hpp>

#include "winnow/decode/content_encoding.hpp"
#include "winnow/decode/sniff.hpp"

using winnow::decode::decode_content_encoding;

namespace {

const std::string k_page = "<html><body><p>The same page, compressed several ways.</p></body></html>";

// deflate with a zlib header (window_bits 15) or raw (-15), or gzip (31).
std::string compress(const std::string& data, int window_bits) {
    z_stream z{};
    deflateInit2(&z, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, data.size()) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = data.size();
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = out.size();
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

}  // namespace

TEST_CASE("content encodings: gzip, zlib and raw deflate, identity, and stacked codings", "[decode]") {
    CHECK(decode_content_encoding(compress(k_page, 31), "gzip", 0) == k_page);
    CHECK(decode_content_encoding(compress(k_page, 31), " X-GZIP ", 0) == k_page);
    CHECK(decode_content_encoding(compress(k_page, 15), "deflate", 0) == k_page);
    CHECK(decode_content_encoding(compress(k_page, -15), "deflate", 0) == k_page);
    CHECK(decode_content_encoding(k_page, "identity", 0) == k_page);
    CHECK(decode_content_encoding(k_page, "", 0) == k_page);
    // "gzip, deflate": deflated first, then gzipped; undone in reverse.
    CHECK(decode_content_encoding(compress(compress(k_page, 15), 31), "deflate, gzip", 0) == k_page);
    CHECK(winnow::decode::inflate_deflate(compress(k_page, -15), 0) == k_page);
}

TEST_CASE("content encodings: unknown codings, damage and the size limit fail with a reason", "[decode]") {
    auto unknown = decode_content_encoding(k_page, "compress", 0);
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message == "unsupported Content-Encoding 'compress'");
    auto damaged = decode_content_encoding(compress(k_page, 15).substr(0, 20), "deflate", 0);
    REQUIRE_FALSE(damaged);
    CHECK(damaged.error().message.starts_with("corrupt deflate data"));
    auto large = decode_content_encoding(compress(std::string(100000, 'a'), 31), "gzip", 1000);
    REQUIRE_FALSE(large);
    CHECK(large.error().kind == winnow::ErrorKind::too_large);
}
