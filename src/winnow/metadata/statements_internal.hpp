// metadata: what the two halves of read_statements (statements.cpp) share, internal to metadata/.
// statements_gather.cpp walks the tree once and gathers every candidate with its source into a
// Gathered; statements_resolve.cpp then chooses each field of Statements from those candidates.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/dom/tree.hpp"
#include "winnow/metadata/dates.hpp"
#include "winnow/metadata/json_ld.hpp"
#include "winnow/metadata/statements.hpp"

namespace winnow::metadata::detail {

using dom::NodeId;

// JSON-LD types of an article, a post or a page that has one author and one date.
inline constexpr std::string_view k_article_types[] = {
    "Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle", "TechArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting",
    "SocialMediaPosting", "DiscussionForumPosting", "Posting", "Review", "Recipe", "HowTo", "MedicalWebPage",
    "MedicalScholarlyArticle", "SatiricalArticle", "AdvertiserContentArticle", "Question", "VideoObject",
};

template <std::size_t N>
bool one_of(std::string_view word, const std::string_view (&list)[N]) {
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
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
    std::string html_lang, xml_lang, image_src;
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

// URLs (statements.cpp).
// The lower-case host of an absolute URL ("" for a relative one): a cut of the text, not
// url::host's libcurl parse, as it runs on every teaser link of the gather walk; its hosts are
// only compared with one another.
std::string url_host(std::string_view url);
// The lower-case segments of a URL's path.
std::vector<std::string> path_segments(std::string_view url);
bool may_be_page_link(std::string_view href);
std::string paginated_path(const std::string& link);

// The one walk over the tree: fills `gathered`, and the fields of `statements` read as the walk
// meets them (the <title>, the h1s, the page-kind counts). statements_gather.cpp.
void gather(const dom::Tree& tree, const Context& context, DayOrder day_order, Statements& statements, Gathered& gathered);
// Chooses each field of `statements` from what gather found. statements_resolve.cpp.
void resolve(const dom::Tree& tree, const Context& context, DayOrder day_order, Statements& statements, Gathered& gathered);

}  // namespace winnow::metadata::detail
