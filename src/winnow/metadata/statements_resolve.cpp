// metadata: choosing each field of the page's statements from the candidates the walk gathered
// (statements_gather.cpp): each field takes the first valid candidate in order of trust, and the
// bylines and dates shown on the page count near the headline.
#include <algorithm>
#include <chrono>
#include <optional>
#include <span>

#include "winnow/decode/text.hpp"
#include "winnow/metadata/authors.hpp"
#include "winnow/metadata/dates.hpp"
#include "winnow/metadata/json_ld.hpp"
#include "winnow/metadata/statements_internal.hpp"
#include "winnow/metadata/title.hpp"
#include "winnow/metadata/values.hpp"
#include "winnow/util/ascii.hpp"
#include "winnow/util/url.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::metadata::detail {
namespace {

using nlohmann::json;

// Visible date lines are looked for this many characters of text before the first h1 and after it
// (a dateline sits just above or below the headline), or from the start of the body without h1.
constexpr std::size_t k_date_window_before_h1 = 600;
constexpr std::size_t k_date_window_after_h1 = 2500;

// A word of an organisation's name this long or longer tells it apart ("Wikimedia", not "Inc").
constexpr std::size_t k_min_distinctive_word_chars = 4;

// Co-authors' bylines stand together: one that starts more than this many characters of text after
// the first is another article's (a weekly edition's several stories in one container).
constexpr std::size_t k_max_coauthor_gap = 400;
// An organisation named as an author is one name of at most this many characters.
constexpr std::size_t k_max_organisation_chars = 80;
// A heading agrees with a title statement at this similarity (title.cpp's k_agreement_similarity).
constexpr double k_headline_agreement = 0.6;
// A heading that is no h1 is a headline from this many words: shorter, it is a section's or a
// hub's label ("Action", "Beginner's Guide"; title.cpp: a <title> part under 3 words is a name).
constexpr std::size_t k_min_headline_heading_words = 3;
// An h1 under this many words is a section's label, no headline (title.cpp's k_min_sole_h1_words).
constexpr std::size_t k_min_headline_h1_words = 4;

// Posts marked in microdata (Comment, Answer, DiscussionForumPosting) from this many on: a forum,
// whose authors are its members' logins (page_kind.cpp's k_min_marked_posts).
constexpr std::size_t k_min_forum_microdata_posts = 2;

// Meta tags (name, property or itemprop) by field, most trusted first. Dublin Core's title is a
// deliberate bibliographic statement of the document's title (Readability's order too).
constexpr std::string_view k_meta_title[] = {"dc.title", "dcterms.title", "og:title", "twitter:title", "citation_title",
                                             "parsely-title", "sailthru.title"};
// Dublin Core's creator first: a deliberate statement of who wrote the page, where name=author is
// often the site's owner or the CMS user (Readability's order too).
constexpr std::string_view k_meta_author[] = {"dc.creator", "dcterms.creator", "author", "article:author",
                                              "og:article:author", "citation_author", "citation_authors",
                                              "parsely-author", "sailthru.author", "byl", "book:author",
                                              "dc.creator.aut", "creator"};
constexpr std::string_view k_meta_published[] = {
    "article:published_time", "og:article:published_time", "og:published_time", "article:published",
    "datepublished", "citation_publication_date", "citation_date", "citation_online_date", "dc.date.issued",
    "dc.date.created", "dcterms.issued", "dcterms.created", "dc.date", "dcterms.date", "date", "pubdate",
    "publishdate", "publish-date", "publish_date", "publication_date", "published_time", "published-date",
    "parsely-pub-date", "sailthru.date", "release_date", "article.published", "article_date_original",
    "originalpublicationdate", "datecreated", "created", "published"};
constexpr std::string_view k_meta_modified[] = {"article:modified_time", "og:updated_time", "og:article:modified_time",
                                                "datemodified", "dc.date.modified", "dcterms.modified",
                                                "article:modified", "last-modified", "lastmod", "revised"};
constexpr std::string_view k_meta_description[] = {"og:description", "description", "twitter:description",
                                                   "dc.description", "dcterms.description"};
constexpr std::string_view k_meta_site_name[] = {"og:site_name", "application-name", "dc.publisher",
                                                 "dcterms.publisher", "publisher"};
constexpr std::string_view k_meta_image[] = {"og:image", "og:image:url", "og:image:secure_url", "twitter:image",
                                             "twitter:image:src", "thumbnail"};
constexpr std::string_view k_meta_tags[] = {"article:tag", "og:article:tag", "parsely-tags", "news_keywords",
                                            "sailthru.tags"};
constexpr std::string_view k_meta_categories[] = {"article:section", "og:article:section", "parsely-section",
                                                  "category", "section"};

// Path segments that name the kind of page.
constexpr std::string_view k_docs_path_segments[] = {"docs", "doc", "documentation", "reference", "api", "manual",
                                                     "handbook", "guide", "guides", "wiki", "kb", "knowledge-base",
                                                     "knowledgebase", "reference-guide", "developer", "developers",
                                                     "sdk", "tutorial", "tutorials", "help", "support", "faq"};
// A listing's path ends in one of these (/blog/, /shop/, /category/) or in a taxonomy segment and
// the name after it (/category/action, /tag/rust); /blog/slug and /news/slug are articles.
constexpr std::string_view k_listing_path_segments[] = {"category", "categories", "tag", "tags", "topic", "topics",
                                                        "archive", "archives", "search", "page", "section",
                                                        "collections", "collection", "catalog", "catalogue",
                                                        "shop", "store", "blog", "news", "kategorie", "rubrik",
                                                        "categorie", "categoria", "etiqueta", "schlagwort"};
constexpr std::string_view k_taxonomy_path_segments[] = {"category", "categories", "tag", "tags", "topic", "topics",
                                                         "archive", "archives", "collections", "collection",
                                                         "kategorie", "rubrik", "categorie", "categoria", "etiqueta",
                                                         "schlagwort"};
constexpr std::string_view k_forum_path_segments[] = {"thread", "threads", "topic", "t", "questions", "question",
                                                      "forum", "forums", "discussion", "discussions", "community",
                                                      "comments", "viewtopic.php", "showthread.php", "r", "q"};
constexpr std::string_view k_product_path_segments[] = {"product", "products", "p", "dp", "item", "itm", "produkt",
                                                        "produit", "producto", "prodotto", "sku"};

// Element ids of JavaScript application roots.
constexpr std::string_view k_app_root_ids[] = {"root", "app", "__next", "__nuxt", "___gatsby", "svelte", "main-app",
                                               "react-root", "ember-app", "q-app"};

// True when two hosts are one site's: equal but for "www.", or one a subdomain of the other
// ("blog.example.com", "example.com").
bool same_site(std::string_view a, std::string_view b) {
    if (a.starts_with("www.")) a.remove_prefix(4);
    if (b.starts_with("www.")) b.remove_prefix(4);
    if (a.size() < b.size()) std::swap(a, b);
    return a == b || (a.ends_with(b) && a[a.size() - b.size() - 1] == '.');
}

// The lower-case words of a name that tell it apart: letters only, at least 4 of them
// ("Wikimedia" in "Wikimedia Foundation, Inc."), without "Center", "Group"-like filler left to chance.
std::vector<std::string> distinctive_words(std::string_view name) {
    std::vector<std::string> words;
    std::string word;
    const std::string lowered = decode::to_lower(name);
    for (std::size_t i = 0; i <= lowered.size(); ++i) {
        const char c = i < lowered.size() ? lowered[i] : ' ';
        if (ascii::is_alpha(c) || static_cast<unsigned char>(c) >= 0x80) {
            word += c;
            continue;
        }
        if (word.size() >= k_min_distinctive_word_chars) words.push_back(word);
        word.clear();
    }
    return words;
}

class Resolver {
public:
    Resolver(const dom::Tree& tree, const Context& context, Statements& statements, Gathered& gathered)
        : m_tree(tree), m_context(context), m_s(statements), m_g(gathered) {}

