// metadata: value helpers. Entities are decoded by Gumbo itself (the text parsed as the content
// of a <title>, where a browser decodes references but reads no tags), so every one of HTML's
// 2,231 named references is known without a table of our own.
#include "winnow/metadata/values.hpp"

#include "winnow/decode/text.hpp"
#include "winnow/dom/tree.hpp"

namespace winnow::metadata {

std::string decode_entities(std::string_view text) {
    if (text.find('&') == std::string_view::npos) return std::string(text);
    std::string html = "<title>";
    for (char c : text) {
        if (c == '<') html += "&lt;";  // no tag, no end of the title: the text stays text
        else html += c;
    }
    html += "</title>";
    const dom::Tree tree = dom::Tree::parse(html);
    for (dom::NodeId id = 0; id < tree.size(); ++id)
        if (tree.is_element(id, GUMBO_TAG_TITLE)) return tree.text_content(id);
    return std::string(text);
}

std::string clean_value(std::string_view text) { return decode::collapse_whitespace(decode_entities(text)); }

}  // namespace winnow::metadata
