// metadata: lenient JSON-LD parsing and the object graph.
#include "winnow/metadata/json_ld.hpp"

#include "winnow/metadata/values.hpp"
#include "winnow/util/ascii.hpp"

namespace winnow::metadata {
namespace {

using nlohmann::json;

// Properties whose objects are other things the page lists or links, not the page's subject.
constexpr std::string_view k_listing_properties[] = {
    "itemListElement", "hasPart", "relatedLink", "significantLink", "isPartOf", "mentions", "about",
    "subjectOf", "workExample", "review", "reviews", "comment", "suggestedAnswer", "acceptedAnswer",
    "citation", "isRelatedTo", "isSimilarTo", "associatedMedia", "video", "breadcrumb",
};

// Arrays and objects nested deeper than this are dropped while parsing (the rest of the document
// is kept): real JSON-LD nests a few levels (a @graph, an article, its author, an image), and
// no walk over page data should go as deep as a hostile page wants (100,000 levels of [[[...]]]).
constexpr int k_max_json_ld_depth = 32;

// nlohmann's parser is iterative; its callback drops a container past the depth limit
// unbuilt, so nothing downstream (walks, comparisons, dumps) sees deep data.
bool within_depth(int depth, nlohmann::json::parse_event_t event, json&) {
    if (event == json::parse_event_t::object_start || event == json::parse_event_t::array_start)
        return depth < k_max_json_ld_depth;
    return true;
}

// One parse, leniency aside: nothing (discarded) when the text is not JSON.
json parse_bounded(std::string_view text) { return json::parse(text, within_depth, false); }

// Repairs the usual mistakes of hand-made JSON-LD, outside and inside strings:
// raw control characters in strings (escaped), \' (a quote), trailing commas before } and ],
// HTML comment and CDATA markers around the object, // and /* */ comments.
std::string repair(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\' && i + 1 < text.size()) {
                const char next = text[i + 1];
                if (next == '\'') {
                    out += '\'';
                } else if (std::string_view("\"\\/bfnrtu").find(next) != std::string_view::npos) {
                    out += c;
                    out += next;
                } else {
                    out += "\\\\";
                    continue;  // the next character is read as itself
                }
                ++i;
            } else if (c == '"') {
                in_string = false;
                out += c;
            } else if (static_cast<unsigned char>(c) < 0x20) {
                out += c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r" : " ";
            } else {
                out += c;
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
            out += c;
        } else if (text.substr(i).starts_with("<!--") || text.substr(i).starts_with("<![CDATA[")) {
            i += text.substr(i).starts_with("<!--") ? 3 : 8;
        } else if (text.substr(i).starts_with("-->") || text.substr(i).starts_with("]]>")) {
            i += 2;
        } else if (text.substr(i).starts_with("//")) {
            while (i < text.size() && text[i] != '\n') ++i;
        } else if (text.substr(i).starts_with("/*")) {
            const std::size_t end = text.find("*/", i + 2);
            i = end == std::string_view::npos ? text.size() : end + 1;
        } else if (c == ',') {
            std::size_t j = i + 1;
            while (j < text.size() && ascii::is_space(text[j])) ++j;
            if (j < text.size() && (text[j] == '}' || text[j] == ']')) continue;
            out += c;
        } else {
            out += c;
        }
    }
    return out;
}

void collect(const json& root, std::vector<const json*>& objects, std::vector<const json*>& listed) {
    // Iterative depth-first walk; objects under a listing property are marked as listed.
    struct Item {
        const json* value;
        bool listed;
    };
    std::vector<Item> pending{{&root, false}};
    while (!pending.empty()) {
        const Item item = pending.back();
        pending.pop_back();
        if (item.value->is_array()) {
            for (auto it = item.value->rbegin(); it != item.value->rend(); ++it) pending.push_back({&*it, item.listed});
            continue;
        }
        if (!item.value->is_object()) continue;
        objects.push_back(item.value);
        if (item.listed) listed.push_back(item.value);
        std::vector<Item> children;
        for (const auto& [key, value] : item.value->items()) {
            if (!value.is_object() && !value.is_array()) continue;
            bool listing = item.listed;
            for (std::string_view property : k_listing_properties)
                if (key == property) listing = true;
            children.push_back({&value, listing});
        }
        for (auto it = children.rbegin(); it != children.rend(); ++it) pending.push_back(*it);
    }
}