    void run() {
        find_main_objects();
        read_json_ld_fields();
        not_people();
        plain_fields();
        find_headline();
        authors();
        dates();
        signals();
    }

    DayOrder day_order = DayOrder::month_first;

private:
    const dom::Tree& m_tree;
    const Context& m_context;
    Statements& m_s;
    Gathered& m_g;
    std::vector<const json*> m_articles;  // article-like JSON-LD objects of the page itself
    std::vector<const json*> m_pages;     // WebPage objects
    SiteNames& m_site_names = m_s.site_names;
    std::string m_own_host;               // the host of m_s.address ("" when unknown), read once
    std::size_t m_headline_position = 0;  // body characters before the headline's h1
    std::size_t m_headline_end_position = 0;  // before the last h1 that repeats it

    // The headline's h1: the one that agrees best with og:title, the JSON-LD headline or the
    // <title> (a site's logo is often the first h1), else the first. When no h1 agrees with a
    // statement and a heading that does stands before every h1 (or the page has none), that
    // heading is the headline (headline_heading).
    void find_headline() {
        if (headline_heading()) return;
        if (m_g.h1_positions.empty()) return;
        std::size_t best = 0;
        double best_similarity = 0.0;
        for (std::size_t i = 0; i < m_s.h1s.size(); ++i)
            for (const std::string* statement : {&m_s.og_title, &m_s.ld_headline, &m_s.html_title}) {
                const double similarity = title_similarity(m_s.h1s[i], *statement);
                if (similarity > best_similarity + 1e-9) {
                    best_similarity = similarity;
                    best = i;
                }
            }
        m_headline_position = m_headline_end_position = m_g.h1_positions[best];
        m_headline_article = article_of(m_g.h1_nodes[best]);
        // The same headline again further on (a sticky header's copy above the article's own):
        // the window reaches the last copy, whose byline and date sit below it.
        for (std::size_t i = best + 1; i < m_s.h1s.size(); ++i)
            if (m_s.h1s[i] == m_s.h1s[best]) m_headline_end_position = m_g.h1_positions[i];
    }

    NodeId article_of(NodeId id) const {
        for (NodeId at = id; at != dom::k_no_node; at = m_tree.node(at).parent)
            if (m_tree.is_element(at, GUMBO_TAG_ARTICLE)) return at;
        return dom::k_no_node;
    }

    // How well a text agrees with the page's title statements: every title meta tag (a page may
    // state og:title and twitter:title apart, the SEO variant and the headline as shown), the
    // JSON-LD headline, the <title> whole and each of its parts that is not the site's name
    // (title_similarity, 0 to 1).
    double title_agreement(const std::string& text) {
        if (!m_title_statements_read) {  // split into words once for all the page's headings
            m_title_statements_read = true;
            for (const std::string* statement : {&m_s.og_title, &m_s.ld_headline, &m_s.html_title})
                m_title_statements.add(*statement);
            for (const Meta& m : m_g.metas)
                if (one_of(m.key, k_meta_title)) m_title_statements.add(clean_value(m.content));
            for (const std::string& part : m_s.title_parts)
                if (!m_site_names.matches(part) && !is_host_name(part)) m_title_statements.add(part);
        }
        return m_title_statements.best_similarity(text);
    }
    TitleStatements m_title_statements;
    bool m_title_statements_read = false;

