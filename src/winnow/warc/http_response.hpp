// warc: the HTTP response inside a WARC `response` record (Content-Type
// "application/http; msgtype=response"): status line, header fields, and the body as the page
// was served, with Transfer-Encoding: chunked and Content-Encoding (gzip, deflate, br) undone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "winnow/util/result.hpp"
#include "winnow/warc/record.hpp"

namespace winnow::warc {

struct HttpResponse {
    int status = 0;                // 200
    std::string status_line;       // "HTTP/1.1 200 OK"
    std::vector<Field> fields;     // the response header fields, in order
    std::string body;              // decoded

    std::string_view field(std::string_view name) const { return find_field(fields, name); }
};

// Parses the status line and header fields only; the body is left empty. Fails (bad_input)
// when the block does not start with an HTTP status line.
Result<HttpResponse> parse_http_head(std::string_view block);

// The whole response: head, then the body with its transfer and content codings undone (a
// chunked body that does not parse as chunks is kept as it is: some archives store it
// de-chunked but keep the header). Fails (bad_input) on a malformed head or an undecodable
// body, (too_large) over `max_body_bytes` decoded bytes (0 = no limit).
Result<HttpResponse> parse_http_response(std::string_view block, std::size_t max_body_bytes);

}  // namespace winnow::warc
