// Test support: WARC files built by hand (not by winnow's writer, so that the reader is tested
// against bytes it did not make), as plain text, one gzip member per record, or whole-file gzip.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "winnow/warc/writer.hpp"

namespace winnow::test::warcs {

// One gzip member of `data` (zlib's, through the writer: compression is not what is tested).
inline std::string gzip(const std::string& data) { return warc::gzip_member(data); }

// Records one after another (a plain WARC, or a whole-file gzip once compressed).
inline std::string join(const std::vector<std::string>& records) {
    std::string out;
    for (const auto& r : records) out += r;
    return out;
}

// Each record its own gzip member (the usual .warc.gz).
inline std::string gzip_each(const std::vector<std::string>& records) {
    std::string out;
    for (const auto& r : records) out += gzip(r);
    return out;
}

using Fields = std::vector<std::pair<std::string, std::string>>;

// A record with the given type and fields; Content-Length is the block's unless `length` says
// otherwise (a wrong length on purpose).
inline std::string record(const std::string& type, const std::string& id, const Fields& fields, const std::string& block,
                          long length = -1, const std::string& version = "WARC/1.0") {
    std::string out = version + "\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + id + ">\r\n" +
                      "WARC-Date: 2026-11-20T10:00:00Z\r\n";
    for (const auto& [name, value] : fields) out += name + ": " + value + "\r\n";
    out += "Content-Length: " + std::to_string(length < 0 ? static_cast<long>(block.size()) : length) + "\r\n\r\n";
    out += block + "\r\n\r\n";
    return out;
}

// The block of a response record: status line, headers, blank line, body.
inline std::string http(int status, const std::string& content_type, const std::string& body,
                        const std::string& extra_headers = "") {
    std::string reason = status == 200 ? "OK" : status == 404 ? "Not Found" : status == 301 ? "Moved Permanently" : "Other";
    std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\n";
    if (!content_type.empty()) out += "Content-Type: " + content_type + "\r\n";
    out += extra_headers;
    out += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    return out;
}

inline std::string response(const std::string& id, const std::string& url, const std::string& http_block, long length = -1) {
    return record("response", id, {{"WARC-Target-URI", url}, {"Content-Type", "application/http; msgtype=response"}},
                  http_block, length);
}

inline std::string warcinfo(const std::string& id = "00000000-0000-4000-8000-000000000000") {
    return record("warcinfo", id, {{"Content-Type", "application/warc-fields"}}, "software: hand-made\r\n");
}

// A small HTML page with a title and two paragraphs that mention `word`.
inline std::string page(const std::string& title, const std::string& word) {
    return "<!doctype html><html><head><title>" + title + "</title></head><body><nav><a href='/'>Home</a></nav>"
           "<article><h1>" + title + "</h1><p>The first paragraph talks about " + word +
           " at some length, so that an extractor sees prose in it and keeps it as the article.</p><p>A second "
           "paragraph about " + word + " follows, with a few more words to make it look like a real article body.</p>"
           "</article></body></html>";
}

}  // namespace winnow::test::warcs