    // A page whose headline is no h1: a blog theme's post title in an h3 under the blog's name, a
    // forum's thread title in an h2, an h1 that is a section's label ("Allergies Health Center")
    // or a promotion further down. When no h1 agrees with a title statement, the first heading
    // (h2, h3, or an element whose class says title or headline; outside navigation, sidebars and
    // footers; not the site's name) that agrees, with no h1 before it but labels and lead-ins,
    // places the headline's window, unless it is a label of under 3 words. Returns false when
    // there is none.
    bool headline_heading() {
        if (m_g.headings.empty()) return false;
        for (const std::string& h1 : m_s.h1s)
            if (title_agreement(h1) >= k_headline_agreement) return false;
        std::size_t next_h1 = 0;
        for (std::size_t i = 0; i < m_g.headings.size(); ++i) {
            const HeadingCandidate& heading = m_g.headings[i];
            // an h1 of a headline's length before it: that h1 is the headline, its statements an
            // SEO variant, and this heading a section that restates the title
            for (; next_h1 < m_s.h1s.size() && m_g.h1_positions[next_h1] < heading.text_position; ++next_h1)
                if (!is_label_or_lead_in(m_s.h1s[next_h1])) return false;
            if (heading.in_zone || m_site_names.matches(heading.text) || title_agreement(heading.text) < k_headline_agreement)
                continue;
            // the first heading that agrees is a label ("Action" on a store's genre hub, "Cloudflare
            // CDN" before its "Cloudflare CDN FAQs"): no headline to place the window at
            if (title_word_count(heading.text) < k_min_headline_heading_words) return false;
            m_headline_position = m_headline_end_position = heading.text_position;
            m_headline_article = article_of(heading.node);
            m_headline_note = "; the headline is " + std::string(heading.kind) + " that agrees with the title, no h1 does";
            return true;
        }
        return false;
    }

    // An h1 that is no headline: a section's label ("Allergies Health Center") or a lead-in to
    // what follows ("A message from our founder:").
    static bool is_label_or_lead_in(const std::string& h1) {
        return title_word_count(h1) < k_min_headline_h1_words || h1.ends_with(':');
    }
    // For --explain, after the source of a value read near the headline when headline_heading
    // placed it: "; the headline is an h3 that agrees with the title, no h1 does".
    std::string m_headline_note;

    NodeId m_headline_article = dom::k_no_node;  // the <article> that holds the headline's h1, if any

    std::string meta(std::string_view key) const {
        for (const Meta& m : m_g.metas)
            if (m.key == key) return m.content;
        return {};
    }
    template <std::size_t N>
    Sourced first_meta(const std::string_view (&keys)[N]) const {
        for (std::string_view key : keys)
            if (std::string value = meta(key); !value.empty()) return {clean_value(value), "meta " + std::string(key)};
        return {};
    }
    std::vector<std::string> all_meta(std::string_view key) const {
        std::vector<std::string> values;
        for (const Meta& m : m_g.metas)
            if (m.key == key) values.push_back(clean_value(m.content));
        return values;
    }
    // Every value of a key that a page may repeat once per person (DC.Creator, citation_author);
    // but a page that writes the key both as name= and as property= states the one value twice,
    // for HTML and for RDFa readers: those are not co-authors, and the RDFa form is read (as
    // Readability.js reads it).
    // `both_forms` tells --explain that the name= form was set aside.
    std::vector<std::string> all_meta_of_one_form(std::string_view key, bool& both_forms) const {
        bool rdfa = false, html = false;
        for (const Meta& m : m_g.metas)
            if (m.key == key) (m.rdfa ? rdfa : html) = true;
        both_forms = rdfa && html;
        std::vector<std::string> values;
        for (const Meta& m : m_g.metas)
            if (m.key == key && (m.rdfa || !rdfa || !html)) values.push_back(clean_value(m.content));
        return values;
    }

    std::string type_name(const json& object) const {
        auto types = JsonLdGraph::types(object);
        return types.empty() ? std::string("object") : types.front();
    }

    void find_main_objects() {
        for (const json* object : m_g.graph.objects()) {
            if (m_g.graph.is_listed(object)) {
                if (JsonLdGraph::has_type(*object, {"Article", "NewsArticle", "BlogPosting"})) ++m_s.signals.ld_listed_articles;
                if (JsonLdGraph::has_type(*object, {"Product"})) ++m_s.signals.ld_listed_products;
                if (JsonLdGraph::has_type(*object, {"Comment", "Answer", "DiscussionForumPosting"})) ++m_s.signals.ld_posts;
                continue;
            }
            for (const std::string& type : JsonLdGraph::types(*object)) {
                m_s.signals.ld_types.push_back(type);
                if (type == "Comment" || type == "Answer") ++m_s.signals.ld_posts;
            }
            bool article = false;
            for (const std::string& type : JsonLdGraph::types(*object))
                if (one_of(type, k_article_types) || type.ends_with("Article")) article = true;
            if (article || (object->contains("articleBody") && !JsonLdGraph::has_type(*object, {"WebPage"})))
                m_articles.push_back(object);
            else if (JsonLdGraph::has_type(*object, {"WebPage", "ItemPage", "AboutPage", "ProfilePage", "QAPage",
                                                     "FAQPage", "CollectionPage", "MedicalWebPage", "ContactPage"}))
                m_pages.push_back(object);
        }
    }

    void read_json_ld_fields() {
        for (const json* object : m_articles) {
            if (object->contains("articleBody")) {
                const json& body = (*object)["articleBody"];
                std::string text = body.is_string() ? body.get<std::string>() : "";
                if (text.size() > m_s.ld_article_body.size()) m_s.ld_article_body = std::move(text);
            }
            if (m_s.ld_headline.empty() && object->contains("headline")) m_s.ld_headline = json_ld_text((*object)["headline"]);
        }
        if (m_s.ld_headline.empty())
            for (const json* object : m_articles)
                if (object->contains("name") && !JsonLdGraph::has_type(*object, {"VideoObject", "Question"})) {
                    m_s.ld_headline = json_ld_text((*object)["name"]);
                    break;
                }
    }

