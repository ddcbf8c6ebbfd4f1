// metadata: reading the page's own statements from <head>, meta tags and JSON-LD.
#include "winnow/metadata/statements.hpp"

#include <nlohmann/json.hpp>

#include "winnow/decode/text.hpp"
#include "winnow/util/ascii.hpp"

namespace winnow::metadata {
namespace {

using dom::NodeId;
using nlohmann::json;

// Separators between a page's headline and its site name in <title>.
constexpr std::string_view k_title_separators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " / ",
                                                   " \xC2\xBB ", " :: ", " \xC2\xB7 "};
// JSON-LD documents larger than this are not parsed (a page's whole state dumped as JSON).
constexpr std::size_t k_max_json_ld_bytes = 2 * 1024 * 1024;

std::string string_of(const json& value) {
    if (value.is_string()) return decode::collapse_whitespace(value.get<std::string>());
    if (value.is_array() && !value.empty()) return string_of(value.front());
    if (value.is_object() && value.contains("name")) return string_of(value["name"]);
    return {};
}

bool is_article_type(const json& type) {
    auto check = [](const std::string& t) {
        return t.find("Article") != std::string::npos || t == "BlogPosting" || t == "Report" ||
               t.find("Posting") != std::string::npos || t == "WebPage" || t == "Recipe" || t == "Review";
    };
    if (type.is_string()) return check(type.get<std::string>());
    if (type.is_array())
        for (const auto& t : type)
            if (t.is_string() && check(t.get<std::string>())) return true;
    return false;
}

// Visits every object of a JSON-LD document (arrays, @graph, nested objects), iteratively.
void read_json_ld(const json& root, Statements& statements) {
    std::vector<const json*> pending{&root};
    while (!pending.empty()) {
        const json* node = pending.back();
        pending.pop_back();
        if (node->is_array()) {
            for (const auto& item : *node) pending.push_back(&item);
            continue;
        }
        if (!node->is_object()) continue;
        const bool article = node->contains("@type") && is_article_type((*node)["@type"]);
        if (article || node->contains("articleBody")) {
            if (node->contains("articleBody")) {
                std::string body = (*node)["articleBody"].is_string() ? (*node)["articleBody"].get<std::string>() : "";
                if (body.size() > statements.ld_article_body.size()) statements.ld_article_body = body;
            }
            if (statements.ld_headline.empty() && node->contains("headline"))
                statements.ld_headline = string_of((*node)["headline"]);
            if (statements.author.empty() && node->contains("author")) statements.author = string_of((*node)["author"]);
            if (statements.date.empty() && node->contains("datePublished"))
                statements.date = string_of((*node)["datePublished"]);
        }
        for (const auto& [key, value] : node->items())
            if (value.is_object() || value.is_array()) pending.push_back(&value);
    }
}

void split_title(Statements& statements) {
    const std::string& title = statements.html_title;
    if (title.empty()) return;
    statements.title_parts.push_back(title);
    for (std::string_view separator : k_title_separators) {
        std::size_t start = 0;
        std::vector<std::string> parts;
        while (true) {
            std::size_t at = title.find(separator, start);
            parts.push_back(title.substr(start, at == std::string::npos ? std::string::npos : at - start));
            if (at == std::string::npos) break;
            start = at + separator.size();
        }
        if (parts.size() < 2) continue;
        for (auto& part : parts)
            if (!part.empty()) statements.title_parts.push_back(part);
    }
}

}  // namespace

Statements read_statements(const dom::Tree& tree, const Context&) {
    Statements statements;
    statements.language = ascii::lower(decode::collapse_whitespace(tree.attribute(tree.html(), "lang")));
    if (statements.language.empty())
        statements.language = ascii::lower(decode::collapse_whitespace(tree.attribute(tree.html(), "xml:lang")));
    std::string og_locale, content_language, meta_author, meta_date;
    for (NodeId id = 0; id < tree.size(); ++id) {
        const dom::Node& node = tree.node(id);
        if (node.type != dom::NodeType::element) continue;
        switch (node.tag) {
            case GUMBO_TAG_TITLE:
                if (statements.html_title.empty()) statements.html_title = decode::collapse_whitespace(tree.text_content(id));
                break;
            case GUMBO_TAG_H1:
                if (tree.contains(tree.body(), id)) {
                    std::string text = decode::collapse_whitespace(tree.text_content(id));
                    if (!text.empty()) statements.h1s.push_back(std::move(text));
                }
                break;
            case GUMBO_TAG_META: {
                std::string key = ascii::lower(tree.attribute(id, "property"));
                if (key.empty()) key = ascii::lower(tree.attribute(id, "name"));
                if (key.empty()) key = ascii::lower(tree.attribute(id, "http-equiv"));
                std::string content = decode::collapse_whitespace(tree.attribute(id, "content"));
                if (content.empty()) break;
                if ((key == "og:title" || key == "twitter:title") && statements.og_title.empty()) statements.og_title = content;
                else if ((key == "og:description" || key == "description") && statements.description.empty())
                    statements.description = content;
                else if (key == "og:site_name") statements.site_name = content;
                else if (key == "og:locale") og_locale = content;
                else if (key == "content-language") content_language = content;
                else if ((key == "author" || key == "article:author" || key == "dc.creator") && meta_author.empty())
                    meta_author = content;
                else if ((key == "article:published_time" || key == "date" || key == "dc.date" ||
                          key == "pubdate" || key == "publishdate") && meta_date.empty())
                    meta_date = content;
                break;
            }
            case GUMBO_TAG_SCRIPT: {
                if (ascii::lower(tree.attribute(id, "type")).find("ld+json") == std::string::npos) break;
                std::string text = tree.text_content(id);
                if (text.size() > k_max_json_ld_bytes) break;
                json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
                if (!document.is_discarded()) read_json_ld(document, statements);
                break;
            }
            default:
                break;
        }
    }
    if (statements.language.empty()) statements.language = ascii::lower(og_locale.empty() ? content_language : og_locale);
    std::replace(statements.language.begin(), statements.language.end(), '_', '-');
    if (statements.author.empty()) statements.author = meta_author;
    if (statements.date.empty()) statements.date = meta_date;
    split_title(statements);
    return statements;
}

}  // namespace winnow::metadata
