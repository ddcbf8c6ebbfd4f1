#include "winnow/pipeline/warc_inputs.hpp"

#include <algorithm>

#include "winnow/decode/sniff.hpp"
#include "winnow/util/ascii.hpp"
#include "winnow/warc/http_response.hpp"

namespace winnow::pipeline {
namespace {

// Room for the HTTP head on top of the page size limit.
constexpr std::size_t k_http_head_allowance = 64 * 1024;

// The media type of a Content-Type value, lower case, without parameters.
std::string media_type(std::string_view content_type) {
    return ascii::lower(ascii::trim(content_type.substr(0, content_type.find(';'))));
}

bool is_html_type(std::string_view type) { return type == "text/html" || type == "application/xhtml+xml"; }

// No Content-Type: a page if it is not binary and has markup near its start.
bool looks_like_markup(std::string_view body) {
    return decode::binary_format(body).empty() && body.substr(0, 1024).find('<') != std::string_view::npos;
}

// Record types whose block may be a page; the others are skipped without reading them into memory.
bool may_hold_page(const warc::Record& record) {
    std::string type = ascii::lower(record.type());
    if (type == "response") {
        // Common Crawl and others name the payload's type: a cheap early no.
        std::string payload = media_type(record.field("WARC-Identified-Payload-Type"));
        return payload.empty() || is_html_type(payload);
    }
    if (type == "resource") return is_html_type(media_type(record.content_type()));
    return false;
}

}  // namespace

WarcInputs::WarcInputs(std::string name, std::unique_ptr<warc::ByteInput> input, std::size_t max_page_bytes)
    : m_name(std::move(name)),
      m_max_page_bytes(max_page_bytes),
      m_reader(std::move(input), warc::ReaderOptions{.keep_block = may_hold_page,
                                                     .max_block_bytes = max_page_bytes + k_http_head_allowance,
                                                     .verify_digests = true}) {}

InputItem WarcInputs::error_item(const std::string& position, const std::string& message) const {
    InputItem item;
    item.kind = InputKind::warc_record;
    item.source = m_name;
    item.warc_position = position;
    item.error = Error{ErrorKind::bad_input, item.label() + ": " + message};
    return item;
}

std::optional<InputItem> WarcInputs::next() {
    while (!m_finished) {
        auto next = m_reader.next();
        if (!next) {
            m_finished = true;
            // A WARC file without a single page is worth a word: nothing came out of it.
            if (m_pages == 0 && m_errors == 0) {
                InputItem item;
                item.kind = InputKind::warc_record;
                item.source = m_name;
                item.error = Error{ErrorKind::bad_input, m_name + ": no HTML page among its " +
                                                             std::to_string(m_reader.records_read()) + " WARC records"};
                return item;
            }
            return std::nullopt;
        }
        if (!*next) {
            ++m_errors;
            if (next->error().message.starts_with("not a WARC file")) {
                InputItem item;
                item.kind = InputKind::warc_record;
                item.source = m_name;
                item.error = Error{ErrorKind::bad_input, m_name + ": " + next->error().message};
                return item;
            }
            return error_item(next->error().position.describe(), next->error().message);
        }
        if (auto item = item_from(**next)) {
            if (item->error) ++m_errors;
            else ++m_pages;
            return item;
        }
    }
    return std::nullopt;
}

std::optional<InputItem> WarcInputs::item_from(warc::Record& record) {
    if (!record.block_kept) {
        // Over the size limit: worth an error only when the record says it is a page.
        if (ascii::lower(record.type()) == "response" && record.content_length > m_max_page_bytes &&
            is_html_type(media_type(record.field("WARC-Identified-Payload-Type")))) {
            InputItem item = error_item(record.position.describe(), "");
            item.url = std::string(record.target_uri());
            item.error->message = item.label() + ": over the limit of " + std::to_string(m_max_page_bytes) + " bytes";
            return item;
        }
        return std::nullopt;
    }
    InputItem item;
    item.kind = InputKind::warc_record;
    item.source = m_name;
    item.url = std::string(record.target_uri());
    item.output_name = file_name_from_url(item.url);
    item.warc_record_id = std::string(record.record_id());
    item.warc_date = std::string(record.date());
    item.warc_position = record.position.describe();
    item.loaded = true;
    if (ascii::lower(record.type()) == "resource") {
        item.content_type = std::string(record.content_type());
        item.status = 200;
        item.bytes = std::move(record.block);
        return item;
    }
    // A response record: an HTTP response (msgtype=response), else nothing for us (dns:, ...).
    std::string record_type = media_type(record.content_type());
    if (!record_type.empty() && record_type != "application/http") return std::nullopt;
    auto head = warc::parse_http_head(record.block);
    if (!head) return std::nullopt;
    if (head->status < 200 || head->status > 299) return std::nullopt;  // redirects, errors, 304
    std::string type = media_type(head->field("Content-Type"));
    if (!type.empty() && !is_html_type(type)) return std::nullopt;
    auto response = warc::parse_http_response(record.block, m_max_page_bytes);
    if (!response) {
        item.error = Error{response.error().kind, item.label() + ": " + response.error().message};
        return item;
    }
    if (type.empty() && !looks_like_markup(response->body)) return std::nullopt;
    item.content_type = std::string(response->field("Content-Type"));
    item.status = response->status;
    item.bytes = std::move(response->body);
    return item;
}

}  // namespace winnow::pipeline