    void not_people() {
        for (const Meta& m : m_g.metas)
            if (m.key == "og:site_name" || m.key == "application-name" || m.key == "twitter:site" ||
                m.key == "dc.publisher" || m.key == "publisher" || m.key == "article:publisher")
                m_site_names.add(clean_value(m.content));
        // An organisation that the article names as its author is not, by that, the site: it is
        // one when it is the publisher too ("Morgan & Morgan" both), not when another is ("Center for
        // Drug Evaluation and Research" for the FDA).
        std::vector<const json*> author_objects;
        for (const json* article : m_articles)
            for (std::string_view key : {"author", "creator"})
                if (article->contains(key)) {
                    const json& value = (*article)[key];
                    if (value.is_array())
                        for (const json& item : value) author_objects.push_back(&m_g.graph.resolve(item));
                    else
                        author_objects.push_back(&m_g.graph.resolve(value));
                }
        std::vector<std::string> publisher_words;
        for (const json* object : m_g.graph.objects())
            if (object->contains("publisher"))
                for (std::string& word : distinctive_words(json_ld_text(m_g.graph.resolve((*object)["publisher"]))))
                    publisher_words.push_back(std::move(word));
        auto publishers_own = [&](const json& object) {  // "Contributors to Wikimedia projects"
            if (!object.contains("name")) return false;
            const auto words = distinctive_words(json_ld_text(object["name"]));
            return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
                return std::find(publisher_words.begin(), publisher_words.end(), w) != publisher_words.end();
            });
        };
        for (const json* object : m_g.graph.objects()) {
            if (std::find(author_objects.begin(), author_objects.end(), object) != author_objects.end() &&
                !publishers_own(*object))
                continue;
            if (JsonLdGraph::has_type(*object, {"WebSite", "Organization", "NewsMediaOrganization", "Corporation",
                                                "LocalBusiness", "EducationalOrganization", "MedicalOrganization"}))
                if (object->contains("name")) m_site_names.add(json_ld_text((*object)["name"]));
            if (object->contains("publisher")) {
                const json& publisher = m_g.graph.resolve((*object)["publisher"]);
                m_site_names.add(json_ld_text(publisher));
            }
        }
        m_s.canonical_url = m_context.stated_address ? *m_context.stated_address : stated_address(m_tree);
        m_s.address = m_context.url.empty() ? m_s.canonical_url.value : m_context.url;
        m_own_host = url_host(m_s.address);
        if (!m_own_host.empty()) m_site_names.add_host(m_own_host);
        for (const std::string& logo : m_g.logo_h1s) m_site_names.add(logo);
    }

    // A JSON-LD string that holds HTML (a CMS that wrote the author's linked name into "name"):
    // the text without its tags.
    static std::string without_tags(std::string_view text) {
        std::string out;
        out.reserve(text.size());
        bool in_tag = false;
        for (char c : text) {
            if (c == '<') in_tag = true;
            else if (c == '>' && in_tag) in_tag = false;
            else if (!in_tag) out += c;
        }
        return out;
    }

    // The names in a JSON-LD author value: a string, a Person or Organization, an @id reference,
    // or an array of those.
    // `logins_allowed`: a forum's authors are its members' logins; elsewhere a person's name that
    // reads as a login ("andrew.keaveney") or as no name at all ("CC7567") is the CMS's account,
    // not the byline. An organisation's name is exempt: it is not written as a person's.
    std::vector<std::string> json_ld_authors(const json& value, bool logins_allowed) const {
        std::vector<std::string> names;
        std::vector<const json*> items;
        if (value.is_array())
            for (const auto& item : value) items.push_back(&item);
        else
            items.push_back(&value);
        for (const json* item : items) {
            const json& resolved = m_g.graph.resolve(*item);
            std::string raw;
            if (resolved.is_string()) {
                raw = resolved.get<std::string>();
            } else if (resolved.is_object()) {
                if (resolved.contains("name") && resolved["name"].is_array()) {
                    // one Person whose "name" lists several people
                    for (const auto& one : resolved["name"])
                        if (one.is_string()) raw += (raw.empty() ? "" : ", ") + without_tags(one.get<std::string>());
                } else if (resolved.contains("name")) {
                    raw = json_ld_text(resolved["name"]);
                } else if (resolved.contains("givenName")) {
                    raw = json_ld_text(resolved["givenName"]) + " " +
                          (resolved.contains("familyName") ? json_ld_text(resolved["familyName"]) : "");
                }
                // An organisation's name is one name: "Center for Drug Evaluation and Research"
                if (JsonLdGraph::has_type(resolved, {"Organization", "GovernmentOrganization", "NewsMediaOrganization",
                                                     "EducationalOrganization", "Corporation", "MedicalOrganization"})) {
                    if (std::string name = clean_value(raw); !name.empty() && !is_url_or_email(name) &&
                                                             !names_the_site(name, m_site_names) && !names_nobody(name) &&
                                                             utf8::code_point_count(name) <= k_max_organisation_chars)
                        names.push_back(std::move(name));
                    continue;
                }
            }
            for (std::string& name : author_names(without_tags(raw), m_site_names))
                if (looks_like_name(name) && (logins_allowed || !looks_like_login(name))) names.push_back(std::move(name));
        }
        return names;
    }

    bool take_authors(std::vector<std::string> names, std::string source) {
        if (names.empty()) return false;
        m_s.authors = std::move(names);
        m_s.authors_source = std::move(source);
        return true;
    }

    // The headline's neighbourhood in body characters: bylines and datelines sit just above or
    // below it (the start of the body when the page has no h1).
    std::pair<std::size_t, std::size_t> headline_window() const {
        const std::size_t h1 = m_headline_position;
        return {h1 > k_date_window_before_h1 ? h1 - k_date_window_before_h1 : 0,
                m_headline_end_position + k_date_window_after_h1};
    }

    // DOM candidates near the headline: the first that gives a name (as bylines write names,
    // when `strict`), with the co-authors that stand next to it (the grandparent's subtree).
    // `strict`: visible candidates count near the headline only (and must read as names); with
    // `whole_article`, anywhere in the <article> that holds the headline too.
    bool take_dom_authors(const std::vector<DomCandidate>& candidates, const std::string& source, bool strict,
                          bool whole_article = false) {
        const auto [start, end] = headline_window();
        auto names_of = [&](const DomCandidate& c) {
            std::vector<std::string> names =
                author_names(std::string_view(c.text).substr(0, date_offset(c.text)), m_site_names, strict);
            if (strict) std::erase_if(names, [](const std::string& n) { return !looks_like_name(n); });
            return names;
        };
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            const bool in_article = whole_article && m_headline_article != dom::k_no_node &&
                                    m_tree.contains(m_headline_article, candidates[i].node);
            if (strict && !in_article && (candidates[i].text_position < start || candidates[i].text_position > end)) continue;
            std::vector<std::string> names = names_of(candidates[i]);
            if (names.empty()) continue;
            NodeId scope = candidates[i].node;
            for (int up = 0; up < 2 && m_tree.node(scope).parent != dom::k_no_node; ++up) scope = m_tree.node(scope).parent;
            for (std::size_t j = i + 1; j < candidates.size() && m_tree.contains(scope, candidates[j].node) &&
                                        candidates[j].text_position <= candidates[i].text_position + k_max_coauthor_gap;
                 ++j) {
                if (m_tree.contains(candidates[i].node, candidates[j].node) || candidates[j].node == candidates[i].node) continue;
                for (std::string& name : names_of(candidates[j]))
                    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
            }
            const bool near_headline = strict && !in_article;
            return take_authors(std::move(names), source + (near_headline ? m_headline_note : ""));
        }
        return false;
    }

    // A name in a meta tag or a Twitter card that reads as a login ("andrew.keaveney",
    // "mdelatorreq6vkpg2ma0ci") is the CMS's account, not the person: it gives way to the next
    // source, as in JSON-LD; but a forum's authors are its members' logins.
    bool is_account(const std::string& name) const {
        if (!looks_like_login(name)) return false;
        if (m_s.signals.microdata_posts >= k_min_forum_microdata_posts) return false;
        return std::none_of(m_g.graph.objects().begin(), m_g.graph.objects().end(), [](const json* object) {
            return JsonLdGraph::has_type(*object, {"DiscussionForumPosting", "QAPage", "Question", "SocialMediaPosting"});
        });
    }

    void authors() {
        for (const json* object : m_articles) {
            const bool logins_allowed = JsonLdGraph::has_type(*object, {"DiscussionForumPosting", "Question", "SocialMediaPosting"});
            for (std::string_view key : {"author", "creator"}) {
                if (!object->contains(key)) continue;
                std::vector<std::string> names = json_ld_authors((*object)[key], logins_allowed);
                if (take_authors(std::move(names), "json-ld " + type_name(*object) + "." + std::string(key))) return;
            }
        }
        if (take_dom_authors(m_g.microdata_authors, "microdata author", false)) return;
        if (take_dom_authors(m_g.microdata_authors_in_zones, "microdata author", false)) return;
        // The first meta key that names someone, unless a later one names the same people and more
        // (DC.Creator gives the first author, citation_author every one).
        std::vector<std::string> meta_names;
        std::string meta_source;
        for (std::string_view key : k_meta_author) {
            // citation_author and its kind come once per author
            std::vector<std::string> names;
            // Library and scholarly tags name one person each, last name first.
            const bool one_each = key.starts_with("citation_author") || key.starts_with("dc.creator") || key == "dcterms.creator";
            bool both_forms = false;
            for (const std::string& value : all_meta_of_one_form(key, both_forms)) {
                m_s.signals.meta_author = true;
                for (std::string& name : author_names(one_each ? uninverted_name(value) : value, m_site_names))
                    if (std::find(names.begin(), names.end(), name) == names.end() && !(is_account(name))) names.push_back(std::move(name));
            }
            const bool more = names.size() > meta_names.size() &&
                              std::all_of(meta_names.begin(), meta_names.end(), [&](const std::string& n) {
                                  return std::find(names.begin(), names.end(), n) != names.end();
                              });
            if (meta_names.empty() ? !names.empty() : more) {
                meta_names = std::move(names);
                meta_source = "meta " + std::string(key) + (both_forms ? ", the property= form over the name= one" : "");
            }
        }
        if (take_authors(std::move(meta_names), meta_source)) return;
        // Twitter's reading cards: twitter:label1 "Written by", twitter:data1 the name.
        for (std::size_t i = 0; i + 1 < m_g.metas.size(); ++i)
            if (m_g.metas[i].key.starts_with("twitter:label") && is_byline_label(m_g.metas[i].content)) {
                const std::string data_key = "twitter:data" + m_g.metas[i].key.substr(13);
                // the blog software's account name ("mdelatorreq6vkpg2ma0ci") is no person's
                std::vector<std::string> names = author_names(meta(data_key), m_site_names);
                std::erase_if(names, [&](const std::string& name) { return is_account(name); });
                if (take_authors(std::move(names), "meta " + data_key)) return;
            }
        // rel=author names the author of the article that holds it, wherever it stands in it.
        if (take_dom_authors(m_g.rel_authors, "rel=author", true, true)) return;
        if (take_dom_authors(m_g.byline_elements, "byline element", true)) return;
        if (take_dom_authors(m_g.byline_lines, "byline text", true)) return;
        if (take_dom_authors(m_g.author_links, "author page link", true)) return;
        take_author_box();
    }

    // Nothing near the headline names an author: an author box after the headline may ("Written
    // by" and the name far below it, a photo with the name and a short bio at the article's end).
    // Only when the boxes after the headline name one person: a page with several (comments with
    // avatars, a team's or testimonials' photos, related posts' bylines) names no one by them.
    void take_author_box() {
        std::vector<std::string> names;  // one box's names (co-authors: "Written by Jane Roe and John Doe")
        std::string source;
        for (const auto& [list, kind] : {std::pair{&m_g.labelled_names, "a label such as \"Written by\" and the name after it"},
                                        std::pair{&m_g.photo_names, "the author's photo and name"},
                                        std::pair{&m_g.plain_photo_names, "a person's photo and the name under it"}})
            for (const DomCandidate& c : *list) {
                if (c.text_position < m_headline_position) continue;
                // A photo and a name by the headline, in no author's box, picture the article's subject.
                if (list == &m_g.plain_photo_names && c.text_position <= headline_window().second) continue;
                std::vector<std::string> found =
                    author_names(std::string_view(c.text).substr(0, date_offset(c.text)), m_site_names, true);
                std::erase_if(found, [](const std::string& n) { return !looks_like_name(n); });
                // co-authors in one box are people ("Moses Kim and Kate Shokurova"), not a place or
                // an institute after the name ("Steffen Pache, Landesanstalt ..., Köllitsch (D)")
                if (found.size() > 1) std::erase_if(found, [](const std::string& n) { return !looks_like_person(n); });
                if (found.empty() || (found.size() > 1 && list != &m_g.labelled_names)) continue;
                if (names.empty()) {
                    names = std::move(found);
                    source = std::string("author box after the article: ") + kind;
                } else if (found != names && !(found.size() == 1 && names.size() > 1 &&
                                               std::find(names.begin(), names.end(), found.front()) != names.end())) {
                    return;  // boxes that name different people: comments, a team, related posts
                }
            }
        if (!names.empty()) take_authors(std::move(names), source);
    }

    std::optional<Date> json_ld_date(const json& object, std::string_view key) const {
        if (!object.contains(key)) return std::nullopt;
        return find_date(json_ld_text(object[key]), day_order);
    }

    bool plausible(const Date& date) const { return is_plausible(date, m_context.today); }

    bool take_date(Sourced& field, const std::optional<Date>& date, const std::string& source) {
        if (!date || !plausible(*date)) return false;
        field = {date->iso(), source};
        return true;
    }

    // The first candidate labelled or placed as wanted.
    static const DateCandidate* first_date(const std::vector<DateCandidate>& candidates, bool updated,
                                           const Resolver& resolver) {
        for (const DateCandidate& c : candidates)
            if (c.updated == updated && resolver.plausible(c.date)) return &c;
        return nullptr;
    }

    // The structured publication date: JSON-LD article, microdata, meta tags, JSON-LD WebPage.
    std::optional<std::pair<Date, std::string>> structured_published() const {
        // Key by key over every article-like object: a video's uploadDate inside a news article
        // is when the clip was uploaded, not when the article was published. A JSON-LD record's
        // dateCreated is when the CMS made the record, which can follow the publication that
        // microdata or a meta tag states: it comes after them.
        for (const json* object : m_articles)
            if (auto date = json_ld_date(*object, "datePublished"); date && plausible(*date))
                return std::pair{*date, "json-ld " + type_name(*object) + ".datePublished"};
        if (const DateCandidate* c = first_date(m_g.microdata_published, false, *this)) return std::pair{c->date, c->source};
        for (std::string_view key : k_meta_published)
            if (std::string value = meta(key); !value.empty())
                if (auto date = find_date(value, day_order); date && plausible(*date))
                    return std::pair{*date, "meta " + std::string(key)};
        for (std::string_view key : {"dateCreated", "uploadDate"})
            for (const json* object : m_articles)
                if (auto date = json_ld_date(*object, key); date && plausible(*date))
                    return std::pair{*date, "json-ld " + type_name(*object) + "." + std::string(key)};
        return std::nullopt;
    }

    // A JSON-LD WebPage's own datePublished: when its CMS made the page. An SEO plugin writes one
    // on every page, a service page's or a shop's too, so it dates the page only when the page
    // shows it (modern-dev: 2 of 26 such dates unshown were a label's date).
    std::optional<std::pair<Date, std::string>> page_record_published() const {
        for (const json* object : m_pages)
            if (auto date = json_ld_date(*object, "datePublished"); date && plausible(*date))
                return std::pair{*date, "json-ld " + type_name(*object) + ".datePublished"};
        return std::nullopt;
    }

    std::optional<std::pair<Date, std::string>> structured_modified() const {
        for (const json* object : m_articles)
            if (auto date = json_ld_date(*object, "dateModified"); date && plausible(*date))
                return std::pair{*date, "json-ld " + type_name(*object) + ".dateModified"};
        if (const DateCandidate* c = first_date(m_g.microdata_modified, true, *this)) return std::pair{c->date, c->source};
        for (std::string_view key : k_meta_modified)
            if (std::string value = meta(key); !value.empty())
                if (auto date = find_date(value, day_order); date && plausible(*date))
                    return std::pair{*date, "meta " + std::string(key)};
        for (const json* object : m_pages)
            if (auto date = json_ld_date(*object, "dateModified"); date && plausible(*date))
                return std::pair{*date, "json-ld " + type_name(*object) + ".dateModified"};
        return std::nullopt;
    }

    // The dates shown near the headline, in page order: <time> elements, date elements and short
    // date lines.
    std::vector<DateCandidate> visible_dates() const {
        const auto [start, end] = headline_window();
        std::vector<DateCandidate> visible;
        for (const auto* list : {&m_g.time_dates, &m_g.class_dates, &m_g.text_dates})
            for (const DateCandidate& c : *list)
                if (plausible(c.date) && c.text_position >= start && c.text_position <= end) visible.push_back(c);
        std::stable_sort(visible.begin(), visible.end(),
                         [](const DateCandidate& a, const DateCandidate& b) { return a.node < b.node; });
        return visible;
    }

    void dates() {
        const std::vector<DateCandidate> visible = visible_dates();
        auto shown = [&](const Date& date) {
            return std::any_of(visible.begin(), visible.end(), [&](const DateCandidate& c) { return c.date.same_day_either_order(date); });
        };
        auto published = structured_published();
        if (!published)
            if (auto record = page_record_published(); record && shown(record->first)) published = std::move(record);
        const auto modified = structured_modified();
        // The first date shown that is not labelled as a change (a labelled publication first).
        const DateCandidate* first_shown = nullptr;
        for (const DateCandidate& c : visible)
            if (!c.updated && (!first_shown || (c.published && !first_shown->published))) {
                first_shown = &c;
                if (c.published) break;
            }
        const DateCandidate* first_update = nullptr;
        for (const DateCandidate& c : visible)
            if (c.updated) {
                first_update = &c;
                break;
            }

        if (modified) m_s.date_modified = {modified->first.iso(), modified->second};
        else if (first_update) m_s.date_modified = {first_update->date.iso(), first_update->source + " (labelled as an update" + m_headline_note + ")"};

        // The date is the one the page shows: the structured publication date when the page shows
        // it (or shows no date at all); else the date shown near the headline, a publication
        // before a change (a page that shows only "Updated ..." gives that date).
        if (published && (visible.empty() || shown(published->first))) {
            m_s.date = {published->first.iso(), published->second + (visible.empty() ? "" : ", shown on the page" + m_headline_note)};
        } else if (modified && shown(modified->first)) {
            m_s.date = {modified->first.iso(), modified->second + ", the date the page shows" + m_headline_note};
        } else if (first_shown) {
            m_s.date = {first_shown->date.iso(), first_shown->source + " near the headline" + m_headline_note};
        } else if (first_update) {
            m_s.date = {first_update->date.iso(), first_update->source + " near the headline, labelled as an update" + m_headline_note};
        } else if (published) {
            m_s.date = {published->first.iso(), published->second};
        } else if (auto date = date_in_url(m_s.address); date && plausible(*date)) {
            m_s.date = {date->iso(), "url path"};
        } else if (const DateCandidate* labelled = first_labelled_date(false)) {
            // Nothing else dates the page: a date labelled as its publication away from the
            // headline (a post's metadata column, a "Published" line after the text).
            m_s.date = {labelled->date.iso(), labelled->source + ", away from the headline"};
        }
        // A "Last updated" line away from the headline is the last change, not the publication:
        // the pages that show only such a line (documentation, a personal page, a wiki) are undated
        // (modern-dev: 4 of 6 such pages labelled without a date).
        if (m_s.date_modified.empty())
            if (const DateCandidate* labelled = first_labelled_date(true))
                m_s.date_modified = {labelled->date.iso(), labelled->source + ", away from the headline"};
    }

    // The date labelled as the publication (or as a change) away from the headline, when every
    // such label on the page gives the same day: labels that disagree are a listing's teasers' or
    // the comments' ("Updated: Mar 5, 2026", "Updated: Mar 6, 2026" on a collection's cards).
    const DateCandidate* first_labelled_date(bool updated) const {
        const DateCandidate* first = nullptr;
        for (const DateCandidate& c : m_g.labelled_dates) {
            if (c.updated != updated || !plausible(c.date)) continue;
            if (!first) first = &c;
            else if (!c.date.same_day_either_order(first->date)) return nullptr;
        }
        return first;
    }

    void plain_fields() {
        // Title evidence.
        for (std::string_view key : k_meta_title) {
            m_s.og_title = clean_value(meta(key));
            if (!m_s.og_title.empty()) {
                m_s.og_title_key = key;
                break;
            }
        }
        if (m_s.ld_headline.empty() && !m_g.microdata_headlines.empty()) m_s.ld_headline = m_g.microdata_headlines.front();
        m_s.title_parts = title_parts(m_s.html_title);

        // Language: <html lang>, xml:lang, og:locale, Content-Language, then JSON-LD and DC.
        const std::pair<std::string, std::string> languages[] = {
            {m_g.html_lang, "html lang"},
            {m_g.xml_lang, "html xml:lang"},
            {meta("og:locale"), "meta og:locale"},
            {meta("content-language"), "meta content-language"},
            {meta("dc.language"), "meta dc.language"},
            {meta("language"), "meta language"},
        };
        for (const auto& [value, source] : languages)
            if (std::string tag = normalise_language_tag(value); !tag.empty()) {
                m_s.language = tag;
                m_s.language_source = source;
                break;
            }
        if (m_s.language.empty())
            for (const json* object : m_g.graph.objects())
                if (object->contains("inLanguage"))
                    if (std::string tag = normalise_language_tag(json_ld_text((*object)["inLanguage"])); !tag.empty()) {
                        m_s.language = tag;
                        m_s.language_source = "json-ld inLanguage";
                        break;
                    }

        m_s.description = first_meta(k_meta_description);
        if (m_s.description.empty())
            for (const json* object : m_articles)
                if (object->contains("description")) {
                    m_s.description = {json_ld_text((*object)["description"]), "json-ld description"};
                    break;
                }
        m_s.site_name = first_meta(k_meta_site_name);
        if (m_s.site_name.empty())
            for (const json* object : m_g.graph.objects())
                if (JsonLdGraph::has_type(*object, {"WebSite"}) && object->contains("name")) {
                    m_s.site_name = {json_ld_text((*object)["name"]), "json-ld WebSite.name"};
                    break;
                }
        if (m_s.site_name.empty())
            for (const json* object : m_articles)
                if (object->contains("publisher"))
                    if (std::string name = json_ld_text(m_g.graph.resolve((*object)["publisher"])); !name.empty()) {
                        m_s.site_name = {name, "json-ld publisher"};
                        break;
                    }
        m_s.image = first_meta(k_meta_image);
        if (m_s.image.empty())
            for (const json* object : m_articles)
                if (object->contains("image")) {
                    const json& image = m_g.graph.resolve((*object)["image"]);
                    std::string url = image.is_object() && image.contains("url") ? json_ld_text(image["url"])
                                      : image.is_array() && !image.empty() && image.front().is_object() &&
                                              image.front().contains("url")
                                          ? json_ld_text(image.front()["url"])
                                          : json_ld_text(image);
                    if (!url.empty()) {
                        m_s.image = {url, "json-ld image"};
                        break;
                    }
                }
        if (m_s.image.empty() && !m_g.image_src.empty()) m_s.image = {m_g.image_src, "link rel=image_src"};

        // Tags and categories.
        auto add_unique = [](std::vector<std::string>& list, std::string value) {
            value = decode::collapse_whitespace(value);
            if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
        };
        auto add_split = [&](std::vector<std::string>& list, const std::string& value) {
            std::size_t start = 0;
            while (start <= value.size()) {
                std::size_t comma = value.find(',', start);
                if (comma == std::string::npos) comma = value.size();
                add_unique(list, value.substr(start, comma - start));
                start = comma + 1;
            }
        };
        // Every value of the meta keys, else the first article's JSON-LD property (an array item by
        // item); `split`: a text is a comma-separated list, as keywords are (a section is one name).
        auto add_listed = [&](std::vector<std::string>& list, std::span<const std::string_view> keys, const char* property,
                              bool split) {
            auto add = [&](const std::string& value) { split ? add_split(list, value) : add_unique(list, value); };
            for (std::string_view key : keys)
                for (const std::string& value : all_meta(key)) add(value);
            if (!list.empty()) return;
            for (const json* object : m_articles)
                if (object->contains(property)) {
                    const json& value = (*object)[property];
                    if (value.is_array())
                        for (const auto& item : value) add_unique(list, json_ld_text(item));
                    else
                        add(json_ld_text(value));
                    return;
                }
        };
        add_listed(m_s.tags, k_meta_tags, "keywords", true);
        add_listed(m_s.categories, k_meta_categories, "articleSection", false);
    }

    void signals() {
        PageSignals& signals = m_s.signals;
        signals.og_type = ascii::lower(meta("og:type"));
        for (const json* object : m_g.graph.objects())
            if (object->contains("isAccessibleForFree")) {
                const json& free = (*object)["isAccessibleForFree"];
                if ((free.is_boolean() && !free.get<bool>()) || (free.is_string() && ascii::lower(free.get<std::string>()) == "false"))
                    signals.paywall_mark = true;
            }
        // Teasers that lead to another site (a list of references or resources), when the page's own is known.
        if (!m_own_host.empty())
            for (const std::string& teaser : m_g.teaser_hosts)
                if (!teaser.empty() && !same_site(teaser, m_own_host)) ++signals.teasers_elsewhere;
        // Pagination: a link to a later page of this page's own path (on its site). Without the
        // page's URL only a query alone ("?page=2") is known to be this page's.
        std::string own_path = url::path(m_s.address);
        while (own_path.size() > 1 && own_path.ends_with('/')) own_path.pop_back();
        for (const std::string& href : m_g.page_links) {
            if (m_s.address.empty() && !href.starts_with('?')) continue;
            const std::string link = url::resolve_reference(m_s.address.empty() ? "http://page.invalid/" : m_s.address, href);
            const std::string host = url_host(link);
            if (!m_s.address.empty() && (host.empty() || !same_site(host, m_own_host))) continue;
            if (const std::string path = paginated_path(link); !path.empty() && (m_s.address.empty() || path == own_path)) {
                signals.pagination = true;
                break;
            }
        }
        const auto segments = path_segments(m_s.address);
        for (std::size_t i = 0; i < segments.size(); ++i) {
            const std::string& segment = segments[i];
            if (one_of(segment, k_docs_path_segments)) signals.docs_path = true;
            const bool last = i + 1 == segments.size();
            const bool before_last = i + 2 == segments.size();
            if ((last && one_of(segment, k_listing_path_segments)) ||
                (before_last && one_of(segment, k_taxonomy_path_segments)) ||
                (last && i > 0 && segments[i - 1] == "page" && ascii::is_all_digits(segment)))
                signals.listing_path = true;
            // a thread's segment before its id (/t/slug/123), or a forum script whose query names
            // the thread (viewtopic.php?t=123)
            if (one_of(segment, k_forum_path_segments) && (i + 1 < segments.size() || segment.ends_with(".php")))
                signals.forum_path = true;
            if (one_of(segment, k_product_path_segments) && i + 1 < segments.size()) signals.product_path = true;
        }
        // Different days among the dates read outside zones: one per teaser on a listing of posts.
        std::vector<std::chrono::sys_days> days;
        for (const auto* candidates : {&m_g.time_dates, &m_g.class_dates, &m_g.text_dates})
            for (const DateCandidate& candidate : *candidates) days.push_back(candidate.date.day_point());
        std::sort(days.begin(), days.end());
        signals.distinct_dates = static_cast<std::size_t>(std::unique(days.begin(), days.end()) - days.begin());
        // A JavaScript application root that holds (almost) nothing.
        for (NodeId id = m_tree.body(); id != dom::k_no_node && id < m_tree.node(m_tree.body()).subtree_end; ++id)
            if (m_tree.node(id).type == dom::NodeType::element && one_of(m_tree.attribute(id, "id"), k_app_root_ids)) {
                signals.app_root = true;
                break;
            }
    }
};

}  // namespace

void resolve(const dom::Tree& tree, const Context& context, DayOrder day_order, Statements& statements, Gathered& gathered) {
    Resolver resolver(tree, context, statements, gathered);
    resolver.day_order = day_order;
    resolver.run();
}

}  // namespace winnow::metadata::detail
