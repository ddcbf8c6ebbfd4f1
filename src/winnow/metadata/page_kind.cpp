// metadata: the page kind.
#include "winnow/metadata/page_kind.hpp"

#include <algorithm>
#include <cstdio>

#include "winnow/decode/text.hpp"
#include "winnow/util/ascii.hpp"

namespace winnow::metadata {
namespace {

// Forum: posts marked as such in microdata, or on a thread's path, this many post elements or
// <time> elements (one per post).
constexpr std::size_t k_min_marked_posts = 2;
constexpr std::size_t k_min_forum_post_marks = 5;
constexpr std::size_t k_min_forum_times = 3;
// Listing: teasers (headline links, linked headings, a quarter per price) over the longest run
// of sibling prose paragraphs (+2). Articles stay under 4.4 (95th percentile on modern-dev's
// tuning half), listings are at 8.7 (median); a page that calls itself an article needs 3 times
// as many teasers (its related-links boxes).
constexpr double k_min_teaser_score = 5.0;
constexpr double k_declared_article_factor = 3.0;
constexpr double k_price_teaser_weight = 0.25;
// A listing (home, category, tag, search page) lists the site's own pages; teasers that lead to
// other sites are mostly an article's references or resources (NIH's reference list, a
// "resources" grid): they weigh a quarter, so that an aggregator of many still reads as a listing.
constexpr double k_elsewhere_teaser_weight = 0.25;
// A page with this many prose paragraphs side by side and (almost) no prices is written like an
// article: its teaser links (a news site's rails of related stories) must weigh as much as on a
// page that calls itself one. On modern-dev no listing without prices has a run over 4; shops'
// category pages may carry long runs of buying advice under their product grid.
constexpr std::size_t k_article_prose_run = 5;
constexpr std::size_t k_max_article_prices = 2;
// Product: a product page has little prose; a long run of paragraphs is a review article.
constexpr std::size_t k_max_product_prose_run = 6;
// A page that says it is an article or states when it was published, whose kept text holds this
// many prose paragraphs (80 characters or more, as the walk's prose paragraphs) one after the
// other, is an article whatever its rails of teasers weigh: the walk's run misses paragraphs
// split by <br><br> or wrapped one <div> each (a run of 0), and a news site's rails of hundreds of
// related stories outweigh even 15. On modern-dev no listing outside a listing's path keeps a
// run over 5 (two /category/ pages keep 7 and 8: that path's plain bar still applies); on
// trafilatura-dev a list of press releases keeps 5, a news story with 426 related links 25.
constexpr std::size_t k_kept_article_prose_run = 6;
constexpr std::size_t k_kept_prose_chars = 80;
// A page that says it is an article or states when it was published, whose kept text (with a
// run of this many prose paragraphs) is no longer than the page's longest stretch of text
// between two teasers (this factor over it: the kept text counts its inline links, the stretch
// does not), kept a story that no teaser interrupts: the teasers are rails, menus and footers
// around it, however many. A listing's kept text holds its teasers, so it spans many stretches;
// a service page's features alternate headings and single paragraphs. On trafilatura-dev five
// news stories and press releases with short or <br>-split paragraphs keep 0.56 to 0.96 times
// their stretch (runs of 3 to 5); the nearest listing, readability's nytimes-5, 1.39 (run 0).
constexpr double k_story_stretch_factor = 1.25;
constexpr std::size_t k_min_story_prose_run = 3;
// A page that neither says it is an article nor states a date needs a story's run in its kept
// text (k_kept_article_prose_run: no listing off a listing's path keeps more than 5 on
// modern-dev) to be told so by the stretch: an undated news story on trafilatura-dev keeps a run
// of 6 in 0.99 times its stretch, its rails of 91 headline links notwithstanding; no listing or
// collection of the three corpora has a run of 6 in one stretch.
constexpr std::size_t k_min_undated_story_prose_run = k_kept_article_prose_run;
// A product grid: this many prices and this many add-to-cart marks on a page that states no product
// of its own and does not call itself an article is a shop's category page, whatever prose its
// buying advice under the grid runs to (a run of 24 paragraphs outweighs its 63 prices in the
// teaser score). On modern-dev 6 collections reach 30 of each; the only other pages that do are
// a product page (its own Product) and one that says og:type article.
constexpr std::size_t k_min_grid_prices = 30;
constexpr std::size_t k_min_grid_carts = 30;
// A listing of posts: on a listing's path or with pagination, this many different dates (one per
// teaser) and, once the extractor has run, a kept text without a story (a run of fewer than
// k_kept_article_prose_run prose paragraphs) is a listing however short its teasers' titles (a
// blog index whose titles stand in paragraphs with their date and author reads as prose). On the
// three corpora the most on such a path besides listings and forums is 12, a blog page that keeps
// a run of 12 prose paragraphs (its posts in full).
constexpr std::size_t k_min_listing_dates = 5;
// Documentation: code blocks on an undated page.
constexpr std::size_t k_min_doc_code_blocks = 3;
// An article has at least this many prose paragraphs side by side, or this many prose blocks
// (paragraphs and list items written as paragraphs: tips, steps) one after another, or this many
// prose paragraphs in a row in the extractor's kept text (a blog post whose paragraphs the walk
// does not see side by side: trafilatura-dev's keeps 37); a service page's lists of features
// rarely hold sentences that long (at most 9 on modern-dev's tuning half, and 9 kept in a row on
// the whole corpus).
constexpr std::size_t k_min_article_prose_run = 4;
constexpr std::size_t k_min_article_prose_blocks = 10;
// A kept text this long that stands in one stretch between teasers (k_story_stretch_factor) on a
// page with at most this many section headings (h2-h4 outside navigation and footers) is prose
// written to be read through, an undated essay or story, not a service page: a service page's
// text is cut into features, plans and questions by headings or by links. On trafilatura-dev three
// undated articles (an archived essay, a club's news post, a shop's magazine story) keep 3,302 to
// 10,654 characters under 0 or 1 heading; no service page of modern-dev is that long in one
// stretch with fewer than 3 headings (the nearest: 2,246 characters, 3 headings).
constexpr std::size_t k_min_unsectioned_story_chars = 3000;
constexpr std::size_t k_max_unsectioned_story_headings = 2;
// Flags.
constexpr std::size_t k_max_shell_body_chars = 250;   // a JavaScript shell shows (almost) nothing
constexpr std::size_t k_max_wall_article_chars = 600; // a consent wall leaves little else
constexpr std::size_t k_max_error_article_chars = 1500;

// Titles of error pages served with status 200, lower case.
constexpr std::string_view k_error_phrases[] = {
    "page not found", "404", "not found", "page doesn't exist", "page does not exist", "seite nicht gefunden",
    "seite wurde nicht gefunden", "page introuvable", "página no encontrada", "pagina non trovata",
    "página não encontrada", "pagina niet gevonden", "strona nie została znaleziona", "sidan hittades inte",
    "страница не найдена", "error 404", "oops",
};

bool is_error_title(std::string_view title) {
    const std::string lowered = decode::to_lower(title);
    for (std::string_view phrase : k_error_phrases) {
        const std::size_t at = lowered.find(phrase);
        if (at == std::string::npos) continue;
        if (phrase == "404" || phrase == "oops") {
            // a number or word of its own, not part of "14045" or "hoopsters"
            const bool starts = at == 0 || !ascii::is_alnum(lowered[at - 1]);
            const std::size_t end = at + phrase.size();
            const bool ends = end >= lowered.size() || !ascii::is_alnum(lowered[end]);
            if (starts && ends) return true;
            continue;
        }
        return true;
    }
    return false;
}

std::vector<std::string> page_flags(const Statements& s, const ArticleShape& article) {
    const PageSignals& g = s.signals;
    std::vector<std::string> flags;
    const bool error_title = is_error_title(s.html_title) || (!s.h1s.empty() && is_error_title(s.h1s.front()));
    if (error_title && article.chars < k_max_error_article_chars) flags.emplace_back("error_page");
    if (g.consent_mark && article.chars < k_max_wall_article_chars) flags.emplace_back("consent_wall");
    if (g.paywall_mark) flags.emplace_back("paywall");
    if (g.body_chars < k_max_shell_body_chars && (g.app_root || article.chars == 0)) flags.emplace_back("javascript_shell");
    return flags;
}

}  // namespace

void ArticleShape::add_block(bool paragraph, std::size_t block_chars) {
    m_current_run = paragraph && block_chars >= k_kept_prose_chars ? m_current_run + 1 : 0;
    prose_run = std::max(prose_run, m_current_run);
}

std::string_view page_kind_name(PageKind kind) {
    switch (kind) {
        case PageKind::article: return "article";
        case PageKind::forum: return "forum";
        case PageKind::product: return "product";
        case PageKind::listing: return "listing";
        case PageKind::documentation: return "documentation";
        case PageKind::service: return "service";
    }
    return "article";
}

std::vector<std::string_view> page_kind_names() {
    return {"article", "forum", "product", "listing", "documentation", "service"};
}

bool parse_page_kind(std::string_view name, PageKind& kind) {
    const auto names = page_kind_names();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) {
            kind = static_cast<PageKind>(i);
            return true;
        }
    return false;
}

