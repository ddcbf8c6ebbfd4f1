#include "winnow/run/sources.hpp"

#include <expat.h>

#include <algorithm>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <unordered_set>

#include "winnow/decode/sniff.hpp"
#include "winnow/run/url_normalise.hpp"

namespace winnow::run {
namespace {

constexpr std::size_t k_max_sitemap_depth = 3;      // index -> index -> urlset is already unusual
constexpr std::size_t k_max_sitemap_documents = 1000;  // documents fetched for one sitemap source
// Elements open at once. A sitemap nests three (urlset, url, loc), a feed four or five; an Atom
// entry's XHTML content a few dozen. Past this the document is refused: each open element costs
// memory here and in expat, and a 20 MB file of nested elements would otherwise take gigabytes.
constexpr std::size_t k_max_xml_depth = 256;

// An XML element while it is open: its local name (namespace prefix dropped), attributes and text
// (kept only for the elements whose text the reader was asked for).
struct OpenElement {
    std::string name;
    std::map<std::string, std::string> attributes;
    std::string text;
};

// A small SAX reader: calls `on_end` for every closed element with the stack of its ancestors.
class XmlReader {
public:
    using EndHandler = std::function<void(const std::vector<OpenElement>& ancestors, const OpenElement& element)>;

    // `text_elements`: the local names of the elements whose text the handler reads.
    XmlReader(std::vector<std::string> text_elements, EndHandler on_end)
        : m_text_elements(std::move(text_elements)), m_on_end(std::move(on_end)) {}

    Result<std::string> parse(std::string_view xml) {
        std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreate(nullptr), XML_ParserFree);
        if (!parser) return fail(ErrorKind::internal, "cannot create an XML parser");
        m_parser = parser.get();
        XML_SetUserData(parser.get(), this);
        XML_SetElementHandler(parser.get(), &XmlReader::start, &XmlReader::end);
        XML_SetCharacterDataHandler(parser.get(), &XmlReader::characters);
        if (xml.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
            return fail(ErrorKind::bad_input, "the XML document is larger than 2 GB");
        if (XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE) == XML_STATUS_ERROR) {
            if (m_too_deep)
                return fail(ErrorKind::bad_input, "elements nested more than " + std::to_string(k_max_xml_depth) +
                                                      " deep at line " + std::to_string(XML_GetCurrentLineNumber(parser.get())));
            return fail(ErrorKind::bad_input, "not well-formed XML at line " +
                                                  std::to_string(XML_GetCurrentLineNumber(parser.get())) + ": " +
                                                  XML_ErrorString(XML_GetErrorCode(parser.get())));
        }
        return m_root;
    }

private:
    std::vector<std::string> m_text_elements;
    EndHandler m_on_end;
    XML_Parser m_parser = nullptr;
    bool m_too_deep = false;  // parsing stopped at k_max_xml_depth
    std::vector<OpenElement> m_stack;
    std::vector<bool> m_keeps_text;  // parallel to m_stack
    std::string m_root;

    static std::string local_name(const char* name) {
        std::string_view view(name);
        auto colon = view.rfind(':');
        return std::string(colon == std::string_view::npos ? view : view.substr(colon + 1));
    }

    static void start(void* data, const XML_Char* name, const XML_Char** attributes) {
        auto* self = static_cast<XmlReader*>(data);
        if (self->m_too_deep) return;
        if (self->m_stack.size() >= k_max_xml_depth) {
            self->m_too_deep = true;
            XML_StopParser(self->m_parser, XML_FALSE);
            return;
        }
        OpenElement element;
        element.name = local_name(name);
        for (std::size_t i = 0; attributes[i] && attributes[i + 1]; i += 2) element.attributes[local_name(attributes[i])] = attributes[i + 1];
        if (self->m_stack.empty() && self->m_root.empty()) self->m_root = element.name;
        const bool keeps_text = std::find(self->m_text_elements.begin(), self->m_text_elements.end(), element.name) !=
                                self->m_text_elements.end();
        self->m_stack.push_back(std::move(element));
        self->m_keeps_text.push_back(keeps_text);
    }

    static void end(void* data, const XML_Char*) {
        auto* self = static_cast<XmlReader*>(data);
        if (self->m_too_deep || self->m_stack.empty()) return;
        OpenElement element = std::move(self->m_stack.back());
        self->m_stack.pop_back();
        self->m_keeps_text.pop_back();
        self->m_on_end(self->m_stack, element);
    }

    static void characters(void* data, const XML_Char* text, int length) {
        auto* self = static_cast<XmlReader*>(data);
        if (self->m_too_deep || self->m_stack.empty() || !self->m_keeps_text.back()) return;
        self->m_stack.back().text.append(text, static_cast<std::size_t>(length));
    }
};

bool parent_is(const std::vector<OpenElement>& ancestors, std::string_view name) {
    return !ancestors.empty() && ancestors.back().name == name;
}

// Adds a URL once, keeping first-seen order.
class UrlList {
public:
    void add(std::string_view base, std::string_view reference) {
        auto url = resolve_url(base, reference);
        if (url && m_seen.insert(*url).second) m_urls.push_back(*url);
    }
    std::vector<std::string> take() { return std::move(m_urls); }

private:
    std::vector<std::string> m_urls;
    std::unordered_set<std::string> m_seen;
};

// The link of an Atom entry: rel="alternate" (or no rel), an HTML type preferred.
struct AtomEntryLinks {
    std::string best;
    bool best_is_html = false;
};

Result<std::string> inflate_if_gzip(std::string_view bytes, std::size_t max_bytes) {
    if (!decode::is_gzip(bytes)) return std::string(bytes);
    return decode::gunzip(bytes, max_bytes);
}

}  // namespace

