// extract: the rescue cascade's strategies.
#include "winnow/extract/fallbacks.hpp"

#include "winnow/decode/text.hpp"
#include "winnow/extract/block_builder.hpp"
#include "winnow/extract/block_filter.hpp"
#include "winnow/extract/cleaning.hpp"
#include "winnow/extract/container.hpp"

namespace winnow::extract {

Candidate relaxed_candidate(const PageView& dropped, const std::string& title, const SiteRules& rules,
                            RegexGuard& regexes, const FavorSettings& favor) {
    CleaningOptions cleaning;
    cleaning.relaxed = true;
    std::vector<Removal> unrecorded;
    const PageView relaxed(dropped.page(), remove_never_content(dropped, cleaning, unrecorded));
    ContainerCandidate container = density_candidate(relaxed);
    container.method.relaxed = true;
    BlockFilterOptions filter;
    filter.title = title;
    filter.relaxed = true;
    filter.favor = &favor;
    std::vector<Block> kept = filter_blocks(relaxed.page(), container.roots,
                                            build_sourced_blocks(relaxed, container.roots), filter,
                                            unrecorded, regexes);
    apply_text_rules(kept, rules, unrecorded, regexes);
    return Candidate(container.method, std::move(kept));
}

Candidate article_body_candidate(const std::string& article_body) {
    std::vector<Block> blocks;
    std::size_t start = 0;
    while (start <= article_body.size()) {
        std::size_t end = article_body.find('\n', start);
        if (end == std::string::npos) end = article_body.size();
        std::string line = decode::collapse_whitespace(article_body.substr(start, end - start));
        if (!line.empty()) blocks.push_back(Block{BlockKind::paragraph, 0, 0, std::move(line)});
        start = end + 1;
    }
    return Candidate(Method{.source = Source::json_ld_article_body}, std::move(blocks));
}

Candidate whole_page_candidate(const dom::Tree& tree, const Mask& mask, const std::string& title, const SiteRules& rules,
                               std::vector<Removal>& removals, RegexGuard& regexes) {
    std::vector<Block> blocks = build_blocks(tree, mask, tree.body());
    std::erase_if(blocks, [&](const Block& b) { return b.text == title; });
    // drop_text only (no stop_text: on a whole page a "Related posts" heading in a sidebar may
    // come before the article), with the screens built once with the profile.
    apply_text_rules(blocks, rules, removals, regexes, TextRuleSet::drop_only);
    return Candidate(Method{.source = Source::whole_page}, std::move(blocks));
}

Candidate description_candidate(const std::string& description) {
    return Candidate(Method{.source = Source::description}, {Block{BlockKind::paragraph, 0, 0, description}});
}

}  // namespace winnow::extract