std::string short_type(std::string_view type) {
    const std::size_t cut = type.find_last_of("/:#");
    return std::string(cut == std::string_view::npos ? type : type.substr(cut + 1));
}

}  // namespace

std::optional<json> parse_json_ld(std::string_view text) {
    json document = parse_bounded(text);
    if (!document.is_discarded()) return document;
    std::string repaired = repair(text);
    document = parse_bounded(repaired);
    if (!document.is_discarded()) return document;
    // Several objects one after the other: {..}{..} or {..},{..}.
    document = parse_bounded("[" + repaired + "]");
    if (!document.is_discarded()) return document;
    std::string joined;
    joined.reserve(repaired.size() + 8);
    bool in_string = false;
    for (std::size_t i = 0; i < repaired.size(); ++i) {
        const char c = repaired[i];
        if (c == '"' && (i == 0 || repaired[i - 1] != '\\')) in_string = !in_string;
        joined += c;
        if (!in_string && c == '}') {
            std::size_t j = i + 1;
            while (j < repaired.size() && ascii::is_space(repaired[j])) ++j;
            if (j < repaired.size() && repaired[j] == '{') joined += ',';
        }
    }
    document = parse_bounded("[" + joined + "]");
    if (!document.is_discarded()) return document;
    return std::nullopt;
}

void JsonLdGraph::add(json document) {
    m_documents.push_back(std::move(document));
    collect(m_documents.back(), m_objects, m_listed);
}

const json& JsonLdGraph::resolve(const json& value) const {
    if (!value.is_object() || !value.contains("@id") || value.size() > 2) return value;
    const json& id = value["@id"];
    if (!id.is_string()) return value;
    for (const json* object : m_objects)
        if (object != &value && object->size() > 1 && object->contains("@id") && (*object)["@id"] == id &&
            (object->size() > 2 || !object->contains("@type")))
            return *object;
    for (const json* object : m_objects)
        if (object != &value && object->size() > value.size() && object->contains("@id") && (*object)["@id"] == id)
            return *object;
    return value;
}

std::vector<std::string> JsonLdGraph::types(const json& object) {
    std::vector<std::string> out;
    if (!object.is_object() || !object.contains("@type")) return out;
    const json& type = object["@type"];
    if (type.is_string()) out.push_back(short_type(type.get<std::string>()));
    if (type.is_array())
        for (const auto& t : type)
            if (t.is_string()) out.push_back(short_type(t.get<std::string>()));
    return out;
}

bool JsonLdGraph::has_type(const json& object, std::initializer_list<std::string_view> wanted) {
    for (const std::string& type : types(object))
        for (std::string_view w : wanted)
            if (type == w) return true;
    return false;
}

bool JsonLdGraph::is_listed(const json* object) const {
    for (const json* listed : m_listed)
        if (listed == object) return true;
    return false;
}

std::string json_ld_text(const json& value) {
    // Iterative (a stack of values still to try, the next on top): no recursion on page data.
    std::vector<const json*> pending{&value};
    while (!pending.empty()) {
        const json& item = *pending.back();
        pending.pop_back();
        if (item.is_string()) {
            if (std::string text = clean_value(item.get<std::string>()); !text.empty()) return text;
        } else if (item.is_number()) {
            return item.dump();
        } else if (item.is_array()) {
            for (auto it = item.rbegin(); it != item.rend(); ++it) pending.push_back(&*it);
        } else if (item.is_object()) {
            if (item.contains("name")) pending.push_back(&item["name"]);
            else if (item.contains("@value")) pending.push_back(&item["@value"]);
        }
    }
    return {};
}

}  // namespace winnow::metadata
