// write: one cleaned page as a document in the text or Markdown format, with YAML front matter
// when asked. `winnow clean` and `winnow fixtures` both write through here, so a golden file
// holds exactly what users get.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "winnow/extract/article.hpp"

namespace winnow::write {

enum class DocumentFormat { text, markdown };

struct DocumentOptions {
    DocumentFormat format = DocumentFormat::text;
    bool links = false;         // Markdown: [text](URL)
    bool images = false;        // Markdown: ![alt](URL)
    bool front_matter = false;  // a YAML block first
};

// `url`: the page's address, for the front matter (may be empty). Links and images resolve
// against the article's base_url.
std::string render_document(const extract::Article& article, const std::string& url, const DocumentOptions& options);

// "text" or "markdown" (also "md"), or nullopt.
std::optional<DocumentFormat> parse_document_format(std::string_view name);

// The file extension of a format: ".txt", ".md".
std::string_view document_extension(DocumentFormat format);

}  // namespace winnow::write
