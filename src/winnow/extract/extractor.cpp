// extract: the extractor's cascade. Reads the page's statements, measures every node once,
// removes never-content, chooses the container (profile, JSON-LD anchor, body marker or
// density), filters its blocks, applies the profile's text rules, then rescues a short result
// (relaxed pass, JSON-LD articleBody, whole page) so a page with text never comes back empty.
// See README.md in this folder for the algorithm in prose.
#include "winnow/extract/extractor.hpp"

#include "winnow/extract/block_builder.hpp"
#include "winnow/extract/block_filter.hpp"
#include "winnow/extract/cleaning.hpp"
#include "winnow/extract/container.hpp"
#include "winnow/extract/node_flags.hpp"
#include "winnow/extract/node_stats.hpp"
#include "winnow/metadata/statements.hpp"
#include "winnow/extract/second_opinion.hpp"
#include "winnow/metadata/authors.hpp"
#include "winnow/metadata/dates.hpp"
#include "winnow/metadata/language.hpp"
#include "winnow/metadata/page_kind.hpp"
#include "winnow/decode/text.hpp"
#include "winnow/metadata/title.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::extract {
namespace {

using dom::NodeId;

// The article text given to the language detector (it reads 16 KiB at most).
constexpr std::size_t k_language_sample_bytes = 16 * 1024;
// The body's first lines searched for a repeat of a <title> part when the page has no h1.
constexpr std::size_t k_title_search_blocks = 3;

// The profile's container must stay even if a generic rule removed it or an ancestor.
void restore_with_ancestors(dom::Tree& tree, NodeId id) {
    for (NodeId at = id; at != dom::k_no_node; at = tree.node(at).parent) tree.restore(at);
}



void set_source(Article& article, std::string_view field, std::string source) {
    std::erase_if(article.sources, [&](const Provenance& p) { return p.field == field; });
    article.sources.push_back({std::string(field), std::move(source)});
}

// The page's statements, with their sources.
void take_statements(const metadata::Statements& s, Article& article) {
    article.authors = s.authors;
    if (!s.authors.empty()) article.sources.push_back({"authors", s.authors_source});
    auto take = [&](std::string& field, const metadata::Sourced& value, std::string_view name) {
        field = value.value;
        if (!value.empty()) article.sources.push_back({std::string(name), value.source});
    };
    take(article.date, s.date, "date");
    take(article.date_modified, s.date_modified, "date_modified");
    article.language = s.language;
    if (!s.language.empty()) article.sources.push_back({"language", s.language_source});
    take(article.description, s.description, "description");
    take(article.site_name, s.site_name, "site_name");
    take(article.canonical_url, s.canonical_url, "canonical_url");
    take(article.image, s.image, "image");
    article.tags = s.tags;
    article.categories = s.categories;
}

// The page kind, from the statements' structure and what the extractor kept.
void classify(const metadata::Statements& statements, Article& article) {
    metadata::ArticleShape shape;
    shape.title = article.title;
    std::string text = article.title;
    for (const Block& block : article.blocks) {
        shape.chars += utf8::code_point_count(block.text);
        if (block.kind == BlockKind::paragraph) ++shape.paragraphs;
        if (text.size() < k_language_sample_bytes) text += "\n" + block.text;
    }
    // A page that does not declare its language gets the one its text is written in.
    if (article.language.empty())
        if (std::string detected = metadata::detect_language(text); !detected.empty()) {
            article.language = detected;
            article.sources.push_back({"language", "detected from the text (CLD2)"});
        }
    const metadata::PageKindVerdict verdict = metadata::classify_page(statements, shape);
    article.page_kind = std::string(metadata::page_kind_name(verdict.kind));
    article.page_flags = verdict.flags;
    article.sources.push_back({"page_kind", verdict.evidence});
    // A publication date and a byline belong to publications: a product, a listing or a service
    // page's dates are its template's (a CMS's creation date) and its "author" its owner.
    if (!metadata::has_date(verdict.kind)) {
        article.date.clear();
        std::erase_if(article.sources, [](const Provenance& p) { return p.field == "date"; });
    }
    if (!metadata::has_byline(verdict.kind)) {
        article.authors.clear();
        std::erase_if(article.sources, [](const Provenance& p) { return p.field == "authors"; });
    }
}

std::string join_authors(const std::vector<std::string>& authors) {
    std::string joined;
    for (const std::string& name : authors) joined += (joined.empty() ? "" : ", ") + name;
    return joined;
}

}  // namespace

