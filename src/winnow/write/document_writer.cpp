#include "winnow/write/document_writer.hpp"

#include "winnow/write/front_matter.hpp"
#include "winnow/write/markdown_writer.hpp"
#include "winnow/write/text_writer.hpp"

namespace winnow::write {

std::string render_document(const extract::Article& article, const std::string& url, const DocumentOptions& options) {
    std::string out = options.front_matter ? render_front_matter(article, url) : std::string();
    if (options.format == DocumentFormat::markdown) {
        MarkdownOptions markdown;
        markdown.links = options.links;
        markdown.images = options.images;
        markdown.base_url = article.base_url;
        return out + render_markdown(article, markdown);
    }
    return out + render_text(article);
}

std::optional<DocumentFormat> parse_document_format(std::string_view name) {
    if (name == "text") return DocumentFormat::text;
    if (name == "markdown" || name == "md") return DocumentFormat::markdown;
    return std::nullopt;
}

std::string_view document_extension(DocumentFormat format) { return format == DocumentFormat::markdown ? ".md" : ".txt"; }

}  // namespace winnow::write
