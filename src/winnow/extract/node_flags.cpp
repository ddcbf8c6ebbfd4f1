// extract: the class/id/role vocabulary of boilerplate and content, grouped by what it means,
// and the one pass that turns each element's attributes into NodeFlag bits.
#include "winnow/extract/node_flags.hpp"

#include "winnow/dom/class_tokens.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <unordered_map>

#include "winnow/util/ascii.hpp"

namespace winnow::extract {
namespace {

using dom::NodeId;

// Tokens of layers that are never the article anywhere on the page: consent and cookie layers,
// share bars, related and recommended lists, newsletters, ads, navigation, sidebars, widgets.
// Not "cmp": Adobe Experience Manager (`cmp-text`, `cmp-container`) and Open Journal Systems
// (`cmp_notification`) name every component so, article text included; consent layers carry
// their own words (`cmpbox`, `qc-cmp2`, `consent`, `cookie`). "brlbs": Borlabs Cookie's own prefix
// (`_brlbs-content-blocker`: "Klicken Sie auf den unteren Button, um den Inhalt von ... zu laden",
// the placeholder of an embed the reader has not consented to).
// "loading": a loading indicator or a widget still waiting for its script (a player's
// "Loading..." table, a carousel of teasers not yet started) holds placeholder text, never the
// article; "is-loading" stays a state modifier (k_modifier_prefixes).
// "saboxplugin": Simple Author Box, a WordPress plugin's card of the post's author under the post
// (photo, name, biography: saboxplugin-wrap, -desc, -authorname), not the article.
// "signature": a forum poster's signature, repeated under each of their posts (phpBB, vBulletin,
// SMF, XenForo's message-signature), and Stack Exchange's post-signature (the poster's name,
// reputation and the date), never the post's text.
constexpr std::string_view k_never_content_tokens[] = {
    "cookie", "cookies", "consent", "gdpr", "onetrust", "cookiebot", "borlabs", "brlbs", "modal", "popup",
    "share", "sharing", "shares", "social", "sharedaddy", "addthis", "shariff", "socials", "sociallinks",
    "related", "recommended", "recommendations", "outbrain", "taboola", "newsletter", "subscribe",
    "subscription", "signup", "promo", "sponsor", "sponsored", "advert", "advertisement", "ad", "ads",
    "adsense", "adslot", "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "pagination",
    "pager", "sidebar", "widget", "widgets", "footer", "skiplink", "toolbar", "masthead", "banner",
    "login", "jumplinks", "prevnext", "postnav", "cta", "loading", "signature",
    "saboxplugin",
};
// Page builders name every block "elementor-widget", "wp-block-widget": after these tokens,
// "widget" means nothing.
constexpr std::string_view k_page_builder_tokens[] = {"elementor", "wp", "block"};
// Tokens of layers over the page (removed even by the relaxed rescue pass).
constexpr std::string_view k_overlay_tokens[] = {"cookie", "cookies", "consent", "gdpr", "onetrust", "cookiebot",
                                                 "borlabs", "brlbs", "modal", "popup", "login", "overlay"};
// Tokens of comment sections: removed like the above, but recorded as comments.
constexpr std::string_view k_comment_tokens[] = {"comment", "comments", "respond", "disqus", "akismet", "commentlist", "replies"};
// Tokens of lines around the article that are not the article, dropped only inside the body:
// bylines, meta and date lines, tags and categories, captions and credits.
constexpr std::string_view k_boilerplate_inside_tokens[] = {
    "byline", "meta", "postmeta", "entrymeta", "tags", "tagcloud", "tag", "category", "categories", "caption",
    "credit", "credits", "timestamp", "dateline", "date", "published", "author", "authors", "avatar", "rating",
    "print", "info", "infobox", "bio", "source", "copyright", "disclaimer", "readmore", "topics", "postmetadata",
};
// Tokens that name the person a box is about: with a box token below, an author box ("user-bio",
// "writer-info", "contributor-card": the byline's profile, not the article).
constexpr std::string_view k_person_tokens[] = {"author", "autor", "user", "writer", "contributor"};
// Second tokens that make a person word an author box rather than a byline word. Forum software
// names the parts of a poster's card so: "details", "extras", "title" (XenForo's
// message-userDetails/-userExtras/-userTitle: rank, join date, post and like counts), "stats"
// and "fields" (Invision's ipsEntry__authorStats/-authorFields), "pane" (Invision's cAuthorPane).
constexpr std::string_view k_author_box_tokens[] = {"box", "bio", "info", "card", "profile", "about", "description",
                                                    "details", "extras", "title", "stats", "fields", "pane"};
// Whole tokens of a forum poster's card that carry no person word: phpBB's "postprofile" (rank,
// "Posts:", "Joined:", custom profile fields beside every post).
constexpr std::string_view k_poster_card_tokens[] = {"postprofile"};
// Tokens that say a container holds the article (Readability's positive vocabulary).
constexpr std::string_view k_positive_tokens[] = {"article", "body", "content", "entry", "hentry", "main", "page",
                                                  "post", "text", "blog", "story", "single", "prose", "richtext"};
// Tokens that say a container holds something else (Readability's negative vocabulary).
constexpr std::string_view k_negative_tokens[] = {
    "comment", "comments", "footer", "foot", "sidebar", "related", "share", "social", "widget", "promo", "sponsor",
    "nav", "menu", "ad", "ads", "banner", "masthead", "meta", "shopping", "tags", "tool", "contact", "hidden",
    "outbrain", "taboola", "popup", "rss", "skyscraper", "recommended", "newsletter", "header",
};
// Squeezed class names (or parts) of explicit article bodies.
constexpr std::string_view k_body_marker_names[] = {
    "articlebody", "articlecontent", "articletext", "entrycontent", "postcontent", "postbody", "storybody",
    "storycontent", "bodytext", "fieldnamebody", "posttext", "blogpostcontent", "contentbody", "singlecontent",
    "articlecopy", "storytext", "newstext", "newsbody", "artikeltext", "articledetail", "textcontent",
};
// Squeezed class names of the article's own title element.
constexpr std::string_view k_title_class_names[] = {"entrytitle", "posttitle", "articletitle", "headline",
                                                    "storytitle", "pagetitle", "articleheadline"};
// Whole class names that hide an element from everyone but screen readers or printers, and
// Elementor's "elementor-hidden-desktop": a block shown on phones and tablets only, most often a
// second copy of a desktop block laid out for a small screen.
constexpr std::string_view k_hidden_class_names[] = {"hidden", "hide", "invisible", "sronly", "visuallyhidden",
                                                     "screenreadertext", "noprint", "displaynone", "dnone",
                                                     "elementorhiddendesktop"};
// Whole class names of a site builder's server-rendered breakpoint variants: Framer writes the
// page once per breakpoint (desktop, tablet, phone) as sibling "ssr-variant" elements, each
// hidden by a media query in all but its own; the first is the desktop one, the later ones are
// the same text again.
constexpr std::string_view k_breakpoint_variant_class_names[] = {"ssrvariant"};
// Whole class names of a carousel library's slides (Swiper, Slick, Splide, Glide, Owl, Bootstrap):
// all but the shown one are hidden (aria-hidden, display:none) until the reader moves the carousel,
// and the service and product pages' feature and step slides are read one after another.
constexpr std::string_view k_carousel_slide_class_names[] = {"swiperslide", "slickslide", "splideslide", "glideslide",
                                                             "owlitem", "carouselitem"};
// Whole class names of the copies a carousel library adds at both ends for its endless loop: the
// same slides again.
constexpr std::string_view k_carousel_clone_class_names[] = {"slickcloned", "swiperslideduplicate", "splideslideclone",
                                                             "glideslideclone", "cloned"};
// Class-name prefixes of state modifiers, whose words describe something else.
constexpr std::string_view k_modifier_prefixes[] = {"has-", "has_", "with-", "no-", "without-", "show-", "enable-",
                                                    "hide-", "is-"};
// A name holding "skip" names a skip link or its target ("chakra-skip-nav", "skip-to-content"):
// its other words say what the link skips (the navigation) or where it lands (the content), not
// what the element is. The link itself goes as a line of links; its target holds the page's content.
constexpr std::string_view k_skip_link_tokens[] = {"skip"};
// ARIA roles of elements that are never the article.
constexpr std::string_view k_removed_roles[] = {"navigation", "menu", "menubar", "menuitem", "complementary", "dialog",
                                                "alertdialog", "alert", "search", "toolbar", "tooltip"};

// Characters of a section's heading compared with the section's id (its anchor); also the most
// nodes of the heading read (headings nested in a hostile page's headings stay linear).
constexpr std::size_t k_section_anchor_max_chars = 200;

// Levels of only-children below a hidden wrapper searched for the panel it collapses
// (`div style=display:none > div role=region id=panel-1`).
constexpr int k_panel_wrapper_levels = 3;

template <std::size_t N>
bool contains(const std::string_view (&list)[N], std::string_view token) {
    return std::find(std::begin(list), std::end(list), token) != std::end(list);
}

bool is_hidden_by_style(std::string_view style) {
    std::string s;
    for (char c : style)
        if (!ascii::is_space(c)) s += ascii::lower(c);
    return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

// What a token of a class or id value can say, as bits, from the lists above (and a whole name).
enum TokenKind : unsigned {
    k_token_comment = 1u << 0,
    k_token_never_content = 1u << 1,
    k_token_overlay = 1u << 2,
    k_token_boilerplate_inside = 1u << 3,
    k_token_positive = 1u << 4,
    k_token_negative = 1u << 5,
    k_token_author_box = 1u << 6,
    k_token_person = 1u << 7,       // k_person_tokens
    k_token_poster_card = 1u << 8,  // k_poster_card_tokens
    k_token_page_builder = 1u << 9, // k_page_builder_tokens
    // Those of a whole squeezed class name, from the lists of whole names (one lookup in the
    // same vocabulary reads a token and a name; each caller reads only the bits it means).
    k_name_hidden = 1u << 10,
    k_name_title = 1u << 11,
    k_name_breakpoint_variant = 1u << 12,
    k_name_carousel_slide = 1u << 13,
    k_name_carousel_clone = 1u << 14,
};

// The kinds of token that, inside the class name of a body marker, make it a part of a box.
constexpr unsigned k_marker_qualifier_kinds = k_token_never_content | k_token_overlay | k_token_comment | k_token_boilerplate_inside;

unsigned token_kinds(std::string_view token) {
    static const dom::TokenVocabulary k_kinds = dom::TokenVocabulary()
                                                    .add(k_comment_tokens, k_token_comment)
                                                    .add(k_never_content_tokens, k_token_never_content)
                                                    .add(k_overlay_tokens, k_token_overlay)
                                                    .add(k_boilerplate_inside_tokens, k_token_boilerplate_inside)
                                                    .add(k_positive_tokens, k_token_positive)
                                                    .add(k_negative_tokens, k_token_negative)
                                                    .add(k_author_box_tokens, k_token_author_box)
                                                    .add(k_person_tokens, k_token_person)
                                                    .add(k_poster_card_tokens, k_token_poster_card)
                                                    .add(k_page_builder_tokens, k_token_page_builder)
                                                    .add(k_hidden_class_names, k_name_hidden)
                                                    .add(k_title_class_names, k_name_title)
                                                    .add(k_breakpoint_variant_class_names, k_name_breakpoint_variant)
                                                    .add(k_carousel_slide_class_names, k_name_carousel_slide)
                                                    .add(k_carousel_clone_class_names, k_name_carousel_clone);
    return k_kinds.bits(token);
}

// The kinds of a token read in its place, one token after the other: after one of
// k_page_builder_tokens (`after_builder`, set here) "widget" has none, as page builders name every
// block so ("elementor-widget-wrap" holds the article's text).
unsigned kinds_in_place(std::string_view token, bool& after_builder) {
    const unsigned kinds = token_kinds(token);
    if (kinds & k_token_page_builder) after_builder = true;
    return token == "widget" && after_builder ? 0u : kinds;
}

// True when a class name holding a body marker also holds a word that says the marked text
// belongs to something else: "related-post-content" (a related post's teaser),
// "nav-button-text-content", "modal-text-content", "entry-content-authors", "article-copyright",
// "story-body-share". Such a class names a part of a box, not the article's body; a word in
// another class name of the element does not count ("post-content share-enabled" is the body).
bool qualifies_marker(std::string_view class_name) {
    bool after_builder = false, qualified = false;
    std::string scratch;
    dom::for_each_class_id_token(class_name, scratch, [&](std::string_view token) {
        if (kinds_in_place(token, after_builder) & k_marker_qualifier_kinds) qualified = true;
    });
    return qualified;
}

// A person word and a box word written as one token, as older forum software names its poster
// cards ("userinfo", "usertitle", "userstats" in vBulletin, "authorbox" in blog themes).
bool is_person_box_compound(std::string_view token) {
    for (std::string_view person : k_person_tokens)
        if (token.size() > person.size() && token.starts_with(person) &&
            (token_kinds(token.substr(person.size())) & k_token_author_box))
            return true;
    return false;
}

// True when one of k_body_marker_names occurs in the squeezed name. One pass over the name: at
// each character only the markers that start with it are compared (a table of them by first
// byte), and none where fewer characters are left than the shortest marker has.
bool holds_body_marker(std::string_view squeezed) {
    constexpr std::size_t n = std::size(k_body_marker_names);
    static_assert(n <= 32, "the table holds the markers as bits of 32");
    struct Table {
        std::array<std::uint32_t, 256> by_first{};
        std::size_t shortest = std::string_view::npos;
    };
    static const Table k_table = [] {
        Table table;
        for (std::size_t m = 0; m < n; ++m) {
            table.by_first[static_cast<unsigned char>(k_body_marker_names[m].front())] |= 1u << m;
            table.shortest = std::min(table.shortest, k_body_marker_names[m].size());
        }
        return table;
    }();
    if (squeezed.size() < k_table.shortest) return false;
    for (std::size_t at = 0; at + k_table.shortest <= squeezed.size(); ++at) {
        for (std::uint32_t mask = k_table.by_first[static_cast<unsigned char>(squeezed[at])]; mask != 0; mask &= mask - 1)
            if (squeezed.substr(at).starts_with(k_body_marker_names[std::countr_zero(mask)])) return true;
    }
    return false;
}

// What one class name of a value says (a name: what the value's white space separates), read
// in its place: `after_builder` tells whether a name before it held one of
// k_page_builder_tokens, and is set when this one does. The value's flags are those of its
// names together (NameFlags::add_to), so a page's names are each read once (read_name), however
// many values hold them (a utility-class page writes the same few dozen in every combination).
struct NameFlags {
    std::uint32_t flags = 0;
    bool slide = false, clone = false;       // a carousel's slide, its loop's copy
    bool author = false, author_box = false;  // a person word, a box word
    bool builder = false;                     // holds a page-builder token
};

NameFlags name_flags(std::string_view raw, bool after_builder) {
    NameFlags out;
    std::uint32_t& flags = out.flags;
    const std::string squeezed = dom::squeezed_class_name(raw);
    const unsigned whole = token_kinds(squeezed);
    if (whole & k_name_hidden) flags |= k_flag_hidden;
    if (holds_body_marker(squeezed) && !qualifies_marker(raw)) flags |= k_flag_body_marker;
    if (whole & k_name_title) flags |= k_flag_title_class;
    if (whole & k_name_breakpoint_variant) flags |= k_flag_breakpoint_variant;
    if (whole & k_name_carousel_slide) out.slide = true;
    if (whole & k_name_carousel_clone) out.clone = true;
    // The tokens of the name, but for state modifiers, which say what an element contains or
    // lacks, not what it is: "has-recommendations", "with-sidebar", "no-comments".
    // Lower-cased before the split, so camelCase names stay one token ("BorlabsCookie" is
    // "borlabscookie"): splitting them costs modern-dev's shop collections 0.06 (see README).
    // But for overlays and comment sections, read below in camelCase words too.
    std::string name(raw);
    for (char& c : name) c = ascii::lower(c);
    for (std::string_view prefix : k_modifier_prefixes)
        if (name.starts_with(prefix)) return out;
    // One pass reads the tokens; a name found to hold a skip token then keeps what the
    // whole name said alone (`whole_only`).
    const NameFlags whole_only = out;
    std::string scratch;
    bool skip_target = false;
    dom::for_each_class_id_token(name, scratch, [&](std::string_view token) {
        if (contains(k_skip_link_tokens, token)) skip_target = true;
        const bool before = after_builder;
        const unsigned kinds = kinds_in_place(token, after_builder);
        if (after_builder && !before) out.builder = true;
        if (kinds & k_token_comment) flags |= k_flag_comment_section | k_flag_negative;
        if (kinds & k_token_never_content) flags |= k_flag_never_content;
        if (kinds & k_token_overlay) flags |= k_flag_overlay;
        if (kinds & k_token_boilerplate_inside) flags |= k_flag_boilerplate_inside;
        if (kinds & k_token_positive) flags |= k_flag_positive;
        if (kinds & k_token_negative) flags |= k_flag_negative;
        if (kinds & k_token_person) out.author = true;
        if (kinds & k_token_author_box) out.author_box = true;
        if ((kinds & k_token_poster_card) || is_person_box_compound(token)) out.author = out.author_box = true;
    });
    if (skip_target) return whole_only;
    // The words of a camelCase name ("memberLoginModal", "loadComments") say overlay and
    // comment section as surely as a hyphenated name does. Not the other vocabularies: a
    // shop's category grid ("ndsPictureNavigation", never-content) or a product list's
    // "pageContent" (positive) is what a collection page's reader came for, and a lead
    // paragraph in "contentHeaderHeader__abstract" is not a page header (negative). A name
    // without an upper-case letter has no other words than those read above.
    if (std::any_of(raw.begin(), raw.end(), [](char c) { return ascii::is_upper(c); }))
        dom::for_each_class_id_token(raw, scratch, [&](std::string_view token) {
            const unsigned kinds = token_kinds(token);
            if (kinds & k_token_comment) flags |= k_flag_comment_section | k_flag_negative;
            if (kinds & k_token_overlay) flags |= k_flag_overlay;
        });
    return out;
}

// The most distinct class names, and distinct class and id values, a page's caches keep: past
// them a name or value is read each time it comes (a hostile page of a million distinct names
// costs no more memory than the tree holds, and no less time than without the caches).
constexpr std::size_t k_max_cached_names = 1u << 16;

// The names and values a page's classify_nodes has read, as views into the tree's attribute
// values (which outlive the call). A name's reading depends on whether a page builder's token
// came before it in its value, so each name has one reading for either case, made when needed.
struct PageVocabulary {
    struct Readings {
        NameFlags read[2];
        bool done[2] = {false, false};
    };
    std::unordered_map<std::string_view, Readings> names;
    std::unordered_map<std::string_view, std::uint32_t> values;
};

NameFlags read_name(std::string_view raw, bool after_builder, PageVocabulary& page) {
    if (page.names.size() >= k_max_cached_names) {
        const auto found = page.names.find(raw);
        if (found == page.names.end() || !found->second.done[after_builder]) return name_flags(raw, after_builder);
        return found->second.read[after_builder];
    }
    PageVocabulary::Readings& readings = page.names[raw];
    if (!readings.done[after_builder]) {
        readings.read[after_builder] = name_flags(raw, after_builder);
        readings.done[after_builder] = true;
    }
    return readings.read[after_builder];
}

// The white space that separates the names of a class value (HTML's: not '\v').
constexpr bool is_class_separator(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The flags a class or id value gives: those of its names, the carousel's slide when no name
// says clone, and an author box when one name gives the person and one the box.
std::uint32_t value_flags(std::string_view value, PageVocabulary& page) {
    std::uint32_t flags = 0;
    bool slide = false, clone = false, author = false, author_box = false, after_builder = false;
    for (std::size_t start = 0; start < value.size();) {
        std::size_t end = start;
        while (end < value.size() && !is_class_separator(value[end])) ++end;
        if (end > start) {
            const NameFlags name = read_name(value.substr(start, end - start), after_builder, page);
            flags |= name.flags;
            slide = slide || name.slide;
            clone = clone || name.clone;
            author = author || name.author;
            author_box = author_box || name.author_box;
            after_builder = after_builder || name.builder;
        }
        start = end + 1;
    }
    if (slide && !clone) flags |= k_flag_carousel_slide;
    if (author && author_box) flags |= k_flag_never_content;
    return flags;
}

// The ASCII letters and digits of `text`, lower-cased, up to k_section_anchor_max_chars: an
// anchor made from a heading ("sharing-with-a-single-developer") and the heading ("Sharing with
// a single developer¶") agree on them.
void append_anchor_letters(std::string_view text, std::string& out) {
    for (char c : text) {
        if (out.size() >= k_section_anchor_max_chars) return;
        if (ascii::is_alnum(c)) out += ascii::lower(c);
    }
}

// True when `id_value` is the anchor of the document section `id` (a <section>, or docutils'
// `<div class="section">`) that opens with a heading: docutils and Sphinx, Pandoc and
// static-site generators name each section after its heading's text, as a heading's own id
// does. Not any element: a `<div id="shameless-cta"><h2>Shameless CTA</h2>` is a box that says
// what it is. Only the first element child is read, and each heading is that of one element, so
// the pass stays linear.
bool is_section_anchor(const dom::Tree& tree, NodeId id, std::string_view id_value) {
    if (tree.node(id).tag != GUMBO_TAG_SECTION && !ascii::iequals(tree.attribute(id, "class"), "section")) return false;
    NodeId child = tree.node(id).first_child;
    while (child != dom::k_no_node && tree.node(child).type != dom::NodeType::element) child = tree.node(child).next_sibling;
    if (child == dom::k_no_node || !dom::is_heading(tree.node(child).tag)) return false;
    std::string heading, anchor;
    const NodeId end = std::min<NodeId>(tree.node(child).subtree_end, child + 1 + k_section_anchor_max_chars);
    for (NodeId at = child + 1; at < end && heading.size() < k_section_anchor_max_chars; ++at)
        if (tree.node(at).type == dom::NodeType::text) append_anchor_letters(tree.node(at).text, heading);
    append_anchor_letters(id_value, anchor);
    return !anchor.empty() && anchor == heading;
}

// The flags of a class or id value, from the page's caches when it had the value before.
std::uint32_t cached_value_flags(std::string_view value, PageVocabulary& page) {
    if (value.empty()) return 0;
    if (page.values.size() >= k_max_cached_names) {
        const auto found = page.values.find(value);
        return found != page.values.end() ? found->second : value_flags(value, page);
    }
    auto [it, added] = page.values.try_emplace(value, 0);
    if (added) it->second = value_flags(value, page);
    return it->second;
}

std::uint32_t flags_of(const dom::Tree& tree, NodeId id, PageVocabulary& page) {
    // One pass over the attributes picks out the few that matter.
    std::string_view class_value, id_value, aria_hidden, style, role, itemprop;
    bool hidden = false;
    for (const dom::Attribute& a : tree.attributes(id)) {
        const std::string& name = a.name;
        if (name == "class") class_value = a.value;
        else if (name == "id") id_value = a.value;
        else if (name == "hidden") hidden = true;
        else if (name == "aria-hidden") aria_hidden = a.value;
        else if (name == "style") style = a.value;
        else if (name == "role") role = a.value;
        else if (name == "itemprop") itemprop = a.value;
    }
    std::uint32_t flags = 0;
    if (hidden || ascii::iequals(aria_hidden, "true") || (!style.empty() && is_hidden_by_style(style))) flags |= k_flag_hidden;
    if (!role.empty()) {
        const std::string lowered = ascii::lower(role);
        if (contains(k_removed_roles, lowered)) flags |= k_flag_role_remove;
        if (lowered == "banner" || lowered == "contentinfo") flags |= k_flag_role_landmark;
    }
    if (!itemprop.empty() && ascii::iequals(itemprop, "articlebody")) flags |= k_flag_body_marker;

    // A heading's id is its own text made an anchor (MediaWiki, MkDocs, Docusaurus and
    // static-site generators write "Related_work", "navigation-menus", "pgp-signature"): it says
    // what the section is about, not what the element is.
    if (dom::is_heading(tree.node(id).tag) || (!id_value.empty() && is_section_anchor(tree, id, id_value))) id_value = {};
    flags |= cached_value_flags(class_value, page) | cached_value_flags(id_value, page);
    // A body marker is content even when its class also says something else ("post-content share-enabled").
    if (flags & k_flag_body_marker) flags &= ~(k_flag_never_content | k_flag_boilerplate_inside | k_flag_negative | k_flag_overlay);
    return flags;
}

// The element right before `id` (its previous element sibling) when it is a button (a <button>
// or role=button), else k_no_node: an accordion written without ARIA puts each answer, hidden by
// a class until clicked, right after its question's <button>
// (`<button><h5>How much does it cost?</h5></button><div class=hidden>`).
NodeId button_before(const dom::Tree& tree, NodeId id) {
    const NodeId before = tree.previous_element(id);
    const bool button = before != dom::k_no_node &&
                        (tree.is_element(before, GUMBO_TAG_BUTTON) || ascii::iequals(tree.attribute(before, "role"), "button"));
    return button ? before : dom::k_no_node;
}

bool follows_button(const dom::Tree& tree, NodeId id) { return button_before(tree, id) != dom::k_no_node; }

// On a product page, whether `id` is a container (not a paragraph) right after a section heading
// (h2-h6, its previous element sibling): a script-driven accordion toggles the panel when its
// heading is clicked, with no button and no ARIA (`<h3>Can it be used outdoors?</h3><div
// class="content" style="display:none">`): the product's FAQ, description or care sections. A
// hidden paragraph under a heading is hidden text, not a panel, and elsewhere than on a product
// page a heading over hidden text is as often an old revision or a spoiler kept out of view.
bool follows_section_heading(const dom::Tree& tree, NodeId id) {
    if (tree.is_element(id, GUMBO_TAG_P)) return false;
    const NodeId before = tree.previous_element(id);
    return before != dom::k_no_node && dom::is_heading(tree.node(before).tag) && !tree.is_element(before, GUMBO_TAG_H1);
}

// Whether `id` is a disclosure panel: a tab panel, the element a button's aria-controls opens
// (accordions, tabs, "Read more" sections of product and service pages), or the element right
// after a button (the same without ARIA), or on a product page right after a section heading.
bool is_panel(const dom::Tree& tree, NodeId id, const std::vector<std::string_view>& controlled, bool product_page) {
    if (ascii::lower(tree.attribute(id, "role")) == "tabpanel" || follows_button(tree, id)) return true;
    if (product_page && follows_section_heading(tree, id)) return true;
    const std::string_view element_id = tree.attribute(id, "id");
    return !element_id.empty() && std::binary_search(controlled.begin(), controlled.end(), element_id);
}

// Hidden elements that are collapsed disclosure panels lose k_flag_hidden and gain
// k_flag_collapsed_panel: their text is on the page, one click away, and product descriptions,
// specifications and FAQ answers live there. Menus and dialogs a button controls are still
// removed by their tag, role or class.
// Returns the buttons right before the panels so found (the disclosures' toggles without ARIA).
std::vector<NodeId> mark_collapsed_panels(const dom::Tree& tree, bool product_page, std::vector<std::uint32_t>& flags) {
    std::vector<std::string_view> controlled;
    for (NodeId id = 0; id < tree.size(); ++id) {
        if (tree.node(id).type != dom::NodeType::element || !tree.node(id).attribute_count) continue;
        const std::string_view value = tree.attribute(id, "aria-controls");
        for (std::size_t start = 0; start < value.size();) {
            std::size_t end = value.find_first_of(" \t\n\r\f", start);
            if (end == std::string_view::npos) end = value.size();
            if (end > start) controlled.push_back(value.substr(start, end - start));
            start = end + 1;
        }
    }
    std::sort(controlled.begin(), controlled.end());
    std::vector<NodeId> toggles;
    for (NodeId id = 0; id < tree.size(); ++id) {
        if (!(flags[id] & k_flag_hidden) || (flags[id] & (k_flag_never_content | k_flag_overlay | k_flag_role_remove)))
            continue;
        NodeId at = id;
        bool panel = (flags[id] & k_flag_carousel_slide) != 0;
        for (int level = 0; !panel && level <= k_panel_wrapper_levels && at != dom::k_no_node; ++level) {
            if (is_panel(tree, at, controlled, product_page)) {
                panel = true;
                if (const NodeId button = button_before(tree, at); button != dom::k_no_node) toggles.push_back(button);
                break;
            }
            const std::vector<NodeId> children = tree.element_children(at);
            at = children.size() == 1 ? children.front() : dom::k_no_node;
        }
        if (panel) flags[id] = (flags[id] & ~k_flag_hidden) | k_flag_collapsed_panel;
    }
    std::sort(toggles.begin(), toggles.end());
    return toggles;
}

// True when `id` holds an <h1>-<h6> (a button wrapping its accordion's heading).
bool holds_heading(const dom::Tree& tree, NodeId id) {
    for (NodeId at = id + 1; at < tree.node(id).subtree_end; ++at)
        if (tree.node(at).type == dom::NodeType::element && dom::is_heading(tree.node(at).tag)) return true;
    return false;
}

// Whether the <button> `id` opens a disclosure panel: it says whether it is expanded
// (aria-expanded) or names what it opens (aria-controls) without opening a popup (aria-haspopup:
// menus, listboxes, dialogs), or a collapsed panel comes right after it (`before_panels`, from
// mark_collapsed_panels, sorted).
bool opens_disclosure(const dom::Tree& tree, NodeId id, const std::vector<NodeId>& before_panels) {
    const std::string_view popup = tree.attribute(id, "aria-haspopup");
    if (!popup.empty() && !ascii::iequals(popup, "false")) return false;
    return tree.has_attribute(id, "aria-expanded") || tree.has_attribute(id, "aria-controls") ||
           std::binary_search(before_panels.begin(), before_panels.end(), id);
}

// A <button> that is an accordion's header (the ARIA accordion pattern: a button inside a
// heading, or one holding the heading) and opens a disclosure panel gains
// k_flag_disclosure_toggle: its text is the question or title of the panel's answer, read like
// the heading it is. Ordinary buttons (share, subscribe, "Load more", carousel arrows, "Read
// more") are not headings and stay never-text.
// One pass in document order: a node is inside a heading (an <h1>-<h6> or role=heading) when it
// comes before the end of a heading's subtree seen before it, so no button walks its ancestors
// (a page of many buttons under deep nesting stays linear).
void mark_disclosure_toggles(const dom::Tree& tree, const std::vector<NodeId>& before_panels, std::vector<std::uint32_t>& flags) {
    NodeId heading_end = 0;  // the end of the subtrees of the headings seen so far
    for (NodeId id = 0; id < tree.size(); ++id) {
        const dom::Node& node = tree.node(id);
        if (node.type != dom::NodeType::element) continue;
        const bool in_heading = id < heading_end;
        if (dom::is_heading(node.tag) || ascii::iequals(tree.attribute(id, "role"), "heading"))
            heading_end = std::max(heading_end, node.subtree_end);
        if (node.tag == GUMBO_TAG_BUTTON && (in_heading || holds_heading(tree, id)) && opens_disclosure(tree, id, before_panels))
            flags[id] |= k_flag_disclosure_toggle;
    }
}

// The breakpoint variants after the first of their parent are hidden: the reader sees one copy.
// One pass in document order, remembering which parents had a variant already.
void hide_later_breakpoint_variants(const dom::Tree& tree, std::vector<std::uint32_t>& flags) {
    std::vector<std::uint8_t> parent_has_variant;
    for (NodeId id = 0; id < tree.size(); ++id) {
        const dom::Node& node = tree.node(id);
        if (!(flags[id] & k_flag_breakpoint_variant) || node.parent == dom::k_no_node) continue;
        if (parent_has_variant.empty()) parent_has_variant.assign(tree.size(), 0);
        if (parent_has_variant[node.parent]) flags[id] |= k_flag_hidden;
        parent_has_variant[node.parent] = 1;
    }
}

}  // namespace

std::vector<std::uint32_t> classify_nodes(const dom::Tree& tree, bool product_page) {
    std::vector<std::uint32_t> flags(tree.size(), 0);
    PageVocabulary page;
    for (NodeId id = 0; id < tree.size(); ++id)
        if (tree.node(id).type == dom::NodeType::element && tree.node(id).attribute_count)
            flags[id] = flags_of(tree, id, page);
    hide_later_breakpoint_variants(tree, flags);
    const std::vector<NodeId> before_panels = mark_collapsed_panels(tree, product_page, flags);
    mark_disclosure_toggles(tree, before_panels, flags);
    return flags;
}

}  // namespace winnow::extract
