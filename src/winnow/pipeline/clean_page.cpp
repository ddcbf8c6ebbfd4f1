#include "winnow/pipeline/clean_page.hpp"

#include "winnow/decode/decode.hpp"
#include "winnow/decode/sniff.hpp"
#include "winnow/dom/tree.hpp"
#include "winnow/extract/extractor.hpp"

namespace winnow::pipeline {

Result<extract::Article> clean_page(std::string_view bytes, const PageContext& context, const CleanOptions& options) {
    if (bytes.empty()) return fail(ErrorKind::bad_input, "is empty (0 bytes)");
    if (auto format = decode::binary_format(bytes); !format.empty())
        return fail(ErrorKind::bad_input, "not an HTML page: looks like a " + format);

    decode::DecodedDocument decoded = decode::decode_html(bytes, decode::charset_from_content_type(context.content_type));
    dom::Tree tree = dom::Tree::parse(decoded.text);

    extract::ExtractOptions extract_options;
    extract_options.url = context.url;
    extract_options.explain = options.explain;
    if (options.profiles) extract_options.site_rules = &options.profiles->rules_for(context.url, context.profile);

    extract::Article article = extract::extract_article(tree, extract_options);
    if (article.blocks.empty() && article.title.empty()) return fail(ErrorKind::bad_input, "the page has no text");
    return article;
}

}  // namespace winnow::pipeline
