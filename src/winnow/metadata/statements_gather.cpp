// metadata: the one walk over the tree that gathers every statement's candidates with their
// source (meta tags, JSON-LD objects, microdata and RDFa properties, rel=author and byline
// elements, <time> elements, short date lines) and counts the page-kind signals. Nothing is
// chosen here: statements_resolve.cpp chooses.
#include <algorithm>
#include <optional>
#include <unordered_map>

#include "winnow/decode/text.hpp"
#include "winnow/dom/class_tokens.hpp"
#include "winnow/dom/html_tags.hpp"
#include "winnow/metadata/authors.hpp"
#include "winnow/metadata/dates.hpp"
#include "winnow/metadata/json_ld.hpp"
#include "winnow/metadata/statements_internal.hpp"
#include "winnow/metadata/title.hpp"
#include "winnow/metadata/values.hpp"
#include "winnow/util/ascii.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::metadata::detail {
namespace {

// JSON-LD documents larger than this are not parsed (a page's whole state dumped as JSON).
constexpr std::size_t k_max_json_ld_bytes = 2 * 1024 * 1024;
// Byline and date elements hold a short text; a longer one is a paragraph or a whole box.
constexpr std::size_t k_max_byline_chars = 100;
// An element whose subtree has more nodes than this is a container, not a byline or date line.
constexpr std::uint32_t k_max_line_nodes = 24;

// Short text lines read for a date, at most, per page (a long forum or table has thousands).
constexpr std::size_t k_max_text_date_lines = 400;
// A paragraph this long counts as prose (page kind).
constexpr std::size_t k_prose_paragraph_chars = 80;

// The images' alt texts kept for the language detector (language.hpp): a few sentences are enough.
constexpr std::size_t k_max_image_description_bytes = 2048;

// Headings read for a headline that is no h1, at most (it stands near the top; a long
// documentation page has thousands of h3s).
constexpr std::size_t k_max_headline_headings = 100;
// A heading's element: the title, a link and a few inline elements; a larger one whose class says
// title is a container (a header with the byline and the share bar).
constexpr NodeId k_max_heading_nodes = 40;
// A headline is at most this long; a longer heading is a paragraph set as a heading.
constexpr std::size_t k_max_heading_chars = 300;

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
// A link after a picture credit's label (k_picture_credit_words and ':', '©' or "by": "Foto: <a
// href=.../users/NAME>", "Photo by <a>NAME</a> on Unsplash") names a photographer's profile on a
// picture library, not the author.
// Bytes read from the end of each text node before the link: enough for that label and its mark,
// and for more than k_max_byline_line_around_link characters of running text.
constexpr std::size_t k_max_credit_tail_bytes = 4 * k_max_byline_line_around_link;

constexpr std::size_t k_max_pagination_links = 16;  // kept per page for the check, at most

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

// What a short label alone before a date says it is (see date_label).
enum class DateLabel : unsigned char { none, published, updated };

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
            while (!m_quotes.empty() && m_quotes.back() <= id) m_quotes.pop_back();
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
        end_teaser_free_stretch();
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
    std::vector<NodeId> m_quotes;       // ends of the enclosing quotations (<blockquote>)
    std::size_t m_text_position = 0;
    std::size_t m_teaser_free_chars = 0;  // text (not in links or zones) since the last teaser

