#include "winnow/write/front_matter.hpp"

#include <cstdio>

#include "winnow/decode/decode.hpp"
#include "winnow/decode/text.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::write {

std::vector<FrontMatterField> front_matter_fields(const extract::Article& article, const std::string& url) {
    std::vector<FrontMatterField> fields;
    auto single = [&](const char* key, const std::string& value) {
        std::string v = decode::to_nfc(decode::collapse_whitespace(value));
        if (!v.empty()) fields.push_back({key, {std::move(v)}, false});
    };
    auto list = [&](const char* key, const std::vector<std::string>& values) {
        std::vector<std::string> kept;
        for (const std::string& value : values)
            if (std::string v = decode::to_nfc(decode::collapse_whitespace(value)); !v.empty()) kept.push_back(std::move(v));
        if (!kept.empty()) fields.push_back({key, std::move(kept), true});
    };
    single("title", article.title);
    single("author", article.author);
    if (article.authors.size() > 1) list("authors", article.authors);
    single("date", article.date);
    single("date_modified", article.date_modified);
    single("url", url);
    single("canonical_url", article.canonical_url);
    single("language", article.language);
    single("site_name", article.site_name);
    single("description", article.description);
    single("image", article.image);
    list("tags", article.tags);
    list("categories", article.categories);
    single("page_kind", article.page_kind);
    return fields;
}

std::string yaml_quoted(std::string_view value) {
    const std::string valid = decode::is_valid_utf8(value) ? std::string(value) : decode::repair_utf8(value);
    std::string out = "\"";
    for (std::size_t i = 0; i < valid.size();) {
        const std::size_t start = i;
        const char32_t cp = utf8::next_code_point(valid, i);
        char escape[16];
        switch (cp) {
            case '"': out += "\\\""; continue;
            case '\\': out += "\\\\"; continue;
            case '\t': out += "\\t"; continue;
            case '\n': out += "\\n"; continue;
            case '\r': out += "\\r"; continue;
            case 0x85: out += "\\N"; continue;
            case 0x2028: out += "\\L"; continue;
            case 0x2029: out += "\\P"; continue;
            default: break;
        }
        // YAML's printable set: escape C0 and C1 controls, DEL, and U+FFFE / U+FFFF.
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            std::snprintf(escape, sizeof escape, "\\x%02X", static_cast<unsigned>(cp));
            out += escape;
        } else if (cp == 0xFFFE || cp == 0xFFFF) {
            std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(cp));
            out += escape;
        } else {
            out.append(valid, start, i - start);
        }
    }
    return out + "\"";
}

std::string render_front_matter(const extract::Article& article, const std::string& url) {
    std::string out = "---\n";
    for (const FrontMatterField& field : front_matter_fields(article, url)) {
        // appended piece by piece: a literal + string here draws g++ 12's false -Wrestrict
        out.append(field.key).append(":");
        if (field.list) {
            for (const std::string& value : field.values) out.append("\n  - ").append(yaml_quoted(value));
            out.append("\n");
        } else {
            out.append(" ").append(yaml_quoted(field.values.front())).append("\n");
        }
    }
    return out.append("---\n");
}

}  // namespace winnow::write
