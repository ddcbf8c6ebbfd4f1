// metadata: reading the page's own statements. One walk over the tree gathers every candidate
// with its source (meta tags, JSON-LD objects, microdata and RDFa properties, rel=author and
// byline elements, <time> elements, short date lines) and the page-kind signals; then each
// field takes the first valid candidate in order of trust.
#include "winnow/metadata/statements.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "winnow/decode/text.hpp"
#include "winnow/dom/class_tokens.hpp"
#include "winnow/dom/html_tags.hpp"
#include "winnow/metadata/authors.hpp"
#include "winnow/metadata/dates.hpp"
#include "winnow/metadata/json_ld.hpp"
#include "winnow/metadata/title.hpp"
#include "winnow/metadata/values.hpp"
#include "winnow/util/ascii.hpp"
#include "winnow/util/url.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::metadata {
namespace {

using dom::NodeId;
using nlohmann::json;

// JSON-LD documents larger than this are not parsed (a page's whole state dumped as JSON).
constexpr std::size_t k_max_json_ld_bytes = 2 * 1024 * 1024;
// Byline and date elements hold a short text; a longer one is a paragraph or a whole box.
constexpr std::size_t k_max_byline_chars = 100;
// An element whose subtree has more nodes than this is a container, not a byline or date line.
constexpr std::uint32_t k_max_line_nodes = 24;
// Visible date lines are looked for this many characters of text before the first h1 and after it
// (a dateline sits just above or below the headline), or from the start of the body without h1.
constexpr std::size_t k_date_window_before_h1 = 600;
constexpr std::size_t k_date_window_after_h1 = 2500;
// Short text lines read for a date, at most, per page (a long forum or table has thousands).
constexpr std::size_t k_max_text_date_lines = 400;
// A paragraph this long counts as prose (page kind).
constexpr std::size_t k_prose_paragraph_chars = 80;

// A word of an organisation's name this long or longer tells it apart ("Wikimedia", not "Inc").
constexpr std::size_t k_min_distinctive_word_chars = 4;
// The images' alt texts kept for the language detector (language.hpp): a few sentences are enough.
constexpr std::size_t k_max_image_description_bytes = 2048;
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
// Headings read for a headline that is no h1, at most (it stands near the top; a long
// documentation page has thousands of h3s).
constexpr std::size_t k_max_headline_headings = 100;
// A heading's element: the title, a link and a few inline elements; a larger one whose class says
// title is a container (a header with the byline and the share bar).
constexpr NodeId k_max_heading_nodes = 40;
// A headline is at most this long; a longer heading is a paragraph set as a heading.
constexpr std::size_t k_max_heading_chars = 300;
// Posts marked in microdata (Comment, Answer, DiscussionForumPosting) from this many on: a forum,
// whose authors are its members' logins (page_kind.cpp's k_min_marked_posts).
constexpr std::size_t k_min_forum_microdata_posts = 2;
// A fact's label before its colon is one or two short words ("Titel:", "Dt. Titel:", "Verlag:").
constexpr std::size_t k_max_fact_label_chars = 20;
// Class tokens of an element that holds a title ("entry-title", "sa-post-title", "headline").
constexpr std::string_view k_headline_class_tokens[] = {"title", "headline"};
// An author box (a photo whose alt text is the name, and the name written beside it) is a small
// element: a photo, a name, a line of role and a short bio. The photo's parent or grandparent
// with at most this many nodes is the box; a larger one is a section of the article or a gallery.
constexpr std::uint32_t k_max_author_box_nodes = 40;
// The box's class says author ("author-box", "post-author", "byline") on the photo or one of its
// this many nearest ancestors: a photo of a person with a caption, elsewhere, is the article's subject.
constexpr int k_author_element_levels = 4;
// A photo in an element of this class token ("wp-caption") is a captioned picture, the name under it
// the subject's (WordPress writes captions so, without <figure>).
constexpr std::string_view k_caption_token = "caption";

// JSON-LD types of an article, a post or a page that has one author and one date.
constexpr std::string_view k_article_types[] = {
    "Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle", "TechArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting",
    "SocialMediaPosting", "DiscussionForumPosting", "Posting", "Review", "Recipe", "HowTo", "MedicalWebPage",
    "MedicalScholarlyArticle", "SatiricalArticle", "AdvertiserContentArticle", "Question", "VideoObject",
};
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

// Class and id tokens of byline elements, and tokens that make such an element something else
// (an author's photo, biography or follow button; a forum poster's IP address line, "poster_ip", which
// reads "Logged" where the address is hidden).
constexpr std::string_view k_byline_tokens[] = {"byline", "author", "authors", "writer", "autor", "auteur",
                                                "autore", "creator", "contributor", "username", "poster",
                                                "postauthor", "authorname", "bylines", "bigusername"};
constexpr std::string_view k_not_byline_tokens[] = {
    "bio", "box", "description", "avatar", "image", "img", "photo", "pic", "picture", "about", "social", "follow",
    "title", "role", "job", "position", "label", "twitter", "facebook", "linkedin", "email", "mail", "count",
    "posts", "more", "list", "icon", "thumb", "thumbnail", "headshot", "card", "details", "signature", "rank",
    "level", "joined", "stats", "badge", "flair", "reputation", "ip",
    // a picture's credit ("media-license-author": "zvg", the agency or photographer)
    "credit", "credits", "copyright", "license", "licence"};
// Class and id tokens of date elements.
constexpr std::string_view k_date_tokens[] = {"date", "time", "published", "publish", "posted", "pubdate",
                                              "timestamp", "dateline", "datetime", "updated", "modified",
                                              "postdate", "entrydate", "publishdate", "publishedon", "meta",
                                              "byline", "article-date", "datum", "fecha", "data"};
// Zones whose bylines and dates are not the page's: navigation, footers, sidebars, comments,
// related and recommended lists.
constexpr std::string_view k_zone_tokens[] = {"nav", "navbar", "navigation", "menu", "footer", "sidebar",
                                              "comment", "comments", "respond", "related", "recommended",
                                              "breadcrumb", "breadcrumbs", "newsletter", "cookie", "consent",
                                              "popular", "trending"};
// Words before a zone's token that make the class a layout's modifier ("has-sidebar", "no-sidebar").
constexpr std::string_view k_layout_modifier_tokens[] = {"has", "with", "no", "without"};
// Words that mark a date as the last change, not the publication.
constexpr std::string_view k_updated_words[] = {"updated", "update", "modified", "edited", "revised", "aktualisiert",
                                                "geändert", "actualizado", "actualizada", "actualisé", "aggiornato",
                                                "atualizado", "bijgewerkt", "zaktualizowano", "обновлено",
                                                "reviewed"};
// Words that mark a date as the publication.
constexpr std::string_view k_published_words[] = {"published", "posted", "publié", "publiée", "veröffentlicht",
                                                  "publicado", "publicada", "pubblicato", "gepubliceerd",
                                                  "opublikowano", "опубликовано", "erschienen", "written", "on"};
// A date far from the headline dates the page only when a label alone stands before it, of at most
// this many words ("Published", "Posted on", "Last updated:", "Zuletzt aktualisiert am"): a longer
// lead ("Posted by NAME on", "Accessed at example.org on") is a comment's, a citation's or a sentence.
constexpr std::size_t k_max_date_label_words = 3;
// Label words that do not label the page's date far from the headline: too common ("on", "written
// by"), or a customer review's or a forum post's ("Reviewed on", "Edited").
constexpr std::string_view k_weak_label_words[] = {"on", "written", "reviewed", "edited"};
// Labelled dates gathered per page, at most (a listing's every teaser may have one).
constexpr std::size_t k_max_labelled_dates = 20;
// Class and id tokens of an h1 (or its parent) that holds the site's name, not the page's headline.
constexpr std::string_view k_logo_tokens[] = {"logo", "brand", "branding", "masthead", "sitename", "blogname",
                                              "blogtitle"};
// A token that, with "title" or "name" beside it, names the site ("site-title", "menu-title"; not
// "blog-title" or "header-title", which name an article's headline as often).
constexpr std::string_view k_logo_title_owners[] = {"site", "menu"};

// Path segments of author pages, whose link text is the author's name.
constexpr std::string_view k_author_path_segments[] = {"author", "authors", "autor", "autoren", "auteur",
                                                       "autore", "writer", "writers", "journalist", "redakteur",
                                                       "contributor", "contributors", "byline", "staff", "people",
                                                       "profile", "profiles", "user", "users", "u", "member",
                                                       "members", "expert", "experts"};
// Characters around an author page's link in its block (before and after it) beyond which the
// link stands in a sentence: a byline's label, date and desk take fewer ("Veröffentlicht am
// 3. Mai 2021 von" is 33).
constexpr std::size_t k_max_byline_line_around_link = 60;
// Nodes read on each side of the link for that text.
constexpr NodeId k_max_nodes_around_link = 64;
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
// Pagination (page kind): a link to page 2 or later of the page's own path (/news/page/2/,
// /c/shoes?page=3, /list?skip=50) says the page is the first of a listing's pages; an article
// split into pages links /slug/2/, and a forum thread's pages are told before. Query keys that
// number pages, and those that count entries skipped (from 1).
constexpr std::string_view k_page_number_keys[] = {"page", "paged", "pg"};
constexpr std::string_view k_page_offset_keys[] = {"skip", "start", "offset"};
constexpr std::size_t k_max_pagination_links = 16;  // kept per page for the check, at most
// Element ids of JavaScript application roots.
constexpr std::string_view k_app_root_ids[] = {"root", "app", "__next", "__nuxt", "___gatsby", "svelte", "main-app",
                                               "react-root", "ember-app", "q-app"};

template <std::size_t N>
bool one_of(std::string_view word, const std::string_view (&list)[N]) {
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// What a class or id token says, as bits: one hash lookup per token instead of a scan of every list.
enum TokenMeaning : unsigned {
    k_token_zone = 1u << 0,
    k_token_byline = 1u << 1,
    k_token_not_byline = 1u << 2,
    k_token_date = 1u << 3,
    k_token_paywall = 1u << 4,
    k_token_cart = 1u << 5,
    k_token_price = 1u << 6,
    k_token_post = 1u << 7,
    k_token_consent = 1u << 8,
    k_token_name = 1u << 9,
    k_token_title = 1u << 10,
    k_token_relative_time = 1u << 11,
};
// Class tokens of an element that shows a time as "3 hours ago" and holds the date in its title
// attribute (jQuery's timeago, Stack Exchange's relativetime, NodeBB): a <time datetime> by
// another name.
constexpr std::string_view k_relative_time_tokens[] = {"timeago", "relativetime"};
constexpr std::string_view k_paywall_tokens[] = {"paywall", "premium", "piano", "metered"};
constexpr std::string_view k_cart_tokens[] = {"cart", "basket", "addtocart", "checkout"};
constexpr std::string_view k_price_tokens[] = {"price", "prices", "pricing"};
constexpr std::string_view k_post_tokens[] = {"post", "message", "reply", "topic", "answer", "postbit", "thread"};
constexpr std::string_view k_consent_tokens[] = {"cookie", "consent", "gdpr"};

unsigned token_meaning(std::string_view token) {
    static const dom::TokenVocabulary k_meanings = dom::TokenVocabulary()
                                                       .add(k_zone_tokens, k_token_zone)
                                                       .add(k_byline_tokens, k_token_byline)
                                                       .add(k_not_byline_tokens, k_token_not_byline)
                                                       .add(k_date_tokens, k_token_date)
                                                       .add(k_paywall_tokens, k_token_paywall)
                                                       .add(k_cart_tokens, k_token_cart)
                                                       .add(k_price_tokens, k_token_price)
                                                       .add(k_post_tokens, k_token_post)
                                                       .add(k_consent_tokens, k_token_consent)
                                                       .add(k_headline_class_tokens, k_token_title)
                                                       .add(k_relative_time_tokens, k_token_relative_time)
                                                       .add("name", k_token_name);
    return k_meanings.bits(token);
}

unsigned token_meanings(const std::vector<std::string>& tokens) {
    unsigned bits = 0;
    for (const std::string& token : tokens) bits |= token_meaning(token);
    return bits;
}

struct Meta {
    std::string key;  // name, property, itemprop or http-equiv, lower case
    std::string content;
    bool rdfa = false;  // from a property= attribute (RDFa, OpenGraph), not name=
};

struct DomCandidate {
    NodeId node = 0;
    std::string text;
    std::size_t text_position = 0;  // body characters before it
};

// What a short label alone before a date says it is (see date_label).
enum class DateLabel : unsigned char { none, published, updated };

struct DateCandidate {
    NodeId node = 0;
    Date date;
    bool updated = false;    // labelled as a change ("Updated 3 May 2024")
    bool published = false;  // labelled as the publication
    std::string source;
    std::size_t text_position = 0;  // body characters before it
};

// A heading that may hold the headline on a page whose h1 does not: an h2, an h3 or an element
// whose class says title or headline.
struct HeadingCandidate {
    NodeId node = 0;
    std::string text;
    std::size_t text_position = 0;  // body characters before it
    bool in_zone = false;           // inside navigation, a sidebar, a footer, comments...
    std::string_view kind;          // "an h2", "an h3", "a title element", for --explain
};

// What the walk gathers before anything is chosen.
struct Gathered {
    std::vector<Meta> metas;
    JsonLdGraph graph;
    std::string html_lang, xml_lang, canonical_href, image_src;
    std::vector<DomCandidate> microdata_authors, microdata_authors_in_zones, rel_authors, byline_elements, byline_lines, author_links;
    // Author boxes anywhere outside the zones: the name after a label element alone ("Written
    // by", "Article by") and a person's photo whose alt text is the name written beside it.
    // plain_photo_names: such photos in no author-classed element (they count after the article only).
    std::vector<DomCandidate> labelled_names, photo_names, plain_photo_names;
    std::vector<DateCandidate> microdata_published, microdata_modified, time_dates, class_dates, text_dates;
    // Dates anywhere outside the zones with a label alone before them (date_label), in page order.
    std::vector<DateCandidate> labelled_dates;
    std::vector<std::size_t> h1_positions;  // body characters before each of Statements::h1s
    std::vector<NodeId> h1_nodes;           // the elements of Statements::h1s
    std::vector<std::string> logo_h1s;      // h1s that hold the site's name (a logo linked home)
    std::vector<std::string> microdata_headlines;
    std::vector<HeadingCandidate> headings;  // the first h2, h3 and title elements (headline_heading)
    std::vector<std::string> teaser_hosts;  // the host of each teaser link (headline link, linked heading); "" when relative
    std::vector<std::string> page_links;    // hrefs that may lead to a later page of this one (is_pagination_link)
};

std::string url_host(std::string_view url) {
    std::size_t start = url.find("://");
    if (start == std::string_view::npos) return {};
    start += 3;
    std::size_t end = url.find_first_of("/?#:", start);
    std::string host = ascii::lower(url.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (const std::size_t at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
    return host;
}

// An href that may number a later page ("/page/", "page=", "skip="...): kept for pagination_of.
bool may_be_page_link(std::string_view href) {
    if (href.find("/page/") != std::string_view::npos) return true;
    for (const auto* keys : {&k_page_number_keys, &k_page_offset_keys})
        for (std::string_view key : *keys)
            if (const std::size_t at = href.find(key); at != std::string_view::npos && href.substr(at + key.size()).starts_with('='))
                return true;
    return false;
}

// The path an absolute URL is a later page of: "/news" for /news/page/2/ or /news?page=2 (page 2
// or later, or 1 or more entries skipped), or "" when it numbers no later page.
std::string paginated_path(const std::string& link) {
    std::string path = url::path(link);
    while (path.size() > 1 && path.ends_with('/')) path.pop_back();
    if (const std::size_t slash = path.rfind('/'); slash != std::string::npos && slash >= 5 &&
        ascii::is_all_digits(std::string_view(path).substr(slash + 1)) && std::string_view(path).substr(slash - 5, 5) == "/page") {
        if (std::stoul(path.substr(slash + 1).substr(0, 9)) < 2) return {};
        path.resize(slash - 5);
        return path.empty() ? "/" : path;
    }
    std::string_view query(link);
    const std::size_t question = query.find('?');
    if (question == std::string_view::npos) return {};
    query = query.substr(question + 1, query.find('#', question) - question - 1);
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        const std::size_t equals = pair.find('=');
        if (equals == std::string_view::npos) continue;
        const std::string_view key = pair.substr(0, equals), value = pair.substr(equals + 1);
        if (!ascii::is_all_digits(value) || value.size() > 9) continue;
        const unsigned long number = std::stoul(std::string(value));
        if ((one_of(key, k_page_number_keys) && number >= 2) || (one_of(key, k_page_offset_keys) && number >= 1))
            return path.empty() ? "/" : path;
    }
    return {};
}

// True when two hosts are one site's: equal but for "www.", or one a subdomain of the other
// ("blog.example.com", "example.com").
bool same_site(std::string_view a, std::string_view b) {
    if (a.starts_with("www.")) a.remove_prefix(4);
    if (b.starts_with("www.")) b.remove_prefix(4);
    if (a.size() < b.size()) std::swap(a, b);
    return a == b || (a.ends_with(b) && a[a.size() - b.size() - 1] == '.');
}

// True when a link points to the site's home page: "/", "https://host/", "../index.html".
bool is_home_href(std::string_view href) {
    href = ascii::trim(href);
    if (const std::size_t scheme = href.find("://"); scheme != std::string_view::npos) {
        const std::size_t path = href.find('/', scheme + 3);
        href = path == std::string_view::npos ? std::string_view{} : href.substr(path);
    }
    while (href.starts_with("../") || href.starts_with("./")) href.remove_prefix(href.starts_with("./") ? 2 : 3);
    while (href.starts_with('/')) href.remove_prefix(1);
    return href.empty() || href == "index.html" || href == "index.htm" || href == "index.php";
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

// The keys of a meta tag's property or name: split at white space, "dc:" and "dcterms:" written
// "dc." and "dcterms.".
std::vector<std::string> split_meta_keys(std::string_view attribute) {
    std::vector<std::string> keys;
    std::size_t at = 0;
    while (at < attribute.size()) {
        while (at < attribute.size() && ascii::is_space(attribute[at])) ++at;
        std::size_t end = at;
        while (end < attribute.size() && !ascii::is_space(attribute[end])) ++end;
        if (end > at) {
            std::string key(attribute.substr(at, end - at));
            for (std::string_view prefix : {"dc:", "dcterms:"})
                if (key.starts_with(prefix)) key[prefix.size() - 1] = '.';
            keys.push_back(std::move(key));
        }
        at = end;
    }
    return keys;
}

std::vector<std::string> path_segments(std::string_view url) {
    std::vector<std::string> segments;
    std::size_t start = url.find("://");
    start = start == std::string_view::npos ? 0 : url.find('/', start + 3);
    if (start == std::string_view::npos) return segments;
    std::string_view path = url.substr(start);
    path = path.substr(0, path.find_first_of("?#"));
    std::size_t at = 0;
    while (at < path.size()) {
        std::size_t slash = path.find('/', at);
        if (slash == std::string_view::npos) slash = path.size();
        if (slash > at) segments.push_back(ascii::lower(path.substr(at, slash - at)));
        at = slash + 1;
    }
    return segments;
}

// The text of a small element, its text nodes joined by spaces (a name and the date after it in
// their own elements stay apart), collapsed; "" when the element is a container or the text long.
std::string line_text(const dom::Tree& tree, NodeId id) {
    const NodeId end = tree.node(id).subtree_end;
    if (end - id > k_max_line_nodes) return {};
    std::string joined;
    for (NodeId at = id; at < end; ++at)
        if (tree.node(at).type == dom::NodeType::text) {
            const dom::NodeId parent = tree.node(at).parent;
            // an icon's text (its <svg><title>, a tooltip) is not a word of the line: "Bluesky" on
            // a share bar's profile link is no author
            if (tree.is_element(parent, GUMBO_TAG_SVG)) continue;
            // inline formatting inside a word ("<b>J</b>ohn") is rare; elements are separate pieces
            if (!joined.empty() && parent != id) joined += ' ';
            joined += tree.node(at).text;
        }
    std::string text = decode::collapse_whitespace(joined);
    if (utf8::code_point_count(text) > k_max_byline_chars) return {};
    return text;
}

// Class tokens of an element at the start of an h1 that labels the thread or story, not part of its
// headline (a forum's thread prefix: <span class="label">Tips/Techniques</span> Headline).
constexpr std::string_view k_headline_label_tokens[] = {"label", "badge", "prefix"};
// Class tokens of an element inside an h1 that holds a line of its own beside the headline: a
// kicker above it ("<span class=article-header__roofline>") or a subtitle below it ("m-stage__subline").
// Such an h1 is two lines run together (Statements::h1s_two_lines).
constexpr std::string_view k_headline_line_tokens[] = {"kicker",   "roofline", "overline",    "eyebrow",
                                                       "topline",  "subline",  "subtitle",    "subheadline",
                                                       "subhead",  "dachzeile", "spitzmarke"};

// An element inside an h1, after the headline, that holds only a number or a host name in brackets
// is a news aggregator's comment count ("87") or source link ("(latimes.com)"), not the headline's.
// An annex is a small element ("<span><a>87</a></span>", "<span>(<a>latimes.com</a>)</span>"):
// larger ones are not read, so an h1 of many nested elements is walked once.
constexpr NodeId k_max_annex_nodes = 6;
bool is_headline_annex(std::string_view text) {
    if (text.empty()) return false;
    if (ascii::is_all_digits(text)) return true;
    return text.size() > 2 && text.front() == '(' && text.back() == ')' && is_host_name(text.substr(1, text.size() - 2));
}

// An h1's text without a label element in front of the headline, without a comment count or
// source link after it, without its permalink ("¶"), and without the text of a <style> or
// <script> inside it (CSS-in-JS frameworks put their rules next to the text).
std::string h1_text(const dom::Tree& tree, NodeId id) {
    NodeId from = id + 1;
    for (NodeId child = tree.node(id).first_child; child != dom::k_no_node; child = tree.node(child).next_sibling) {
        const dom::Node& node = tree.node(child);
        if (node.type == dom::NodeType::text) {
            if (!decode::collapse_whitespace(node.text).empty()) break;
            continue;
        }
        const auto tokens = dom::class_id_tokens(tree.attribute(child, "class"));
        if (std::none_of(tokens.begin(), tokens.end(), [](const std::string& t) { return one_of(t, k_headline_label_tokens); }))
            break;
        from = node.subtree_end;  // the label, and whatever decoration follows it, up to the headline
    }
    auto text_from = [&](NodeId start) {
        std::string joined;
        bool headline_seen = false;  // joined holds more than white space
        std::string annexes;  // counts and source links, kept only when headline text follows them
        for (NodeId at = start; at < tree.node(id).subtree_end; ++at) {
            const dom::Node& node = tree.node(at);
            if (tree.is_element(at, GUMBO_TAG_STYLE) || tree.is_element(at, GUMBO_TAG_SCRIPT) || dom::is_permalink_anchor(tree, at)) {
                at = node.subtree_end - 1;
            } else if (node.type == dom::NodeType::element && headline_seen && node.subtree_end - at <= k_max_annex_nodes) {
                std::string text = tree.text_content(at);
                if (!is_headline_annex(decode::collapse_whitespace(text))) continue;
                annexes += text;
                at = node.subtree_end - 1;
            } else if (node.type == dom::NodeType::text) {
                const bool shows_text = !decode::collapse_whitespace(node.text).empty();
                if (!annexes.empty() && shows_text) {
                    joined += annexes;
                    annexes.clear();
                }
                joined += node.text;
                headline_seen = headline_seen || shows_text;
            }
        }
        return clean_value(joined);
    };
    std::string text = text_from(from);
    return text.empty() && from != id + 1 ? text_from(id + 1) : text;
}

// True when an element inside the h1 holds a kicker or a subtitle (k_headline_line_tokens).
bool h1_has_two_lines(const dom::Tree& tree, NodeId id) {
    for (NodeId at = id + 1; at < tree.node(id).subtree_end; ++at)
        if (tree.node(at).type == dom::NodeType::element &&
            std::ranges::any_of(dom::class_id_tokens(tree.attribute(at, "class")),
                                [](const std::string& t) { return one_of(t, k_headline_line_tokens); }))
            return true;
    return false;
}

// Class and id tokens of an element inside a byline that holds the author's job, not the name
// ("<div class=author-title>Games Editor</div>" after the name).
constexpr std::string_view k_byline_role_tokens[] = {"title", "role", "job", "jobtitle", "position", "designation"};

// A byline element's text: line_text without the job titles inside it.
std::string byline_text(const dom::Tree& tree, NodeId id) {
    const NodeId end = tree.node(id).subtree_end;
    if (end - id > k_max_line_nodes) return {};
    std::string joined;
    for (NodeId at = id; at < end; ++at) {
        if (tree.node(at).type != dom::NodeType::text) continue;
        bool role = false;
        for (NodeId up = tree.node(at).parent; up != id && up != dom::k_no_node && !role; up = tree.node(up).parent) {
            const auto tokens = dom::element_class_id_tokens(tree, up);
            for (std::string_view token : k_byline_role_tokens)
                if (std::find(tokens.begin(), tokens.end(), token) != tokens.end()) role = true;
        }
        if (role) continue;
        if (!joined.empty() && tree.node(at).parent != id) joined += ' ';
        joined += tree.node(at).text;
    }
    std::string text = decode::collapse_whitespace(joined);
    if (utf8::code_point_count(text) > k_max_byline_chars) return {};
    return text;
}

// An element's machine-readable value: content, datetime or value attribute, else its text.
std::string property_value(const dom::Tree& tree, NodeId id) {
    for (std::string_view attribute : {"content", "datetime", "value"})
        if (tree.has_attribute(id, attribute)) return decode::collapse_whitespace(tree.attribute(id, attribute));
    if (tree.is_element(id, GUMBO_TAG_A) || tree.is_element(id, GUMBO_TAG_LINK)) {
        // a link's value is its text, unless it has none
        std::string text = line_text(tree, id);
        return text.empty() ? std::string(tree.attribute(id, "href")) : text;
    }
    return line_text(tree, id);
}

// The name inside a microdata author: its itemprop=name descendant, else its text.
std::string microdata_name(const dom::Tree& tree, NodeId id) {
    for (NodeId at = id + 1; at < tree.node(id).subtree_end; ++at) {
        if (tree.node(at).type != dom::NodeType::element) continue;
        const std::string_view itemprop = tree.attribute(at, "itemprop");
        if (itemprop == "name" || itemprop == "givenName") {
            if (tree.is_element(at, GUMBO_TAG_META)) return decode::collapse_whitespace(tree.attribute(at, "content"));
            if (itemprop == "givenName") {
                std::string given = line_text(tree, at);
                for (NodeId next = at + 1; next < tree.node(id).subtree_end; ++next)
                    if (tree.node(next).type == dom::NodeType::element && tree.attribute(next, "itemprop") == "familyName")
                        return given + " " + line_text(tree, next);
                return given;
            }
            return line_text(tree, at);
        }
    }
    return property_value(tree, id);
}

template <std::size_t N>
bool label_in(std::string_view text, const std::string_view (&words)[N]) {
    const std::string lowered = decode::to_lower(text);
    for (std::string_view word : words) {
        std::size_t at = lowered.find(word);
        while (at != std::string::npos) {
            const bool starts = at == 0 || !ascii::is_alpha(lowered[at - 1]);
            const bool ends = at + word.size() >= lowered.size() || !ascii::is_alpha(lowered[at + word.size()]);
            if (starts && ends) return true;
            at = lowered.find(word, at + 1);
        }
    }
    return false;
}

// True when a text holds four digits in a row, as every date find_date reads does (its year): the
// cheap test before a line is read for a labelled date (prices and counts have none).
bool has_year_digits(std::string_view text) {
    std::size_t run = 0;
    for (char c : text)
        if (!ascii::is_digit(c)) run = 0;
        else if (++run == 4) return true;
    return false;
}

// "Published July 8, 2025", "Last updated: November 13, 2025": what the words before the first date
// of `line` say when they are a label alone (at most k_max_date_label_words words, one of them a
// publication or change word); none for a longer lead or a line without a date.
DateLabel date_label(std::string_view line) {
    const std::size_t offset = date_offset(line);
    if (offset == 0 || offset >= line.size()) return DateLabel::none;
    std::vector<std::string> words;
    const std::string lead = decode::to_lower(line.substr(0, offset));
    for (std::string_view piece : ascii::split(lead, ' ')) {
        std::string word;  // without its ASCII punctuation ("Published:", "-")
        for (char c : piece)
            if (static_cast<unsigned char>(c) >= 128 || ascii::is_alnum(c)) word += c;
        if (!word.empty()) words.push_back(std::move(word));
    }
    if (words.empty() || words.size() > k_max_date_label_words) return DateLabel::none;
    for (const std::string& word : words)
        if (one_of(word, k_weak_label_words)) continue;
        else if (one_of(word, k_updated_words)) return DateLabel::updated;
    for (const std::string& word : words)
        if (one_of(word, k_weak_label_words)) continue;
        else if (one_of(word, k_published_words)) return DateLabel::published;
    return DateLabel::none;
}

DateCandidate date_candidate(NodeId node, const Date& date, std::string_view label_text, std::string source) {
    DateCandidate candidate{node, date, false, false, std::move(source), 0};
    candidate.updated = label_in(label_text, k_updated_words);
    candidate.published = !candidate.updated && label_in(label_text, k_published_words);
    return candidate;
}

void gather_json_ld(const dom::Tree& tree, NodeId id, Gathered& gathered) {
    std::string text = tree.text_content(id);
    if (text.size() > k_max_json_ld_bytes) return;
    if (auto document = parse_json_ld(text)) gathered.graph.add(std::move(*document));
}

class Walk {
public:
    Walk(const dom::Tree& tree, const Context& context, Statements& statements, Gathered& gathered)
        : m_tree(tree), m_context(context), m_statements(statements), m_gathered(gathered) {}

    void run() {
        const dom::Tree& tree = m_tree;
        const NodeId body = tree.body();
        for (NodeId id = 0; id < tree.size(); ++id) {
            while (!m_zones.empty() && m_zones.back() <= id) m_zones.pop_back();
            while (!m_fact_scopes.empty() && m_fact_scopes.back() <= id) m_fact_scopes.pop_back();
            while (!m_article_footers.empty() && m_article_footers.back() <= id) m_article_footers.pop_back();
            while (!m_article_ends.empty() && m_article_ends.back() <= id) m_article_ends.pop_back();
            while (!m_links.empty() && m_links.back() <= id) m_links.pop_back();
            const dom::Node& node = tree.node(id);
            const bool in_body = body != dom::k_no_node && tree.contains(body, id);
            if (node.type == dom::NodeType::text) {
                text_node(id, in_body);
                continue;
            }
            if (node.type != dom::NodeType::element) continue;
            element(id, in_body);
            // script, style and template text is not the page's
            if (node.tag == GUMBO_TAG_SCRIPT || node.tag == GUMBO_TAG_STYLE || node.tag == GUMBO_TAG_NOSCRIPT ||
                node.tag == GUMBO_TAG_TEMPLATE || node.tag == GUMBO_TAG_SVG)
                id = node.subtree_end - 1;
        }
    }

private:
    const dom::Tree& m_tree;
    const Context& m_context;
    Statements& m_statements;
    Gathered& m_gathered;
    std::vector<NodeId> m_zones;  // ends of the enclosing navigation, footer, comment... zones
    std::vector<NodeId> m_article_footers;  // ends of the enclosing <footer>s of an <article>
    std::vector<NodeId> m_article_ends;     // ends of the enclosing <article>s
    std::vector<NodeId> m_links;  // ends of the enclosing links
    std::vector<NodeId> m_fact_scopes;  // ends of the enclosing labelled table rows and quotations
    std::size_t m_text_position = 0;
    std::size_t m_text_dates_seen = 0;

    // An element whose class names a zone but that is the page's layout, not a zone in it: the
    // body ("single-post no-sidebar", "right-sidebar": its class says what the layout has), or an
    // element that holds the page's main element or an h1 ("content-area newspaper-x-sidebar",
    // the column beside a sidebar). Inside a zone already nothing changes, so only outermost zones
    // are looked into; and the main element or h1 found last is kept, so wrappers nested around
    // the same one (a page of 10,000 nested "sidebar" divs) are told in one step: the walk stays
    // linear.
    bool is_layout_wrapper(NodeId id) {
        if (!m_zones.empty()) return false;
        if (id == m_tree.body()) return true;
        const NodeId end = m_tree.node(id).subtree_end;
        if (m_layout_main != dom::k_no_node && id < m_layout_main && m_layout_main < end) return true;
        for (NodeId at = id + 1; at < end; ++at) {
            const dom::Node& node = m_tree.node(at);
            if (node.type != dom::NodeType::element) continue;
            if (node.tag == GUMBO_TAG_MAIN || node.tag == GUMBO_TAG_H1 ||
                (node.attribute_count > 0 && ascii::iequals(m_tree.attribute(at, "role"), "main"))) {
                m_layout_main = at;
                return true;
            }
        }
        return false;
    }
    NodeId m_layout_main = dom::k_no_node;  // the main element or h1 the last layout wrapper holds

    bool in_zone() const { return !m_zones.empty() || !m_article_footers.empty(); }
    bool in_page_zone() const { return !m_zones.empty(); }  // an article's own footer is not one
    // Inside a table row whose header cell labels its value ("Founded | February 28, 1998", an
    // infobox's or a specification's row), a date is a fact about the subject; inside a quotation
    // (<blockquote>: an embedded post, a cited message), the quoted text's. Neither is the page's.
    bool in_fact_scope() const { return !m_fact_scopes.empty(); }

    // <tr><th>Founded</th><td>February 28, 1998</td></tr>: a header cell and a data cell.
    bool is_labelled_row(NodeId id) const {
        bool header = false, data = false;
        for (NodeId at = id + 1; at < m_tree.node(id).subtree_end; at = m_tree.node(at).subtree_end) {
            header = header || m_tree.is_element(at, GUMBO_TAG_TH);
            data = data || m_tree.is_element(at, GUMBO_TAG_TD);
        }
        return header && data;
    }

    void text_node(NodeId id, bool in_body) {
        if (!in_body) return;
        const std::string& raw = m_tree.node(id).text;
        const std::size_t chars = utf8::code_point_count(raw);
        // Short lines with a digit may be a date: "Jun 08, 2023 • 11 Minute Read".
        if (!in_zone() && !in_fact_scope() && chars <= k_max_byline_chars && chars >= 6 && m_text_dates_seen < k_max_text_date_lines &&
            std::any_of(raw.begin(), raw.end(), [](char c) { return ascii::is_digit(c); })) {
            ++m_text_dates_seen;
            // the label may be in the element before ("Published on:" <span>DATE</span>)
            const NodeId parent = m_tree.node(id).parent;
            std::string label = decode::collapse_whitespace(raw);
            if (parent != dom::k_no_node) {
                const NodeId grandparent = m_tree.node(parent).parent;
                if (std::string context = line_text(m_tree, grandparent != dom::k_no_node ? grandparent : parent);
                    !context.empty())
                    label = context;
            }
            if (auto date = find_date(raw, m_day_order)) {
                DateCandidate candidate = date_candidate(id, *date, label, "text");
                candidate.text_position = m_text_position;
                m_gathered.text_dates.push_back(std::move(candidate));
            }
        }
        if (!in_zone() && !in_fact_scope() && chars <= k_max_byline_chars && chars >= 6 && has_year_digits(raw))
            labelled_date(id);
        m_statements.signals.body_chars += chars;
        if (!m_links.empty()) m_statements.signals.link_chars += chars;
        m_text_position += chars;
    }

    // A date line with a label alone before it: in the text itself ("Last updated: November 13,
    // 2025"), or in the element before it, read in the parent's or grandparent's line
    // (<h4>Published</h4><div>July 8, 2025</div>).
    void labelled_date(NodeId id) {
        if (m_gathered.labelled_dates.size() >= k_max_labelled_dates) return;
        const std::string& raw = m_tree.node(id).text;
        std::optional<Date> date;
        NodeId at = id;
        std::string previous;
        for (int up = 0; up < 3 && at != dom::k_no_node; ++up, at = m_tree.node(at).parent) {
            std::string context = up == 0 ? decode::collapse_whitespace(raw) : line_text(m_tree, at);
            if (context.empty() || context == previous) continue;  // an element of this text alone
            previous = context;
            if (!(label_in(context, k_published_words) || label_in(context, k_updated_words))) continue;
            const DateLabel label = date_label(context);
            if (label == DateLabel::none) continue;
            if (!date) date = find_date(raw, m_day_order);
            if (!date) return;
            // the label's date is this text's, not an earlier one in the same line
            if (auto labelled = find_date(context, m_day_order); !labelled || !labelled->same_day_either_order(*date)) continue;
            DateCandidate candidate{id, *date, label == DateLabel::updated, label == DateLabel::published,
                                    "text labelled \"" +
                                        std::string(ascii::trim(std::string_view(context).substr(0, date_offset(context)))) + "\"",
                                    m_text_position};
            m_gathered.labelled_dates.push_back(std::move(candidate));
            return;
        }
    }

public:
    DayOrder m_day_order = DayOrder::month_first;

private:
    void element(NodeId id, bool in_body) {
        const dom::Tree& tree = m_tree;
        const dom::Node& node = tree.node(id);
        PageSignals& signals = m_statements.signals;
        switch (node.tag) {
            case GUMBO_TAG_TITLE:
                if (m_statements.html_title.empty())
                    m_statements.html_title = clean_value(tree.text_content(id));
                return;
            case GUMBO_TAG_META: {
                std::string key = ascii::lower(tree.attribute(id, "property"));
                const bool rdfa = !key.empty();
                if (key.empty()) key = ascii::lower(tree.attribute(id, "name"));
                if (key.empty()) key = ascii::lower(tree.attribute(id, "itemprop"));
                if (key.empty()) key = ascii::lower(tree.attribute(id, "http-equiv"));
                std::string content = decode::collapse_whitespace(tree.attribute(id, "content"));
                // RDFa allows several properties in one attribute ("dc:creator twitter:site_name"),
                // and writes Dublin Core with a colon where HTML meta names use a dot.
                if (!content.empty())
                    for (std::string one : split_meta_keys(key)) m_gathered.metas.push_back({std::move(one), content, rdfa});
                break;  // a microdata <meta itemprop> is read below too
            }
            case GUMBO_TAG_LINK: {
                const std::string rel = ascii::lower(tree.attribute(id, "rel"));
                if (rel == "canonical" && m_gathered.canonical_href.empty())
                    m_gathered.canonical_href = decode::collapse_whitespace(tree.attribute(id, "href"));
                if (rel == "next") page_link(id);
                if (rel == "image_src" && m_gathered.image_src.empty())
                    m_gathered.image_src = decode::collapse_whitespace(tree.attribute(id, "href"));
                return;
            }
            case GUMBO_TAG_SCRIPT:
                if (ascii::lower(tree.attribute(id, "type")).find("ld+json") != std::string::npos)
                    gather_json_ld(tree, id, m_gathered);
                return;
            case GUMBO_TAG_H1:
                if (in_body) {
                    std::string text = h1_text(tree, id);
                    if (!text.empty() && is_logo_h1(id, text)) {
                        m_gathered.logo_h1s.push_back(std::move(text));
                    } else if (!text.empty()) {
                        m_statements.h1s.push_back(std::move(text));
                        m_statements.h1s_two_lines.push_back(h1_has_two_lines(tree, id));
                        m_gathered.h1_positions.push_back(m_text_position);
                        m_gathered.h1_nodes.push_back(id);
                        for (NodeId at = node.parent; at != dom::k_no_node; at = tree.node(at).parent)
                            if (tree.is_element(at, GUMBO_TAG_ARTICLE)) m_statements.signals.h1_in_article = true;
                    }
                    // What holds the headline is not a navigation or related-links zone, whatever its
                    // class says (a theme's breadcrumbs element left open around the whole header).
                    m_zones.clear();
                    m_article_footers.clear();
                }
                break;
            case GUMBO_TAG_H2:
            case GUMBO_TAG_H3:
            case GUMBO_TAG_H4:
                if (in_body && !in_zone()) {
                    ++signals.headings;
                    if (NodeId link = heading_link(id); link != dom::k_no_node) {
                        ++signals.linked_headings;
                        m_gathered.teaser_hosts.push_back(url_host(m_tree.attribute(link, "href")));
                    }
                }
                break;
            case GUMBO_TAG_FOOTER:
                // An <article>'s own footer holds its author's rel=author link (HTML: "information
                // about its section such as who wrote it"); still no zone for bylines and dates.
                (m_article_ends.empty() ? m_zones : m_article_footers).push_back(node.subtree_end);
                break;
            case GUMBO_TAG_NAV:
            case GUMBO_TAG_ASIDE:
                m_zones.push_back(node.subtree_end);
                break;
            case GUMBO_TAG_ARTICLE:
                if (in_body) ++signals.article_elements;
                m_article_ends.push_back(node.subtree_end);
                break;
            case GUMBO_TAG_CITE:
                // the title of a cited work (a list of references), not a teaser
                if (in_body) m_cite_end = std::max(m_cite_end, node.subtree_end);
                break;
            case GUMBO_TAG_HEADER:
                // The site's header (not an article's or the main region's): its menus are
                // navigation however long their entries are.
                if (in_body && m_site_header_end <= id && !inside_article_or_main(id)) m_site_header_end = node.subtree_end;
                break;
            case GUMBO_TAG_PRE:
                if (in_body) ++signals.code_blocks;
                break;
            case GUMBO_TAG_TR:
                if (in_body && is_labelled_row(id)) m_fact_scopes.push_back(node.subtree_end);
                break;
            case GUMBO_TAG_BLOCKQUOTE:
                if (in_body) m_fact_scopes.push_back(node.subtree_end);
                break;
            case GUMBO_TAG_A:
                m_links.push_back(node.subtree_end);
                if (in_body) page_link(id);  // in navigation too: a listing's pages are numbered in a <nav>
                // (not in the site's header, not an inline link of a prose paragraph, not a citation)
                if (in_body && !in_zone() && id >= m_site_header_end && id >= m_prose_end && id >= m_cite_end &&
                    node.subtree_end - id <= k_max_line_nodes) {
                    // a headline-like link: a teaser's title
                    const std::string text = decode::collapse_whitespace(tree.text_content(id));
                    const std::size_t words = static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) + 1;
                    if (text.size() >= 25 && words >= 4 && words <= 30) {
                        ++signals.headline_links;
                        m_gathered.teaser_hosts.push_back(url_host(tree.attribute(id, "href")));
                    }
                }
                break;
            case GUMBO_TAG_P:
                if (in_body && node.subtree_end - id <= 200) prose_paragraph(id);
                break;
            case GUMBO_TAG_LI:
                if (in_body && !in_zone() && node.subtree_end - id <= 200) prose_item(id);
                break;
            case GUMBO_TAG_TIME:
            case GUMBO_TAG_UNKNOWN:
                if (in_body && is_time_element(node)) time_element(id, "datetime");
                break;
            case GUMBO_TAG_IMG:
                if (in_body && m_statements.image_descriptions.size() < k_max_image_description_bytes)
                    if (std::string alt = decode::collapse_whitespace(tree.attribute(id, "alt")); !alt.empty())
                        m_statements.image_descriptions += (m_statements.image_descriptions.empty() ? "" : "\n") + alt;
                if (in_body && !in_zone()) author_photo(id);
                break;
            default:
                break;
        }
        if (in_body && (node.tag == GUMBO_TAG_H2 || node.tag == GUMBO_TAG_H3))
            heading_candidate(id, node.tag == GUMBO_TAG_H2 ? "an h2" : "an h3");
        if (in_body && !in_zone()) byline_line(id);
        if (node.attribute_count == 0) return;
        attributes(id, in_body);
    }

    // An h2, an h3 or an element whose class says title or headline (`kind`), with a headline's
    // text: kept for headline_heading (the first k_max_headline_headings of the body).
    void heading_candidate(NodeId id, std::string_view kind) {
        if (m_gathered.headings.size() >= k_max_headline_headings) return;
        if (m_tree.node(id).subtree_end - id > k_max_heading_nodes) return;
        std::string text = clean_value(m_tree.text_content(id));
        if (text.empty() || utf8::code_point_count(text) > k_max_heading_chars) return;
        m_gathered.headings.push_back({id, std::move(text), m_text_position, in_zone(), kind});
    }

    // The first non-empty text inside an element, collapsed.
    std::string first_text(NodeId id) const {
        const NodeId end = m_tree.node(id).subtree_end;
        for (NodeId at = id + 1; at < end; ++at)
            if (m_tree.node(at).type == dom::NodeType::text)
                if (std::string text = decode::collapse_whitespace(m_tree.node(at).text); !text.empty()) return text;
        return {};
    }

    // "By Jane Roe", "Von Eva Muster": a short element whose first words are a byline word; or
    // an element that holds the byline word alone ("Written by") before the one with the name.
    void byline_line(NodeId id) {
        const dom::Node& node = m_tree.node(id);
        if (node.subtree_end - id > k_max_line_nodes || node.subtree_end == id + 1) return;
        std::string_view first;
        for (NodeId at = id + 1; at < node.subtree_end && first.empty(); ++at)
            if (m_tree.node(at).type == dom::NodeType::text) first = ascii::trim(m_tree.node(at).text);
        if (first.empty() || first.size() > k_max_byline_chars) return;
        // A cheap test before the text is built: the first text opens with a byline word.
        const std::string probe = after_byline_word(std::string(first) + " x");
        if (probe.empty()) return;
        std::string text = line_text(m_tree, id);
        if (is_byline_label(text)) {
            for (NodeId next = node.next_sibling; next != dom::k_no_node; next = m_tree.node(next).next_sibling)
                if (m_tree.node(next).type == dom::NodeType::element) {
                    if (std::string name = line_text(m_tree, next); !name.empty()) {
                        if (is_author_label(text)) m_gathered.labelled_names.push_back({next, name, m_text_position});
                        m_gathered.byline_lines.push_back({next, std::move(name), m_text_position});
                    }
                    break;
                }
            return;
        }
        if (std::string rest = after_byline_word(text); !rest.empty()) {
            if (!m_gathered.byline_lines.empty() && m_tree.contains(m_gathered.byline_lines.back().node, id)) return;
            // "Written by <a>Jane Roe</a>" in one element: the role's label and the name, as an
            // author box after the article writes them; capitalised ("Author names" is a list's
            // item, "Autor: red" the desk's abbreviation)
            if (!ascii::is_lower(rest.front()) && text.ends_with(rest) &&
                is_author_label(std::string_view(text).substr(0, text.size() - rest.size())) && !among_labelled_facts(id))
                m_gathered.labelled_names.push_back({id, rest, m_text_position});
            m_gathered.byline_lines.push_back({id, std::move(rest), m_text_position});
        }
    }

    // A line among labelled facts: the element before or after it also opens with a label and a
    // colon ("Titel: The Casquette Girls", "Autorin: Alys Arden", "Verlag: ..."): a reviewed book's
    // or a product's details, whose author is not the page's.
    bool among_labelled_facts(NodeId id) const {
        for (const bool before : {true, false}) {
            auto step = [&](NodeId n) { return before ? m_tree.node(n).prev_sibling : m_tree.node(n).next_sibling; };
            NodeId at = step(id);
            while (at != dom::k_no_node && m_tree.node(at).type != dom::NodeType::element) at = step(at);
            if (at == dom::k_no_node || m_tree.node(at).subtree_end - at > k_max_line_nodes) continue;
            const std::string line = line_text(m_tree, at);
            const std::size_t colon = line.find(':');
            if (colon != std::string::npos && colon > 0 && colon <= k_max_fact_label_chars &&
                std::count(line.begin(), line.begin() + colon, ' ') < 2)
                return true;
        }
        return false;
    }

    bool has_class_token(NodeId id, std::string_view token) const {
        const auto tokens = dom::class_id_tokens(m_tree.attribute(id, "class"));
        return std::find(tokens.begin(), tokens.end(), token) != tokens.end();
    }

    // True when the element or one of its nearest ancestors has a class or id of an author's
    // ("author-box", "post-author-wrapper", "byline"): a photo there is the author's.
    bool in_author_element(NodeId id) const {
        NodeId at = id;
        for (int up = 0; up <= k_author_element_levels && at != dom::k_no_node; ++up, at = m_tree.node(at).parent) {
            if (token_meanings(dom::element_class_id_tokens(m_tree, at)) & k_token_byline) return true;
        }
        return false;
    }

    // An author box's photo: an image whose alt text is a person's name, in a small element (its
    // parent or grandparent) whose text writes the same name, or alone in its paragraph with the
    // name opening the next ("<p><img alt="Tim Green"></p><p><strong>Tim Green</strong> UK-based
    // ...", "Jane Roe is a freelance writer"). A figure's or a caption's photo of a person is no
    // author's, one name in alt text alone is a picture's description, and outside an
    // author-classed element a name written as a link is a teaser card's title or a footer link.
    void author_photo(NodeId id) {
        const std::string alt = clean_value(m_tree.attribute(id, "alt"));
        if (alt.empty() || !looks_like_person(alt) || in_media(id)) return;
        const bool author_element = in_author_element(id);
        // the name as a text of the box, not a link's (a teaser card's title, a footer's link)
        auto writes_name = [&](NodeId scope, bool first_only) {
            for (NodeId at = scope + 1; at < m_tree.node(scope).subtree_end; ++at) {
                if (m_tree.node(at).type != dom::NodeType::text) continue;
                const std::string text = decode::collapse_whitespace(m_tree.node(at).text);
                if (text.empty()) continue;
                bool in_link = false;
                for (NodeId up = m_tree.node(at).parent; up != dom::k_no_node && !in_link; up = m_tree.node(up).parent) {
                    in_link = m_tree.is_element(up, GUMBO_TAG_A);
                    if (up == scope) break;
                }
                const std::size_t at_name = text.find(alt);
                if (at_name != std::string::npos && (!first_only || at_name == 0) && stands_whole(text, at_name, alt.size()) &&
                    (author_element || !in_link))
                    return true;
                if (first_only) return false;
            }
            return false;
        };
        NodeId box = m_tree.node(id).parent;
        for (int up = 0; up < 2 && box != dom::k_no_node; ++up, box = m_tree.node(box).parent) {
            if (m_tree.node(box).subtree_end - box > k_max_author_box_nodes) return;
            if (!author_element && has_class_token(box, k_caption_token)) return;
            bool found = writes_name(box, false);
            // the photo alone in its paragraph, the name opening the next ("<p><img></p><p>Jane Roe is ...")
            NodeId next = m_tree.node(box).next_sibling;
            while (!found && next != dom::k_no_node && m_tree.node(next).type != dom::NodeType::element)
                next = m_tree.node(next).next_sibling;
            if (!found && next != dom::k_no_node && m_tree.node(next).subtree_end - next <= k_max_author_box_nodes)
                found = writes_name(next, true);
            if (found) {
                (author_element ? m_gathered.photo_names : m_gathered.plain_photo_names).push_back({id, alt, m_text_position});
                return;
            }
        }
    }

    // True when an element's text is prose: k_prose_paragraph_chars or more, at most half of it in
    // links. A list item (`item`) with a paragraph, a list or a div inside holds blocks, not prose.
    bool is_prose(NodeId id, bool item) const {
        std::size_t chars = 0, link_chars = 0;
        const NodeId end = m_tree.node(id).subtree_end;
        NodeId link_end = 0;
        for (NodeId at = id + 1; at < end; ++at) {
            const dom::Node& n = m_tree.node(at);
            if (item && n.type == dom::NodeType::element &&
                (n.tag == GUMBO_TAG_P || n.tag == GUMBO_TAG_UL || n.tag == GUMBO_TAG_OL || n.tag == GUMBO_TAG_DIV))
                return false;
            if (n.type == dom::NodeType::element && n.tag == GUMBO_TAG_A) link_end = n.subtree_end;
            if (n.type != dom::NodeType::text) continue;
            const std::size_t c = utf8::code_point_count(n.text);
            chars += c;
            if (at < link_end) link_chars += c;
        }
        return chars >= k_prose_paragraph_chars && link_chars * 2 <= chars;
    }

    void page_link(NodeId id) {
        if (m_gathered.page_links.size() >= k_max_pagination_links) return;
        const std::string_view href = ascii::trim(m_tree.attribute(id, "href"));
        if (may_be_page_link(href)) m_gathered.page_links.emplace_back(href);
    }

    // A paragraph of prose (long, not a link): counted, and counted for its parent, since an
    // article's paragraphs stand side by side while a listing's teasers each sit in a card.
    void prose_paragraph(NodeId id) {
        if (!is_prose(id, false)) return;
        PageSignals& signals = m_statements.signals;
        ++signals.paragraph_count;
        m_prose_end = m_tree.node(id).subtree_end;
        if (!m_links.empty()) return;
        const NodeId parent = m_tree.node(id).parent;
        prose_block(parent);
        if (parent == m_prose_parent) ++m_prose_run;
        else m_prose_parent = parent, m_prose_run = 1;
        signals.max_sibling_prose = std::max(signals.max_sibling_prose, m_prose_run);
    }
    // A list item written as a paragraph (tips, steps): long, not a link, no paragraphs or lists
    // inside; counted for its list.
    void prose_item(NodeId id) {
        if (!m_links.empty() || !is_prose(id, true)) return;
        const NodeId list = m_tree.node(id).parent;
        if (list != dom::k_no_node) prose_block(m_tree.node(list).parent);
    }
    // Prose paragraphs and prose list items side by side: a paragraph counts for its parent, a list
    // item for its list's parent (tips written one list each, a paragraph then its list).
    void prose_block(NodeId parent) {
        if (parent == m_block_parent) ++m_block_run;
        else m_block_parent = parent, m_block_run = 1;
        m_statements.signals.max_sibling_prose_blocks = std::max(m_statements.signals.max_sibling_prose_blocks, m_block_run);
    }
    NodeId m_block_parent = dom::k_no_node;
    std::size_t m_block_run = 0;
    NodeId m_prose_parent = dom::k_no_node;
    std::size_t m_prose_run = 0;
    NodeId m_prose_end = 0;        // end of the last prose paragraph: its links are inline, not teasers
    NodeId m_site_header_end = 0;  // end of the site's <header>
    NodeId m_cite_end = 0;         // end of the last <cite>

    bool inside_article_or_main(NodeId id) const {
        for (NodeId at = m_tree.node(id).parent; at != dom::k_no_node; at = m_tree.node(at).parent)
            if (m_tree.is_element(at, GUMBO_TAG_ARTICLE) || m_tree.is_element(at, GUMBO_TAG_MAIN)) return true;
        return false;
    }

    // The link of a linked heading: <h2><a href="/post">Title</a></h2> or <a href="/post"><h2>Title</h2></a>;
    // k_no_node for a heading that is no link.
    NodeId heading_link(NodeId id) const {
        if (!m_links.empty()) {
            for (NodeId at = m_tree.node(id).parent; at != dom::k_no_node; at = m_tree.node(at).parent)
                if (m_tree.is_element(at, GUMBO_TAG_A)) return at;
            return id;
        }
        for (NodeId at = id + 1; at < m_tree.node(id).subtree_end; ++at)
            if (m_tree.is_element(at, GUMBO_TAG_A) && m_tree.has_attribute(at, "href") &&
                !m_tree.attribute(at, "href").starts_with("#"))
                return at;
        return dom::k_no_node;
    }

    // <time>, or GitHub's and others' <relative-time datetime="...">: a <time> as a custom element.
    static bool is_time_element(const dom::Node& node) {
        return node.tag == GUMBO_TAG_TIME || (node.tag == GUMBO_TAG_UNKNOWN && node.tag_name == "relative-time");
    }

    // A <time> element, or an element like one: its date in the attribute `date_attribute`
    // (datetime, or title for a relative time's element), else in its text.
    void time_element(NodeId id, std::string_view date_attribute) {
        ++m_statements.signals.time_elements;
        if (in_zone() || in_fact_scope()) return;
        std::string value(m_tree.attribute(id, date_attribute));
        std::string text = line_text(m_tree, id);
        auto date = find_date(value.empty() ? text : value, m_day_order);
        if (!date && !value.empty()) date = find_date(text, m_day_order);
        if (!date) return;
        const NodeId parent = m_tree.node(id).parent;
        std::string label = text + " " + std::string(m_tree.attribute(id, "class")) + " " +
                            std::string(m_tree.attribute(id, "itemprop"));
        if (parent != dom::k_no_node) label += " " + line_text(m_tree, parent) + " " + std::string(m_tree.attribute(parent, "class"));
        if (m_tree.has_attribute(id, "pubdate")) label += " published";
        DateCandidate candidate =
            date_candidate(id, *date, label, date_attribute == "title" ? "a relative time's title" : "<time datetime>");
        candidate.text_position = m_text_position;
        m_gathered.time_dates.push_back(std::move(candidate));
    }

    // An h1 that holds the site's name: its class (or its parent's) says logo or site title, its
    // whole text links to the home page, or it is a host name. Such an h1 is no headline.
    bool is_logo_h1(NodeId id, std::string_view text) const {
        const dom::Tree& tree = m_tree;
        if (is_host_name(text)) return true;
        for (NodeId at : {id, tree.node(id).parent}) {
            if (at == dom::k_no_node) continue;
            const auto tokens = dom::element_class_id_tokens(tree, at);
            auto has = [&](std::string_view token) { return std::find(tokens.begin(), tokens.end(), token) != tokens.end(); };
            for (std::string_view token : k_logo_tokens)
                if (has(token)) return true;
            if (has("title") || has("name"))
                for (std::string_view owner : k_logo_title_owners)
                    if (has(owner)) return true;
        }
        for (NodeId at = id + 1; at < tree.node(id).subtree_end; ++at)
            if (tree.is_element(at, GUMBO_TAG_A))
                return is_home_href(tree.attribute(at, "href")) && clean_value(tree.text_content(at)) == text;
        return false;
    }

    // The meanings of a class or id value's tokens. They depend on the value alone, so each
    // distinct value of the page is read once (the views point into the tree, which outlives the walk).
    std::unordered_map<std::string_view, unsigned> m_value_meanings;
    std::string m_token;  // for_each_class_id_token's scratch
    unsigned value_meanings(std::string_view value) {
        if (value.empty()) return 0;
        auto [it, added] = m_value_meanings.try_emplace(value, 0);
        if (added) {
            // "has-sidebar", "with-sidebar", "no-sidebar": a layout's modifier says the element is laid
            // out beside a sidebar, not that it is one (a blog's column of posts).
            bool modifier = false;
            dom::for_each_class_id_token(value, m_token, [&](std::string_view token) {
                const unsigned bits = token_meaning(token);
                it->second |= modifier ? bits & ~k_token_zone : bits;
                modifier = one_of(token, k_layout_modifier_tokens);
            });
        }
        return it->second;
    }

    void attributes(NodeId id, bool in_body) {
        const dom::Tree& tree = m_tree;
        PageSignals& signals = m_statements.signals;
        const std::string_view class_attribute = tree.attribute(id, "class"), id_attribute = tree.attribute(id, "id");
        const unsigned meanings = value_meanings(class_attribute) | value_meanings(id_attribute);

        // Zones: navigation, footers, sidebars, comments, related lists.
        const std::string role = ascii::lower(tree.attribute(id, "role"));
        if (in_body && (((meanings & k_token_zone) && !is_layout_wrapper(id)) || role == "navigation" ||
                        role == "contentinfo" || role == "complementary"))
            m_zones.push_back(tree.node(id).subtree_end);

        // a relative time's class on an element that element() has not read as a time already
        if (in_body && (meanings & k_token_relative_time) && !is_time_element(tree.node(id))) time_element(id, "title");

        // Microdata and RDFa.
        if (const std::string_view itemtype = tree.attribute(id, "itemtype"); !itemtype.empty()) {
            const std::string type(itemtype.substr(itemtype.find_last_of("/:#") == std::string_view::npos
                                                        ? 0
                                                        : itemtype.find_last_of("/:#") + 1));
            if (one_of(type, k_article_types) && type != "DiscussionForumPosting" && type != "Question")
                ++signals.microdata_articles;
            if (type == "Comment" || type == "Answer" || type == "DiscussionForumPosting" || type == "Question")
                ++signals.microdata_posts;
            if (type == "Product" || type == "Offer" || type == "AggregateOffer") ++signals.microdata_products;
        }
        std::string property(tree.attribute(id, "itemprop"));
        if (property.empty() && !tree.is_element(id, GUMBO_TAG_META)) {
            // RDFa: property="dc:creator", property="schema:datePublished"
            std::string_view rdfa = tree.attribute(id, "property");
            if (const std::size_t colon = rdfa.find(':'); colon != std::string_view::npos) rdfa = rdfa.substr(colon + 1);
            property = std::string(rdfa);
        }
        if (!property.empty()) microdata_property(id, property, in_body);

        if (!in_body) return;
        if ((meanings & k_token_title) && !tree.is_element(id, GUMBO_TAG_H1) && !tree.is_element(id, GUMBO_TAG_H2) &&
            !tree.is_element(id, GUMBO_TAG_H3))
            heading_candidate(id, "a title element");
        const std::string_view rel = tree.attribute(id, "rel");
        if (!rel.empty() && !tree.is_element(id, GUMBO_TAG_LINK) && dom::class_id_tokens(rel).size() &&
            ascii::lower(rel).find("author") != std::string::npos && !in_page_zone()) {
            if (std::string text = line_text(tree, id); !text.empty()) m_gathered.rel_authors.push_back({id, text, m_text_position});
        }
        if (meanings == 0) {
            author_link(id);
            return;
        }
        // Page-kind marks.
        if (meanings & k_token_paywall) signals.paywall_mark = true;
        if (meanings & k_token_cart) ++signals.cart_marks;
        if (meanings & k_token_price) ++signals.price_marks;
        if (meanings & k_token_post) ++signals.post_marks;
        if (meanings & k_token_consent) signals.consent_mark = true;
        // "author-box__name": an author's name, even inside the author's box
        const bool byline_tokens = (meanings & k_token_byline) && (!(meanings & k_token_not_byline) || (meanings & k_token_name));
        if (byline_tokens) ++signals.author_marks;
        if (in_zone()) return;
        if (byline_tokens) {
            if (std::string text = byline_text(tree, id); !text.empty()) {
                m_gathered.byline_elements.push_back({id, text, m_text_position});
                // "Jane Roe · May 3, 2024": the element's first text alone, as a second chance
                const std::string first = first_text(id);
                if (!first.empty() && first != text) m_gathered.byline_elements.push_back({id, first, m_text_position});
            }
        }
        if ((meanings & k_token_date) && !byline_tokens && !in_fact_scope()) {
            if (std::string text = line_text(tree, id); !text.empty())
                if (auto date = find_date(text, m_day_order)) {
                    const std::string class_value = std::string(class_attribute) + " " + std::string(id_attribute);
                    DateCandidate candidate = date_candidate(id, *date, text + " " + class_value, "date element");
                    candidate.text_position = m_text_position;
                    m_gathered.class_dates.push_back(std::move(candidate));
                }
        }
        author_link(id);
    }

    void microdata_property(NodeId id, std::string_view property, bool in_body) {
        const dom::Tree& tree = m_tree;
        // itemprop may list several properties: "author creator"
        std::size_t start = 0;
        while (start < property.size()) {
            std::size_t end = property.find(' ', start);
            if (end == std::string_view::npos) end = property.size();
            const std::string_view one = property.substr(start, end - start);
            start = end + 1;
            if (one == "author" || one == "creator") {
                // Explicit markup counts even in an aside (a blog's byline column), but not a
                // photo's or a video's credit.
                if (!in_media(id)) {
                    std::string name = microdata_name(tree, id);
                    if (!name.empty())
                        (in_zone() && in_body ? m_gathered.microdata_authors_in_zones : m_gathered.microdata_authors)
                            .push_back({id, name, m_text_position});
                }
            } else if (one == "datePublished" || one == "dateCreated" || one == "dateModified" || one == "uploadDate") {
                if (in_zone() && in_body) continue;
                std::string value = property_value(tree, id);
                if (auto date = find_date(value, m_day_order)) {
                    DateCandidate candidate{id, *date, one == "dateModified", one != "dateModified",
                                            "microdata " + std::string(one), m_text_position};
                    (one == "dateModified" ? m_gathered.microdata_modified : m_gathered.microdata_published)
                        .push_back(std::move(candidate));
                }
            } else if (one == "headline") {
                if (std::string text = line_text(tree, id); !text.empty()) m_gathered.microdata_headlines.push_back(text);
            } else if (one == "price" || one == "lowPrice" || one == "priceCurrency") {
                ++m_statements.signals.price_marks;
            }
        }
    }

    // True inside a figure or a microdata ImageObject, VideoObject or Photograph.
    bool in_media(NodeId id) const {
        for (NodeId at = m_tree.node(id).parent; at != dom::k_no_node; at = m_tree.node(at).parent) {
            if (m_tree.is_element(at, GUMBO_TAG_FIGURE) || m_tree.is_element(at, GUMBO_TAG_FIGCAPTION)) return true;
            const std::string_view type = m_tree.attribute(at, "itemtype");
            if (type.ends_with("ImageObject") || type.ends_with("VideoObject") || type.ends_with("Photograph")) return true;
            if (!type.empty()) return false;  // the nearest item decides
        }
        return false;
    }

    // <a href="/author/jane-roe">Jane Roe</a>
    void author_link(NodeId id) {
        if (!m_tree.is_element(id, GUMBO_TAG_A) || in_zone()) return;
        const std::string_view href = m_tree.attribute(id, "href");
        if (href.empty()) return;
        const auto segments = path_segments(href.find("://") == std::string_view::npos ? "http://x" + std::string(href.starts_with('/') ? "" : "/") + std::string(href) : href);
        if (segments.size() < 2) return;
        bool author_path = false;
        for (std::size_t i = 0; i + 1 < segments.size(); ++i)
            if (one_of(segments[i], k_author_path_segments)) author_path = true;
        if (!author_path || in_running_text(id)) return;
        if (std::string text = line_text(m_tree, id); !text.empty()) m_gathered.author_links.push_back({id, text, m_text_position});
    }

    // True when the link stands inside a sentence: text on both sides of it in its block, more than a
    // byline's label, date and desk ("Veröffentlicht am 3. Mai 2021 von <a>Jane Roe</a> | Politik").
    // Such a link cites a person or a source ("W Polsce rozwiązania te <a href=.../U/...pdf>reguluje</a>
    // Kodeks Pracy ..."); a bio that opens with the author's link ("<a>Jane Roe</a> is a reporter
    // who ...") has no text before it and stays.
    bool in_running_text(NodeId id) const {
        NodeId block = m_tree.node(id).parent;
        while (block != dom::k_no_node && !(m_tree.node(block).type == dom::NodeType::element &&
                                            dom::is_block_element(m_tree.node(block).tag)))
            block = m_tree.node(block).parent;
        if (block == dom::k_no_node) return false;
        // the text nearest the link on each side, at most k_max_nodes_around_link nodes (a huge block
        // of empty links is walked a few nodes per link, not whole for each)
        auto chars_of = [&](NodeId at) {
            return m_tree.node(at).type == dom::NodeType::text
                       ? utf8::code_point_count(decode::collapse_whitespace(m_tree.node(at).text))
                       : std::size_t{0};
        };
        std::size_t before = 0;
        for (NodeId at = id - 1, walked = 0; at > block && walked < k_max_nodes_around_link &&
                                             before <= k_max_byline_line_around_link; --at, ++walked)
            before += chars_of(at);
        if (before == 0) return false;
        std::size_t after = 0;
        for (NodeId at = m_tree.node(id).subtree_end, walked = 0; at < m_tree.node(block).subtree_end &&
                                                                  walked < k_max_nodes_around_link &&
                                                                  after <= k_max_byline_line_around_link; ++at, ++walked)
            after += chars_of(at);
        return after > 0 && before + after > k_max_byline_line_around_link;
    }
};

// ---------------------------------------------------------------------------------------------
// Choosing each field.

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

    std::string m_url;                    // the page's URL: given, else canonical, else og:url
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
        m_url = m_context.url;
        if (m_url.empty()) m_url = absolute_or_empty(m_g.canonical_href);
        if (m_url.empty()) m_url = absolute_or_empty(meta("og:url"));
        if (std::string host = url_host(m_url); !host.empty()) m_site_names.add_host(host);
        for (const std::string& logo : m_g.logo_h1s) m_site_names.add(logo);
    }

    static std::string absolute_or_empty(std::string_view url) {
        return url.starts_with("http://") || url.starts_with("https://") ? std::string(url) : std::string{};
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
                                                             !m_site_names.matches(name) &&
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
        // is when the clip was uploaded, not when the article was published.
        for (std::string_view key : {"datePublished", "dateCreated", "uploadDate"})
            for (const json* object : m_articles)
                if (auto date = json_ld_date(*object, key); date && plausible(*date))
                    return std::pair{*date, "json-ld " + type_name(*object) + "." + std::string(key)};
        if (const DateCandidate* c = first_date(m_g.microdata_published, false, *this)) return std::pair{c->date, c->source};
        for (std::string_view key : k_meta_published)
            if (std::string value = meta(key); !value.empty())
                if (auto date = find_date(value, day_order); date && plausible(*date))
                    return std::pair{*date, "meta " + std::string(key)};
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
        } else if (auto date = date_in_url(m_url); date && plausible(*date)) {
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
        if (std::string canonical = absolute_or_empty(m_g.canonical_href); !canonical.empty())
            m_s.canonical_url = {canonical, "link rel=canonical"};
        else if (std::string og_url = absolute_or_empty(meta("og:url")); !og_url.empty())
            m_s.canonical_url = {og_url, "meta og:url"};
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
        for (std::string_view key : k_meta_tags)
            for (const std::string& value : all_meta(key)) add_split(m_s.tags, value);
        if (m_s.tags.empty())
            for (const json* object : m_articles)
                if (object->contains("keywords")) {
                    const json& keywords = (*object)["keywords"];
                    if (keywords.is_array())
                        for (const auto& k : keywords) add_unique(m_s.tags, json_ld_text(k));
                    else
                        add_split(m_s.tags, json_ld_text(keywords));
                    break;
                }
        for (std::string_view key : k_meta_categories)
            for (const std::string& value : all_meta(key)) add_unique(m_s.categories, value);
        if (m_s.categories.empty())
            for (const json* object : m_articles)
                if (object->contains("articleSection")) {
                    const json& section = (*object)["articleSection"];
                    if (section.is_array())
                        for (const auto& k : section) add_unique(m_s.categories, json_ld_text(k));
                    else
                        add_unique(m_s.categories, json_ld_text(section));
                    break;
                }
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
        if (const std::string host = url_host(m_url); !host.empty())
            for (const std::string& teaser : m_g.teaser_hosts)
                if (!teaser.empty() && !same_site(teaser, host)) ++signals.teasers_elsewhere;
        // Pagination: a link to a later page of this page's own path (on its site). Without the
        // page's URL only a query alone ("?page=2") is known to be this page's.
        const std::string own_host = url_host(m_url);
        std::string own_path = url::path(m_url);
        while (own_path.size() > 1 && own_path.ends_with('/')) own_path.pop_back();
        for (const std::string& href : m_g.page_links) {
            if (m_url.empty() && !href.starts_with('?')) continue;
            const std::string link = url::resolve_reference(m_url.empty() ? "http://page.invalid/" : m_url, href);
            const std::string host = url_host(link);
            if (!m_url.empty() && (host.empty() || !same_site(host, own_host))) continue;
            if (const std::string path = paginated_path(link); !path.empty() && (m_url.empty() || path == own_path)) {
                signals.pagination = true;
                break;
            }
        }
        const auto segments = path_segments(m_url);
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
        // A JavaScript application root that holds (almost) nothing.
        for (NodeId id = m_tree.body(); id != dom::k_no_node && id < m_tree.node(m_tree.body()).subtree_end; ++id)
            if (m_tree.node(id).type == dom::NodeType::element && one_of(m_tree.attribute(id, "id"), k_app_root_ids)) {
                signals.app_root = true;
                break;
            }
    }
};

}  // namespace

