#include "winnow/warc/http_response.hpp"

#include <algorithm>
#include <optional>

#include "winnow/decode/content_encoding.hpp"
#include "winnow/util/ascii.hpp"

namespace winnow::warc {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

bool contains_token(std::string_view value, std::string_view token) {
    return ascii::lower(value).find(token) != std::string::npos;
}

// The end of the head (after its blank line), or npos.
std::size_t head_length(std::string_view block) {
    std::size_t crlf = block.find("\r\n\r\n");
    std::size_t lf = block.find("\n\n");
    return std::min(crlf == std::string_view::npos ? crlf : crlf + 4, lf == std::string_view::npos ? lf : lf + 2);
}

// Joins the chunks of a chunked body (RFC 9112 7.1); nullopt when it is not chunked data.
std::optional<std::string> dechunk(std::string_view body) {
    std::string out;
    std::size_t at = 0;
    while (true) {
        std::size_t line_end = body.find('\n', at);
        if (line_end == std::string_view::npos) return std::nullopt;
        std::string_view size_line = trim(body.substr(at, line_end - at));
        size_line = size_line.substr(0, size_line.find(';'));  // chunk extensions
        size_line = trim(size_line);
        if (size_line.empty() || size_line.size() > 15) return std::nullopt;
        std::size_t size = 0;
        for (char c : size_line) {
            if (ascii::hex_value(c) < 0) return std::nullopt;
            size = size * 16 + static_cast<std::size_t>(ascii::hex_value(c));
        }
        at = line_end + 1;
        if (size == 0) return out;  // trailer fields, if any, are of no use here
        if (at + size > body.size()) {
            out.append(body.substr(at));  // cut short: keep what came
            return out;
        }
        out.append(body.substr(at, size));
        at += size;
        if (body.substr(at, 2) == "\r\n") at += 2;
        else if (body.substr(at, 1) == "\n") at += 1;
        if (at >= body.size()) return out;
    }
}

}  // namespace

Result<HttpResponse> parse_http_head(std::string_view block) {
    if (!block.starts_with("HTTP/")) return fail(ErrorKind::bad_input, "the record does not hold an HTTP response");
    std::size_t head_end = head_length(block);
    std::string_view head = head_end == std::string_view::npos ? block : block.substr(0, head_end);
    HttpResponse response;
    std::size_t line_end = head.find('\n');
    response.status_line = std::string(trim(head.substr(0, line_end)));
    // "HTTP/1.1 200 OK": the status is the second word.
    std::size_t space = response.status_line.find(' ');
    if (space == std::string::npos) return fail(ErrorKind::bad_input, "malformed HTTP status line '" + response.status_line + "'");
    std::string_view code = std::string_view(response.status_line).substr(space + 1, 3);
    if (code.size() != 3 || !ascii::is_all_digits(code))
        return fail(ErrorKind::bad_input, "malformed HTTP status line '" + response.status_line + "'");
    response.status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
    for (std::size_t at = line_end == std::string_view::npos ? head.size() : line_end + 1; at < head.size();) {
        std::size_t end = head.find('\n', at);
        std::string_view line = head.substr(at, end - at);
        at = end == std::string_view::npos ? head.size() : end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) continue;
        if ((line.front() == ' ' || line.front() == '\t') && !response.fields.empty()) {
            response.fields.back().value += " ";
            response.fields.back().value += trim(line);
            continue;
        }
        std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;  // a stray line: browsers ignore it too
        response.fields.push_back({std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1)))});
    }
    return response;
}

Result<HttpResponse> parse_http_response(std::string_view block, std::size_t max_body_bytes) {
    auto response = parse_http_head(block);
    if (!response) return response;
    std::size_t head_end = head_length(block);
    std::string body(head_end == std::string_view::npos ? std::string_view() : block.substr(head_end));
    if (contains_token(response->field("Transfer-Encoding"), "chunked"))
        if (auto joined = dechunk(body)) body = std::move(*joined);
    if (std::string_view encoding = response->field("Content-Encoding"); !encoding.empty()) {
        auto decoded = decode::decode_content_encoding(std::move(body), encoding, max_body_bytes);
        if (!decoded) return std::unexpected(decoded.error());
        body = std::move(*decoded);
    }
    if (max_body_bytes && body.size() > max_body_bytes)
        return fail(ErrorKind::too_large, "the page is over the limit of " + std::to_string(max_body_bytes) + " bytes");
    response->body = std::move(body);
    return response;
}

}  // namespace winnow::warc
