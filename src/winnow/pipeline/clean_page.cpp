#include "winnow/pipeline/clean_page.hpp"

#include "winnow/decode/decode.hpp"
#include "winnow/decode/sniff.hpp"
#include "winnow/dom/tree.hpp"
#include "winnow/extract/extractor.hpp"
#include "winnow/metadata/statements.hpp"
#include "winnow/util/regex_guard.hpp"
#include "winnow/util/test_hooks.hpp"
#include "winnow/util/url.hpp"

namespace winnow::pipeline {
namespace {

// The page's <base href>, as written (empty when none).
std::string_view base_href(const dom::Tree& tree) {
    if (tree.head() == dom::k_no_node) return {};
    for (dom::NodeId id = tree.head(); id < tree.node(tree.head()).subtree_end; ++id)
        if (tree.is_element(id, GUMBO_TAG_BASE) && tree.has_attribute(id, "href")) return tree.attribute(id, "href");
    return {};
}

// What the page's relative links mean: <base href> against the page's address.
std::string base_url(const dom::Tree& tree, const std::string& page_url) {
    const std::string_view base = base_href(tree);
    if (base.empty()) return page_url;
    if (page_url.empty()) return url::is_absolute_http(base) ? std::string(base) : std::string();
    return url::resolve_reference(page_url, base);
}

// Refuses what is not a page to clean: empty input, binary data.
Result<void> check_page(std::string_view bytes) {
    if (bytes.empty()) return fail(ErrorKind::bad_input, "is empty (0 bytes)");
    if (auto format = decode::binary_format(bytes); !format.empty())
        return fail(ErrorKind::bad_input, "not an HTML page: looks like a " + format);
    return {};
}

Result<extract::Article> clean_decoded(decode::DecodedDocument&& decoded, const PageContext& context, const CleanOptions& options) {
    // The tree takes the text, which goes as soon as Gumbo no longer needs it.
    dom::Tree tree = dom::Tree::parse(std::move(decoded.text),
                                      {.prescan = options.prescan, .streamed_segments = options.streamed_segments, .valid_utf8 = true});
    test_hooks::throw_if_asked();

    extract::ExtractOptions extract_options;
    extract_options.explain = options.explain;
    extract_options.justext = options.justext;
    extract_options.noscript_page = extract::unwrap_content_noscripts(tree) > 0;
    // The page's address: the URL given, else the one a saved page states (its profile, its
    // links, its host's name). Read once here; the metadata's canonical_url is the same.
    extract_options.stated_address = metadata::stated_address(tree);
    const std::string page_url = context.url.empty() ? extract_options.stated_address->value : context.url;
    extract_options.url = page_url;
    std::vector<std::string> warnings;  // a profile's path pattern that failed on the URL
    if (options.profiles) {
        RegexGuard regexes(&warnings, options.profiles->slow_rules());
        extract_options.site_rules = &options.profiles->rules_for(page_url, regexes, context.profile);
    }
    // The user's choice, else the site's, else balanced.
    extract_options.favor = options.favor.value_or(
        extract_options.site_rules ? extract_options.site_rules->favor.value_or(extract::Favor::balanced) : extract::Favor::balanced);

    extract::Article article = extract::extract_article(tree, extract_options);
    article.base_url = base_url(tree, page_url);
    article.warnings.insert(article.warnings.begin(), warnings.begin(), warnings.end());
    if (article.blocks.empty() && article.title.empty()) return fail(ErrorKind::bad_input, "the page has no text");
    return article;
}

}  // namespace

Result<extract::Article> clean_page(std::string_view bytes, const PageContext& context, const CleanOptions& options) {
    if (auto checked = check_page(bytes); !checked) return std::unexpected(checked.error());
    return clean_decoded(decode::decode_html(bytes, decode::charset_from_content_type(context.content_type), context.encoding),
                         context, options);
}

Result<extract::Article> clean_page(std::string&& bytes, const PageContext& context, const CleanOptions& options) {
    if (auto checked = check_page(bytes); !checked) return std::unexpected(checked.error());
    return clean_decoded(
        decode::decode_owned_html(std::move(bytes), decode::charset_from_content_type(context.content_type), context.encoding),
        context, options);
}

}  // namespace winnow::pipeline
