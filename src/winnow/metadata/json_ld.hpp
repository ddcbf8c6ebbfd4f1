// metadata: JSON-LD as pages write it. Parsed leniently (raw line breaks and tabs inside
// strings, trailing commas, HTML comment and CDATA wrappers, several objects one after the other),
// flattened into the list of its objects (top-level arrays, @graph and nested objects alike),
// with @id references resolved to the object that defines them.
#pragma once

#include <nlohmann/json.hpp>

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace winnow::metadata {

// One JSON-LD document, or nothing when even the repaired text is not JSON.
std::optional<nlohmann::json> parse_json_ld(std::string_view text);

class JsonLdGraph {
public:
    // Adds every object of a document.
    void add(nlohmann::json document);

    // Every object, in document order (an object before the objects nested in it).
    const std::vector<const nlohmann::json*>& objects() const { return m_objects; }

    // The object an {"@id": ...} reference stands for (the one with more than an @id), or the
    // value itself when it is no reference or the id is not defined.
    const nlohmann::json& resolve(const nlohmann::json& value) const;

    // True when the object's @type is, or has among its types, one of `types` (the part after
    // the last '/' or ':' compared, so "schema:NewsArticle" and "https://schema.org/NewsArticle"
    // are NewsArticle).
    static bool has_type(const nlohmann::json& object, std::initializer_list<std::string_view> types);
    // The object's types, short form.
    static std::vector<std::string> types(const nlohmann::json& object);

    // True when the object sits in a list of other things (itemListElement, hasPart, relatedLink,
    // ...), not as the page's own subject.
    bool is_listed(const nlohmann::json* object) const;

private:
    std::deque<nlohmann::json> m_documents;  // a deque: objects keep their address as documents are added
    std::vector<const nlohmann::json*> m_objects;
    std::vector<const nlohmann::json*> m_listed;
};

// A JSON-LD value as text: a string (white space collapsed, HTML entities decoded), the first
// of an array, or an object's "name" (or "@value"); "" otherwise.
std::string json_ld_text(const nlohmann::json& value);

}  // namespace winnow::metadata