    // A teaser, or the page's end, closes the stretch of text since the last teaser.
    void end_teaser_free_stretch() {
        PageSignals& signals = m_statements.signals;
        signals.teaser_free_chars = std::max(signals.teaser_free_chars, m_teaser_free_chars);
        m_teaser_free_chars = 0;
    }
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
        if (!in_zone() && m_links.empty()) m_teaser_free_chars += chars;
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
                        end_teaser_free_stretch();
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
                if (in_body) m_fact_scopes.push_back(node.subtree_end), m_quotes.push_back(node.subtree_end);
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
                        end_teaser_free_stretch();
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
        // A byline inside a quotation is the quoted post's ("Posted by <a>SPÖ</a> on Monday, ..."
        // under an embedded Facebook post), not the page's.
        if (!m_quotes.empty()) return;
        std::string_view first;
        NodeId first_at = dom::k_no_node;
        for (NodeId at = id + 1; at < node.subtree_end && first.empty(); ++at)
            if (m_tree.node(at).type == dom::NodeType::text) {
                first = ascii::trim(m_tree.node(at).text);
                first_at = at;
            }
        if (first.empty() || first.size() > k_max_byline_chars) return;
        // A cheap test before the text is built: the first text opens with a byline word.
        const std::string probe = after_byline_word(std::string(first) + " x");
        if (probe.empty()) return;
        std::string text = line_text(m_tree, id);
        // A headline that opens with the word ("Von Sprachregeln, Gender-Politik und ...", "By the
        // numbers") names nobody: bylines are not written as h1-h3 headings.
        for (NodeId at = m_tree.node(first_at).parent; at != dom::k_no_node && at >= id; at = m_tree.node(at).parent)
            if (m_tree.is_element(at, GUMBO_TAG_H1) || m_tree.is_element(at, GUMBO_TAG_H2) || m_tree.is_element(at, GUMBO_TAG_H3))
                if (!is_byline_label(text)) return;
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
        if (!author_path) return;
        const NodeId block = enclosing_block(id);
        if (block != dom::k_no_node) {
            const TextBefore before = text_before(id, block);
            if (in_running_text(id, block, before) || after_picture_credit_label(before)) return;
        }
        if (std::string text = line_text(m_tree, id); !text.empty()) m_gathered.author_links.push_back({id, text, m_text_position});
    }

    // The text just before a link in its block, read once for the two checks below: at most
    // k_max_nodes_around_link nodes back, until more than k_max_byline_line_around_link characters
    // are read, each text node by its last k_max_credit_tail_bytes only, white space at its ends
    // aside (a long text node is read once, not whole for each link). `chars` counts code points
    // with white space collapsed, node by node.
    struct TextBefore {
        std::string text;  // the nodes' tails, nearest last, joined by spaces
        std::size_t chars = 0;
    };
    TextBefore text_before(NodeId id, NodeId block) const {
        TextBefore before;
        for (NodeId at = id - 1, walked = 0; at > block && walked < k_max_nodes_around_link &&
                                             before.chars <= k_max_byline_line_around_link; --at, ++walked) {
            if (m_tree.node(at).type != dom::NodeType::text) continue;
            const std::string_view text = ascii::trim(m_tree.node(at).text);
            std::size_t start = text.size() > k_max_credit_tail_bytes ? text.size() - k_max_credit_tail_bytes : 0;
            while (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
            const std::string_view tail = text.substr(start);
            before.chars += utf8::code_point_count(decode::collapse_whitespace(tail));
            before.text.insert(0, std::string(tail) + " ");
        }
        return before;
    }

    // True when the text just before the link in its block ends with a picture credit's label:
    // "Foto:", "Bild ©", "Photo by".
    bool after_picture_credit_label(const TextBefore& before) const {
        std::string words = decode::to_lower(decode::collapse_whitespace(before.text));
        // the label's mark: a colon, a copyright sign or "by"
        if (words.ends_with(":")) words.pop_back();
        else if (words.ends_with("\xC2\xA9")) words.resize(words.size() - 2);
        else if (words.ends_with(" by")) words.resize(words.size() - 3);
        else return false;
        words = std::string(ascii::trim(words));
        const std::size_t space = words.rfind(' ');
        return one_of(std::string_view(words).substr(space == std::string::npos ? 0 : space + 1), k_picture_credit_words);
    }

    // The nearest block element that holds the node, or none.
    NodeId enclosing_block(NodeId id) const {
        NodeId block = m_tree.node(id).parent;
        while (block != dom::k_no_node && !(m_tree.node(block).type == dom::NodeType::element &&
                                            dom::is_block_element(m_tree.node(block).tag)))
            block = m_tree.node(block).parent;
        return block;
    }

    // True when the link stands inside a sentence: text on both sides of it in its block, more than a
    // byline's label, date and desk ("Veröffentlicht am 3. Mai 2021 von <a>Jane Roe</a> | Politik").
    // Such a link cites a person or a source ("W Polsce rozwiązania te <a href=.../U/...pdf>reguluje</a>
    // Kodeks Pracy ..."); a bio that opens with the author's link ("<a>Jane Roe</a> is a reporter
    // who ...") has no text before it and stays.
    bool in_running_text(NodeId id, NodeId block, const TextBefore& before) const {
        if (before.chars == 0) return false;
        auto chars_of = [&](NodeId at) {
            return m_tree.node(at).type == dom::NodeType::text
                       ? utf8::code_point_count(decode::collapse_whitespace(m_tree.node(at).text))
                       : std::size_t{0};
        };
        std::size_t after = 0;
        for (NodeId at = m_tree.node(id).subtree_end, walked = 0; at < m_tree.node(block).subtree_end &&
                                                                  walked < k_max_nodes_around_link &&
                                                                  after <= k_max_byline_line_around_link; ++at, ++walked)
            after += chars_of(at);
        return after > 0 && before.chars + after > k_max_byline_line_around_link;
    }
};

}  // namespace

void gather(const dom::Tree& tree, const Context& context, DayOrder day_order, Statements& statements, Gathered& gathered) {
    Walk walk(tree, context, statements, gathered);
    walk.m_day_order = day_order;
    walk.run();
}

}  // namespace winnow::metadata::detail