Article extract_article(dom::Tree& tree, const ExtractOptions& options) {
    Article article;
    // Every regex search of the page (profile rules and built-in patterns) goes through one
    // guard: a rule that fails is skipped for the rest of the page, with one warning.
    RegexGuard regexes(&article.warnings);
    const metadata::Statements statements = metadata::read_statements(tree, metadata::Context{options.url, {}});
    const metadata::Sourced title = metadata::choose_title(statements);
    article.title = title.value;
    if (!title.empty()) article.sources.push_back({"title", title.source});
    take_statements(statements, article);

    static const SiteRules k_no_rules;
    const SiteRules& rules = options.site_rules ? *options.site_rules : k_no_rules;
    apply_drop_rules(tree, rules, article.removals);
    const NodeId profile_container = find_content_container(tree, rules);
    // A profile's title, author and date selectors speak before the page's generic statements.
    const std::string profile_title = find_rule_text(tree, rules.title);
    if (!profile_title.empty()) {
        article.title = profile_title;
        set_source(article, "title", "profile selector");
    }
    if (auto author = find_rule_text(tree, rules.author); !author.empty())
        if (auto names = metadata::author_names(author, {}); !names.empty()) {
            article.authors = std::move(names);
            set_source(article, "authors", "profile selector");
        }
    if (auto date = metadata::find_date(find_rule_text(tree, rules.date),
                                        metadata::day_order_for(statements.language))) {
        article.date = date->iso();
        set_source(article, "date", "profile selector");
    }

    const std::vector<std::uint32_t> flags = classify_nodes(tree);
    const StopwordList& stopwords = stopwords_for(statements.language);
    NodeStats stats;
    stats.measure_text_nodes(tree, stopwords);
    stats.aggregate(tree);
    CleaningOptions cleaning;
    cleaning.explain = options.explain;
    const std::vector<NodeId> cleaned = remove_never_content(tree, stats, flags, cleaning, article.removals);
    if (profile_container != dom::k_no_node) restore_with_ancestors(tree, profile_container);
    stats.aggregate(tree);
    const std::size_t page_chars = static_cast<std::size_t>(stats.chars(tree.body()));

    ContainerChoice choice;
    if (profile_container != dom::k_no_node) choice = {{profile_container}, "profile"};
    else choice = choose_container(tree, stats, flags, statements);

    std::vector<SourcedBlock> blocks = build_sourced_blocks(tree, choice.roots);
    if (profile_title.empty()) {
        std::vector<std::string> first_lines;
        for (std::size_t i = 0; i < blocks.size() && i < k_title_search_blocks; ++i) first_lines.push_back(blocks[i].block.text);
        if (auto shown = metadata::title_part_shown(statements, first_lines); !shown.empty()) article.title = shown;
    }
    BlockFilterOptions filter;
    filter.title = article.title;
    filter.explain = options.explain;
    filter.drop_text = &rules.drop_text;
    article.blocks = filter_blocks(tree, flags, choice.roots, std::move(blocks), stopwords, filter, article.removals, regexes);
    article.method = choice.method;
    // Second opinion: prose right next to the chosen container that it missed.
    if (profile_container == dom::k_no_node &&
        extend_with_prose_neighbours(article.blocks, build_sourced_blocks(tree, {tree.body()}), stopwords, article.title,
                                     regexes) > 0)
        article.method += " + prose";
    apply_text_rules(article.blocks, rules, article.removals, regexes);
    std::size_t chars = blocks_chars(article.blocks);

    // Rescue 1: a relaxed pass when the result is short for the page.
    if (profile_container == dom::k_no_node && needs_rescue(chars, page_chars)) {
        for (NodeId id : cleaned) tree.restore(id);
        CleaningOptions relaxed_cleaning = cleaning;
        relaxed_cleaning.relaxed = true;
        std::vector<Removal> ignored;
        stats.aggregate(tree);
        remove_never_content(tree, stats, flags, relaxed_cleaning, ignored);
        stats.aggregate(tree);
        ContainerChoice relaxed_choice = choose_by_density(tree, stats, flags);
        BlockFilterOptions relaxed_filter = filter;
        relaxed_filter.relaxed = true;
        relaxed_filter.explain = false;
        auto relaxed_blocks = build_sourced_blocks(tree, relaxed_choice.roots);
        auto relaxed = filter_blocks(tree, flags, relaxed_choice.roots, std::move(relaxed_blocks), stopwords,
                                     relaxed_filter, ignored, regexes);
        apply_text_rules(relaxed, rules, ignored, regexes);
        const std::size_t relaxed_chars = blocks_chars(relaxed);
        if (prefer_relaxed(chars, relaxed_chars)) {
            article.blocks = std::move(relaxed);
            article.method = "relaxed " + relaxed_choice.method;
            chars = relaxed_chars;
        }
    }
    // Rescue 2: the publisher's own articleBody when the DOM result is poor beside it.
    if (auto from_json_ld = json_ld_rescue(statements, chars); !from_json_ld.empty()) {
        article.blocks = std::move(from_json_ld);
        article.method = "json-ld articleBody";
        chars = blocks_chars(article.blocks);
    }
    // Rescue 3: the whole page, unfiltered but for the phrase rules' drop_text (no stop_text: on
    // a whole page a "Related posts" heading in a sidebar may come before the article).
    if (article.blocks.empty()) {
        for (NodeId id = 0; id < tree.size(); ++id) tree.restore(id);
        article.blocks = build_blocks(tree, tree.body());
        std::erase_if(article.blocks, [&](const Block& b) { return b.text == article.title; });
        SiteRules drop_only;
        drop_only.drop_text = rules.drop_text;
        build_text_screen(drop_only);
        apply_text_rules(article.blocks, drop_only, article.removals, regexes);
        article.method = "whole-page";
    }
    if (article.blocks.empty() && !article.description.empty()) {
        article.blocks.push_back(Block{BlockKind::paragraph, 0, 0, article.description});
        article.method = "description";
    }
    classify(statements, article);
    // After the page kind, which may clear the authors: `author` is always `authors` joined.
    article.author = join_authors(article.authors);
    return article;
}

}  // namespace winnow::extract