std::string normalise_language_tag(std::string_view tag) {
    std::string text = ascii::lower(ascii::trim(tag));
    std::replace(text.begin(), text.end(), '_', '-');
    if (text.empty()) return {};
    const std::vector<std::string_view> subtags = ascii::split(text, '-');
    const std::string_view primary = subtags.front();
    if (primary.size() < 2 || primary.size() > 3 || !std::all_of(primary.begin(), primary.end(), ascii::is_alpha)) return {};
    std::string out(primary);
    for (std::size_t i = 1; i < subtags.size(); ++i) {
        std::string sub(subtags[i]);
        if (sub.empty() || sub.size() > 8 || !std::all_of(sub.begin(), sub.end(), ascii::is_alnum)) break;
        if (sub.size() == 4 && i == 1) sub[0] = static_cast<char>(sub[0] - 'a' + 'A');  // script: Hant
        else if (sub.size() == 2 && std::all_of(sub.begin(), sub.end(), ascii::is_alpha))
            for (char& c : sub) c = static_cast<char>(c - 'a' + 'A');  // region: US
        out += "-" + sub;
    }
    return out;
}

Statements read_statements(const dom::Tree& tree, const Context& context) {
    Statements statements;
    Gathered gathered;
    gathered.html_lang = decode::collapse_whitespace(tree.attribute(tree.html(), "lang"));
    gathered.xml_lang = decode::collapse_whitespace(tree.attribute(tree.html(), "xml:lang"));
    const DayOrder order = day_order_for(normalise_language_tag(gathered.html_lang));
    Context fixed = context;
    if (fixed.today == std::chrono::sys_days{}) fixed.today = today_utc();
    Walk walk(tree, fixed, statements, gathered);
    walk.m_day_order = order;
    walk.run();
    Resolver resolver(tree, fixed, statements, gathered);
    resolver.day_order = order;
    resolver.run();
    return statements;
}

}  // namespace winnow::metadata
