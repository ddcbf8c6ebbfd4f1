#include "winnow/write/json_writer.hpp"

#include "winnow/decode/text.hpp"
#include "winnow/write/text_writer.hpp"

namespace winnow::write {
namespace {

nlohmann::ordered_json string_or_null(const std::string& value) {
    return value.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(value);
}

}  // namespace

nlohmann::ordered_json article_json(const std::string& source, const std::string& url, const extract::Article& article) {
    nlohmann::ordered_json object;
    object["source"] = source;
    object["url"] = string_or_null(url);
    object["title"] = decode::to_nfc(decode::collapse_whitespace(article.title));
    object["text"] = render_body(article);
    object["author"] = string_or_null(article.author);
    object["authors"] = article.authors;
    object["date"] = string_or_null(article.date);
    object["date_modified"] = string_or_null(article.date_modified);
    object["language"] = string_or_null(article.language);
    object["site_name"] = string_or_null(article.site_name);
    object["description"] = string_or_null(article.description);
    object["canonical_url"] = string_or_null(article.canonical_url);
    object["image"] = string_or_null(article.image);
    object["tags"] = article.tags;
    object["categories"] = article.categories;
    object["page_kind"] = string_or_null(article.page_kind);
    object["page_flags"] = article.page_flags;
    object["method"] = article.method;
    object["error"] = nullptr;
    return object;
}

nlohmann::ordered_json skipped_json(const std::string& source, const std::string& url, const extract::Article& article) {
    nlohmann::ordered_json object;
    object["source"] = source;
    object["url"] = string_or_null(url);
    object["title"] = decode::to_nfc(decode::collapse_whitespace(article.title));
    object["text"] = nullptr;
    object["page_kind"] = string_or_null(article.page_kind);
    object["skipped"] = article.page_kind;
    object["error"] = nullptr;
    return object;
}

nlohmann::ordered_json error_json(const std::string& source, const std::string& url, const std::string& error) {
    nlohmann::ordered_json object;
    object["source"] = source;
    object["url"] = string_or_null(url);
    object["title"] = nullptr;
    object["text"] = nullptr;
    object["error"] = error;
    return object;
}

std::string to_json_line(const nlohmann::ordered_json& object) {
    return object.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace winnow::write
