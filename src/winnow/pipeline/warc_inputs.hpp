// pipeline: the pages in a WARC file as batch inputs. Each `response` record whose HTTP
// response is a successful (2xx) HTML page (Content-Type text/html or application/xhtml+xml,
// or none and the body looks like markup) becomes an InputItem with the decoded HTTP body, the
// Content-Type (its charset decodes the page), the status, the WARC-Target-URI (it chooses the
// profile) and the record's id, date and position; so does a `resource` record holding HTML.
// Every other record (warcinfo, request, metadata, revisit, conversion, images, redirects,
// errors) is skipped without a word. A broken record becomes an item with its error.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "winnow/pipeline/input_source.hpp"
#include "winnow/warc/reader.hpp"

namespace winnow::pipeline {

class WarcInputs {
public:
    // `name` is how the file was named (the source of every item).
    WarcInputs(std::string name, std::unique_ptr<warc::ByteInput> input, std::size_t max_page_bytes);

    // The next page or error, or nullopt at the end of the file.
    std::optional<InputItem> next();

private:
    std::optional<InputItem> item_from(warc::Record& record);
    InputItem error_item(const std::string& position, const std::string& message) const;

    std::string m_name;
    std::size_t m_max_page_bytes;
    warc::Reader m_reader;
    std::size_t m_pages = 0;
    std::size_t m_errors = 0;
    bool m_finished = false;
};

}  // namespace winnow::pipeline
