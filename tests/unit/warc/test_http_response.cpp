// The HTTP response inside a WARC response record: status, fields, chunked bodies and
// Content-Encoding undone.
#include <brotli/encode.h>

#include <catch2/catch.hpp>

#include "warc_builder.hpp"
#include "winnow/warc/http_response.hpp"

using namespace winnow;
namespace wb = winnow::test::warcs;

namespace {

const std::string k_body = "<html><body><p>Caf\xC3\xA9 au lait, twice.</p></body></html>";

std::string brotli(const std::string& data) {
    std::string out(BrotliEncoderMaxCompressedSize(data.size()), '\0');
    std::size_t size = out.size();
    BrotliEncoderCompress(5, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, data.size(),
                          reinterpret_cast<const uint8_t*>(data.data()), &size, reinterpret_cast<uint8_t*>(out.data()));
    out.resize(size);
    return out;
}

}  // namespace

TEST_CASE("http response: status, fields and body", "[warc]") {
    auto r = warc::parse_http_response(wb::http(200, "text/html; charset=UTF-8", k_body, "X-Folded: a\r\n b\r\n"), 0);
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->status_line == "HTTP/1.1 200 OK");
    CHECK(r->field("content-type") == "text/html; charset=UTF-8");
    CHECK(r->field("X-Folded") == "a b");
    CHECK(r->body == k_body);
    auto not_found = warc::parse_http_head(wb::http(404, "text/html", "gone"));
    REQUIRE(not_found);
    CHECK(not_found->status == 404);
    CHECK(not_found->body.empty());
    auto http2 = warc::parse_http_head("HTTP/2 301\r\nLocation: /x\r\n\r\n");
    REQUIRE(http2);
    CHECK(http2->status == 301);
}

TEST_CASE("http response: chunked transfer and content encodings are undone", "[warc]") {
    std::string chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" "a;ext=1\r\n" + k_body.substr(0, 10) +
                          "\r\n" + [&] {
                              std::string rest = k_body.substr(10);
                              char size[16];
                              std::snprintf(size, sizeof size, "%zX", rest.size());
                              return std::string(size) + "\r\n" + rest + "\r\n0\r\n\r\n";
                          }();
    auto r = warc::parse_http_response(chunked, 0);
    REQUIRE(r);
    CHECK(r->body == k_body);

    auto gz = warc::parse_http_response(wb::http(200, "text/html", wb::gzip(k_body), "Content-Encoding: gzip\r\n"), 0);
    REQUIRE(gz);
    CHECK(gz->body == k_body);
    auto br = warc::parse_http_response(wb::http(200, "text/html", brotli(k_body), "Content-Encoding: br\r\n"), 0);
    REQUIRE(br);
    CHECK(br->body == k_body);
    // A server that says gzip and sends the page as it is.
    auto liar = warc::parse_http_response(wb::http(200, "text/html", k_body, "Content-Encoding: gzip\r\n"), 0);
    REQUIRE(liar);
    CHECK(liar->body == k_body);
}

TEST_CASE("http response: what cannot be read fails with a reason", "[warc]") {
    CHECK_FALSE(warc::parse_http_response("GET / HTTP/1.1\r\n\r\n", 0));
    CHECK_FALSE(warc::parse_http_response("HTTP/1.1 abc\r\n\r\n", 0));
    auto unknown = warc::parse_http_response(wb::http(200, "text/html", "xx", "Content-Encoding: zstd\r\n"), 0);
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message == "unsupported Content-Encoding 'zstd'");
    auto broken = warc::parse_http_response(wb::http(200, "text/html", "\x1f\x8b\x08 broken", "Content-Encoding: gzip\r\n"), 0);
    CHECK_FALSE(broken);
    auto large = warc::parse_http_response(wb::http(200, "text/html", std::string(5000, 'a')), 1000);
    REQUIRE_FALSE(large);
    CHECK(large.error().kind == ErrorKind::too_large);
}
