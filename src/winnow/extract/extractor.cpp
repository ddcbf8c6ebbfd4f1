// extract: the extractor's pipeline. Reads the page's statements and measures the page once
// (Page), applies the profile's drop rules and the never-content pass (each a Mask), lets the
// arbiter choose the body among the strategies' candidates (arbitrate.hpp), then classifies the
// page. See README.md in this folder for the algorithm in prose.
#include "winnow/extract/extractor.hpp"

#include "winnow/extract/arbitrate.hpp"
#include "winnow/extract/cleaning.hpp"
#include "winnow/extract/page.hpp"
#include "winnow/metadata/statements.hpp"
#include "winnow/metadata/authors.hpp"
#include "winnow/metadata/dates.hpp"
#include "winnow/metadata/language.hpp"
#include "winnow/metadata/page_kind.hpp"
#include "winnow/decode/text.hpp"
#include "winnow/metadata/title.hpp"
#include "winnow/util/ascii.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::extract {
namespace {

using dom::NodeId;

// The article text given to the language detector (it reads 16 KiB at most).
constexpr std::size_t k_language_sample_bytes = 16 * 1024;

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
        const std::size_t chars = utf8::code_point_count(block.text);
        shape.chars += chars;
        if (block.kind == BlockKind::paragraph) ++shape.paragraphs;
        shape.add_block(block.kind == BlockKind::paragraph, chars);
        if (text.size() < k_language_sample_bytes) text += "\n" + block.text;
    }
    // A page that does not declare its language gets the one its text is written in. Placeholder
    // ("Lorem ipsum...") is no language: on a page that holds it only a reliable answer is taken,
    // else the page's own words are in its title, headings and images' descriptions.
    const bool placeholder = article.language.empty() && metadata::has_placeholder_text(text);
    if (article.language.empty())
        if (std::string detected = metadata::detect_language(text, placeholder); !detected.empty()) {
            article.language = detected;
            article.sources.push_back({"language", "detected from the text (CLD2)"});
        }
    if (article.language.empty() && placeholder) {
        std::vector<std::string_view> pieces{article.title};
        for (const Block& block : article.blocks)
            if (block.kind == BlockKind::heading) pieces.push_back(block.text);
        for (std::string_view alt : ascii::split(statements.image_descriptions, '\n')) pieces.push_back(alt);
        if (std::string detected = metadata::detect_language_besides_placeholder(pieces); !detected.empty()) {
            article.language = detected;
            article.sources.push_back({"language", "detected from the title, headings and image descriptions besides placeholder text (CLD2)"});
        }
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

Article extract_article(const dom::Tree& tree, const ExtractOptions& options) {
    Article article;
    // Every regex search of the page (profile rules and built-in patterns) goes through one
    // guard: a rule that fails is skipped for the rest of the page, with one warning.
    RegexGuard regexes(&article.warnings, options.site_rules ? options.site_rules->slow_rules : nullptr);
    const Page page(tree, metadata::read_statements(tree, metadata::Context{options.url, {}, options.stated_address}));
    const metadata::Statements& statements = page.statements();
    const metadata::Sourced title = metadata::choose_title(statements, page.statement_kind());
    article.title = title.value;
    if (!title.empty()) article.sources.push_back({"title", title.source});
    take_statements(statements, article);

    static const SiteRules k_no_rules;
    const SiteRules& rules = options.site_rules ? *options.site_rules : k_no_rules;
    const PageView dropped(page, apply_drop_rules(tree, Mask(tree), rules, article.removals));
    const NodeId profile_container = find_content_container(tree, dropped.mask(), rules);
    // A profile's title, author and date selectors speak before the page's generic statements.
    const std::string profile_title = find_rule_text(tree, dropped.mask(), rules.title);
    if (!profile_title.empty()) {
        article.title = profile_title;
        set_source(article, "title", "profile selector");
    }
    if (auto author = find_rule_text(tree, dropped.mask(), rules.author); !author.empty())
        if (auto names = metadata::author_names(author, {}); !names.empty()) {
            article.authors = std::move(names);
            set_source(article, "authors", "profile selector");
        }
    if (auto date = metadata::find_date(find_rule_text(tree, dropped.mask(), rules.date),
                                        metadata::day_order_for(statements.language))) {
        article.date = date->iso();
        set_source(article, "date", "profile selector");
    }

    CleaningOptions cleaning;
    cleaning.explain = options.explain;
    cleaning.keep = profile_container;
    // A forum or Q&A by the page's own statements (its kind does not depend on the extraction):
    // its comment sections are its posts.
    cleaning.thread = page.statement_kind() == metadata::PageKind::forum;
    const PageView cleaned(page, remove_never_content(dropped, cleaning, article.removals));

    ArbiterInput input{dropped, cleaned, rules};
    input.profile_container = profile_container;
    input.title_from_profile = !profile_title.empty();
    input.explain = options.explain;
    input.justext = options.justext;
    input.favor = &favor_settings(options.favor);
    input.thread = cleaning.thread;
    input.description = article.description;
    Candidate body = arbitrate(input, article.title, article.removals, regexes);
    article.blocks = std::move(body.blocks);
    article.method = body.method.name();
    if (options.noscript_page) article.method += " (noscript page)";
    if (options.favor != Favor::balanced) article.method += " (favor " + std::string(favor_name(options.favor)) + ")";
    classify(statements, article);
    // After the page kind, which may clear the authors: `author` is always `authors` joined.
    article.author = join_authors(article.authors);
    return article;
}

}  // namespace winnow::extract