Result<std::vector<std::string>> parse_feed(std::string_view xml, std::string_view base_url) {
    UrlList urls;
    // Atom: <entry><link rel="alternate" href="URL"/>.
    AtomEntryLinks entry;
    auto on_atom = [&](const std::vector<OpenElement>& ancestors, const OpenElement& element) {
        if (element.name == "link" && parent_is(ancestors, "entry")) {
            auto rel = element.attributes.find("rel");
            bool alternate = rel == element.attributes.end() || rel->second == "alternate";
            auto href = element.attributes.find("href");
            if (alternate && href != element.attributes.end()) {
                auto type = element.attributes.find("type");
                bool html = type == element.attributes.end() || type->second.find("html") != std::string::npos;
                if (entry.best.empty() || (html && !entry.best_is_html)) {
                    entry.best = href->second;
                    entry.best_is_html = html;
                }
            }
        }
        if (element.name == "entry") {
            if (!entry.best.empty()) urls.add(base_url, entry.best);
            entry = {};
        }
    };
    // RSS 2.0 and 1.0: <item><link>URL</link>, or a permalink <guid> when there is no link.
    std::string item_link, item_guid;
    auto on_rss = [&](const std::vector<OpenElement>& ancestors, const OpenElement& element) {
        if (parent_is(ancestors, "item")) {
            if (element.name == "link" && item_link.empty()) item_link = element.text;
            if (element.name == "guid") {
                auto permalink = element.attributes.find("isPermaLink");
                if (permalink == element.attributes.end() || permalink->second != "false") item_guid = element.text;
            }
        }
        if (element.name == "item") {
            if (!item_link.empty()) urls.add(base_url, item_link);
            else if (!item_guid.empty()) urls.add(base_url, item_guid);
            item_link.clear();
            item_guid.clear();
        }
    };
    XmlReader reader({"link", "guid"}, [&](const std::vector<OpenElement>& ancestors, const OpenElement& element) {
        on_atom(ancestors, element);
        on_rss(ancestors, element);
    });
    auto root = reader.parse(xml);
    if (!root) return std::unexpected(root.error());
    if (*root != "feed" && *root != "rss" && *root != "RDF") {
        return fail(ErrorKind::bad_input, "not an RSS or Atom feed (root element <" + *root + ">)");
    }
    return urls.take();
}

Result<SitemapDocument> parse_sitemap(std::string_view bytes, std::string_view base_url, std::size_t max_bytes) {
    auto xml = inflate_if_gzip(bytes, max_bytes);
    if (!xml) return std::unexpected(xml.error());
    UrlList pages, sitemaps;
    XmlReader reader({"loc"}, [&](const std::vector<OpenElement>& ancestors, const OpenElement& element) {
        if (element.name != "loc") return;
        if (parent_is(ancestors, "url")) pages.add(base_url, element.text);
        else if (parent_is(ancestors, "sitemap")) sitemaps.add(base_url, element.text);
    });
    auto root = reader.parse(*xml);
    if (!root) return std::unexpected(root.error());
    if (*root != "urlset" && *root != "sitemapindex")
        return fail(ErrorKind::bad_input, "not a sitemap (root element <" + *root + ">)");
    return SitemapDocument{pages.take(), sitemaps.take()};
}

namespace {

Result<SourceUrls> collect_sitemap(const std::string& root_url, const DocumentFetcher& fetch, std::size_t max_bytes) {
    SourceUrls result;
    UrlList pages;
    std::set<std::string> visited{root_url};
    std::deque<std::pair<std::string, std::size_t>> pending{{root_url, 0}};
    std::size_t documents = 0;
    while (!pending.empty() && documents < k_max_sitemap_documents) {
        auto [url, depth] = pending.front();
        pending.pop_front();
        ++documents;
        auto body = fetch(url);
        auto parsed = body ? parse_sitemap(*body, url, max_bytes) : std::unexpected(body.error());
        if (!parsed) {
            std::string message = parsed.error().message.starts_with(url) ? parsed.error().message
                                                                           : url + ": " + parsed.error().message;
            if (url == root_url) return fail(parsed.error().kind, message);
            result.problems.push_back(message);
            continue;
        }
        for (const auto& page : parsed->pages) pages.add({}, page);
        for (const auto& child : parsed->sitemaps) {
            if (depth + 1 > k_max_sitemap_depth) {
                result.problems.push_back(child + ": sitemap index nested more than " + std::to_string(k_max_sitemap_depth) + " deep");
                continue;
            }
            if (visited.insert(child).second) pending.emplace_back(child, depth + 1);
        }
    }
    result.urls = pages.take();
    return result;
}

}  // namespace

Result<SourceUrls> collect_source_urls(const SourceConfig& source, const DocumentFetcher& fetch, std::size_t max_bytes) {
    switch (source.kind) {
        case SourceKind::urls:
        case SourceKind::url_file: {
            UrlList urls;
            for (const auto& url : source.urls) urls.add({}, url);
            return SourceUrls{urls.take(), {}};
        }
        case SourceKind::feed: {
            auto body = fetch(source.url);
            if (!body) return std::unexpected(body.error());
            auto text = inflate_if_gzip(*body, max_bytes);
            if (!text) return fail(text.error().kind, source.url + ": " + text.error().message);
            auto urls = parse_feed(*text, source.url);
            if (!urls) return fail(urls.error().kind, source.url + ": " + urls.error().message);
            return SourceUrls{std::move(*urls), {}};
        }
        case SourceKind::sitemap:
            return collect_sitemap(source.url, fetch, max_bytes);
    }
    return fail(ErrorKind::internal, "unknown source kind");
}

}  // namespace winnow::run