PageKindVerdict classify_page(const Statements& s, const ArticleShape& article) {
    const PageSignals& g = s.signals;
    PageKindVerdict verdict;
    verdict.flags = page_flags(s, article);
    auto has_type = [&](std::initializer_list<std::string_view> types) -> std::string {
        for (const std::string& type : g.ld_types)
            for (std::string_view t : types)
                if (type == t) return type;
        return {};
    };
    const std::string article_type = has_type({"Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle",
                                               "TechArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                                               "ReportageNewsArticle", "LiveBlogPosting", "SocialMediaPosting",
                                               "Review", "Recipe", "HowTo", "MedicalWebPage"});
    const bool declared_article = !article_type.empty() || g.og_type == "article";
    const std::string declared = !article_type.empty() ? "json-ld " + article_type : g.og_type == "article" ? "og:type article" : "";

    // Forum: the page calls itself a discussion, or marks its posts, or its path names a thread
    // and it has posts.
    if (std::string type = has_type({"DiscussionForumPosting", "QAPage"}); !type.empty()) {
        verdict.kind = PageKind::forum;
        verdict.evidence = "json-ld " + type;
        return verdict;
    }
    if (g.microdata_posts >= k_min_marked_posts) {
        verdict.kind = PageKind::forum;
        verdict.evidence = std::to_string(g.microdata_posts) + " microdata posts (Comment, Answer, DiscussionForumPosting)";
        return verdict;
    }
    if (g.forum_path && (g.post_marks >= k_min_forum_post_marks || g.time_elements >= k_min_forum_times)) {
        verdict.kind = PageKind::forum;
        verdict.evidence = "a thread's path with " + std::to_string(g.post_marks) + " post elements and " +
                           std::to_string(g.time_elements) + " <time> elements";
        return verdict;
    }

    // Listing: the page calls itself a collection, or teasers outweigh prose.
    const std::string collection_type = has_type({"CollectionPage", "SearchResultsPage"});
    const std::size_t own_teasers = g.headline_links + g.linked_headings - g.teasers_elsewhere;
    const double teasers = static_cast<double>(own_teasers) +
                           static_cast<double>(g.teasers_elsewhere) * k_elsewhere_teaser_weight +
                           static_cast<double>(g.price_marks) * k_price_teaser_weight;
    const double teaser_score = teasers / static_cast<double>(g.max_sibling_prose + 2);
    const bool written_like_article = g.max_sibling_prose >= k_article_prose_run && g.price_marks <= k_max_article_prices;
    // Product: the page's own Product (not one in a list) or og:type product, on a page that is
    // not an article and has little prose.
    const bool product_type = !has_type({"Product"}).empty() || g.og_type == "product" || g.og_type == "product.item" ||
                              g.og_type.ends_with(":product") || g.og_type.ends_with(":item") || g.microdata_products > 0;
    const bool product_page = product_type && !declared_article && g.max_sibling_prose < k_max_product_prose_run;
    // A page that calls itself an article or a product, or is written like an article, needs
    // k_declared_article_factor times the teasers: its related-posts or related-products rails.
    const double needed = declared_article || written_like_article || product_page
                              ? k_min_teaser_score * k_declared_article_factor
                              : k_min_teaser_score;
    char elsewhere[64] = "";
    if (g.teasers_elsewhere > 0)
        std::snprintf(elsewhere, sizeof elsewhere, " (%zu to other sites, a quarter each)", g.teasers_elsewhere);
    char score[256];
    std::snprintf(score, sizeof score, "%zu headline links, %zu linked headings%s and %zu prices against a run of %zu paragraphs (teaser score %.1f",
                  g.headline_links, g.linked_headings, elsewhere, g.price_marks, g.max_sibling_prose, teaser_score);
    if (!collection_type.empty() || g.og_type.starts_with("product.group")) {
        verdict.kind = PageKind::listing;
        verdict.evidence = (collection_type.empty() ? "og:type " + g.og_type : "json-ld " + collection_type) + "; " + score + ")";
        return verdict;
    }
    // A shop's product grid, whatever the prose under it.
    if (g.price_marks >= k_min_grid_prices && g.cart_marks >= k_min_grid_carts && !product_type && !declared_article) {
        verdict.kind = PageKind::listing;
        verdict.evidence = "a product grid: " + std::to_string(g.price_marks) + " prices and " +
                           std::to_string(g.cart_marks) + " add-to-cart marks, no product or article statement; " +
                           score + ")";
        return verdict;
    }
    // A page whose URL path ends like a listing's (/category/NAME, /shop/, /blog/, /page/2; from
    // the canonical URL or og:url when none is given) needs only the plain teaser score, even when
    // it says og:type article: CMSs and shops put that on every page, their category pages
    // included. On modern-dev no article's path ends so; trafilatura-dev's one (a /blog/ index)
    // has a score of 0.4. A link to a later page of the page's own path (/page/2, ?page=2: the
    // listing's pagination) says the same, but a paginated article or comment list has such links
    // too: 7 articles do on the three corpora, all with a teaser score under 2.1.
    if ((g.listing_path || g.pagination) && teaser_score >= k_min_teaser_score && teaser_score < needed) {
        verdict.kind = PageKind::listing;
        verdict.evidence = std::string(g.listing_path ? "a listing's URL path" : "links to later pages of this one") + "; " +
                           score + " >= " +
                           std::to_string(static_cast<int>(k_min_teaser_score)) +
                           (declared_article ? ", though the page says " + declared : std::string()) + ")";
        return verdict;
    }
    // A listing's path or pagination with a date per teaser, and (once the extractor has run) no
    // story in the kept text: a listing of posts.
    if ((g.listing_path || g.pagination) && g.distinct_dates >= k_min_listing_dates && article.chars > 0 &&
        article.prose_run < k_kept_article_prose_run) {
        verdict.kind = PageKind::listing;
        verdict.evidence = std::string(g.listing_path ? "a listing's URL path" : "links to later pages of this one") +
                           " with " + std::to_string(g.distinct_dates) +
                           " different dates (one per teaser) and a kept text with a run of " +
                           std::to_string(article.prose_run) + " prose paragraphs; " + score + ")";
        return verdict;
    }
    // The extractor kept a long run of prose on a page that says it is an article or is dated:
    // its teasers are rails beside the story (only once the extractor has run; before, the run is 0).
    const bool stated_article = declared_article || !s.date.empty();
    const bool kept_story = article.prose_run >= k_kept_article_prose_run && stated_article && !g.listing_path &&
                            !g.pagination;
    // The kept text fits in one stretch between teasers on a page that says it is an article or is
    // dated (on any other page, with a story's run of prose): the extractor kept a story and none
    // of the teasers.
    const bool story_between_teasers =
        article.prose_run >= (stated_article ? k_min_story_prose_run : k_min_undated_story_prose_run) &&
        static_cast<double>(article.chars) <= static_cast<double>(g.teaser_free_chars) * k_story_stretch_factor &&
        !g.listing_path && !g.pagination;
    if (teaser_score >= needed && !kept_story && !story_between_teasers) {
        verdict.kind = PageKind::listing;
        // which of the reasons for the higher bar applies
        const std::string bar = declared_article       ? "a page that says " + declared
                                : written_like_article ? "a page written like an article"
                                : product_page         ? "a page that shows its own product"
                                                       : "";
        verdict.evidence = std::string(score) +
                           (bar.empty() ? "" : " >= " + std::to_string(static_cast<int>(needed)) + " for " + bar) + ")";
        return verdict;
    }

    if (product_page) {
        verdict.kind = PageKind::product;
        verdict.evidence = !has_type({"Product"}).empty() ? "json-ld Product"
                           : g.microdata_products > 0     ? "microdata Product"
                                                          : "og:type " + g.og_type;
        verdict.evidence += ", " + std::to_string(g.price_marks) + " price marks";
        return verdict;
    }

    // An author stated in a meta tag counts even when it names no person: the page is a post
    // somebody filed (a CMS's account, "Super User"), whatever its name.
    const bool has_date_or_author = !s.date.empty() || !s.authors.empty() || g.meta_author;
    // Documentation: a documentation path, or code blocks, on a page that is not dated.
    if (!declared_article && !has_date_or_author && (g.docs_path || g.code_blocks >= k_min_doc_code_blocks)) {
        verdict.kind = PageKind::documentation;
        verdict.evidence = g.docs_path ? "a documentation path" : std::to_string(g.code_blocks) + " code blocks";
        verdict.evidence += ", no date or author";
        return verdict;
    }
    // Service or other: nothing of an article (no statement, no date or author, little prose, no
    // headline inside an <article> element), unless a long run of prose list items (tips, steps).
    const bool nothing_of_an_article = !declared_article && !has_date_or_author && !g.h1_in_article &&
                                       g.max_sibling_prose < k_min_article_prose_run;
    const bool kept_prose = article.prose_run >= k_min_article_prose_blocks;
    // A story that outweighed the teasers around it (above) is an article's, dated or not; so is a
    // long kept text in one stretch between teasers under (almost) no section headings.
    const bool story_over_teasers = (kept_story || story_between_teasers) && teaser_score >= needed;
    const bool unsectioned_story =
        article.chars >= k_min_unsectioned_story_chars && g.headings <= k_max_unsectioned_story_headings &&
        static_cast<double>(article.chars) <= static_cast<double>(g.teaser_free_chars) * k_story_stretch_factor;
    if (nothing_of_an_article && g.max_sibling_prose_blocks < k_min_article_prose_blocks && !kept_prose &&
        !story_over_teasers && !unsectioned_story) {
        verdict.kind = PageKind::service;
        verdict.evidence = "no article statement, date or author; the longest run of paragraphs is " +
                           std::to_string(g.max_sibling_prose) + ", of paragraphs and prose list items " +
                           std::to_string(g.max_sibling_prose_blocks);
        return verdict;
    }
    verdict.kind = PageKind::article;
    verdict.evidence = (!declared.empty()        ? declared
                        : nothing_of_an_article && g.max_sibling_prose_blocks >= k_min_article_prose_blocks
                            ? "a run of " + std::to_string(g.max_sibling_prose_blocks) + " paragraphs and prose list items"
                        : nothing_of_an_article && unsectioned_story && !kept_prose && !story_over_teasers
                            ? "a kept text of " + std::to_string(article.chars) + " characters in one stretch of " +
                                  std::to_string(g.teaser_free_chars) + " between teasers under " +
                                  std::to_string(g.headings) + " section headings"
                        : nothing_of_an_article ? "a run of " + std::to_string(article.prose_run) +
                                                      " prose paragraphs in the kept text"
                                                : std::string("no other kind's evidence")) +
                       "; " + score + ")";
    if (kept_story && teaser_score >= needed)
        verdict.evidence += "; the kept text holds a run of " + std::to_string(article.prose_run) +
                            " prose paragraphs: the teasers are rails beside the story";
    else if (story_between_teasers && teaser_score >= needed)
        verdict.evidence += "; the kept text (" + std::to_string(article.chars) + " characters, a run of " +
                            std::to_string(article.prose_run) + " prose paragraphs) fits in the " +
                            std::to_string(g.teaser_free_chars) +
                            " characters between two teasers" +
                            (stated_article ? std::string() : ", on a page without a date or article statement") +
                            ": the teasers are around the story";
    return verdict;
}

}  // namespace winnow::metadata
