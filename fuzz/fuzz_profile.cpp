// libFuzzer harness: a profile file (TOML, selectors, regexes) read and, when it loads, its
// selectors and text rules applied to a small page.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/dom/selector.hpp"
#include "winnow/dom/tree.hpp"
#include "winnow/extract/page.hpp"
#include "winnow/extract/site_rules.hpp"
#include "winnow/profiles/profile.hpp"

namespace {

constexpr std::string_view k_page = R"(<!doctype html><html><head><title>T</title>
<meta name="author" content="Jane Doe"></head><body><div id="main" class="post body">
<h1>Title</h1><p class="lead">One paragraph of text.</p><ul><li>a</li><li>b</li><li>c</li></ul>
<p>Share this article</p><div class="author-box">About the author</div><p lang="en-GB">Two.</p>
</div><aside>Related</aside></body></html>)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // The input as one selector, too: the selector engine without the TOML around it.
    if (size < 4096) {
        if (auto selector = winnow::dom::SelectorList::parse(text)) {
            const winnow::dom::Tree tree = winnow::dom::Tree::parse(k_page);
            (void)selector->select(tree, tree.document());
        }
    }
    std::vector<winnow::profiles::Problem> problems;
    auto profile = winnow::profiles::read_profile(text, "fuzz.example.toml", "fuzz.example", problems);
    if (!profile) return 0;
    for (const auto& problem : problems) (void)problem.to_string();
    winnow::extract::build_text_screen(profile->rules);
    const winnow::dom::Tree tree = winnow::dom::Tree::parse(k_page);
    std::vector<winnow::extract::Removal> removals;
    const winnow::extract::Mask mask =
        winnow::extract::apply_drop_rules(tree, winnow::extract::Mask(tree), profile->rules, removals);
    (void)winnow::extract::find_content_container(tree, mask, profile->rules);
    (void)winnow::extract::find_rule_text(tree, mask, profile->rules.title);
    std::vector<winnow::extract::Block> blocks{{winnow::extract::BlockKind::paragraph, 0, 0, "Share this article"},
                                               {winnow::extract::BlockKind::paragraph, 0, 0, "One paragraph of text."}};
    winnow::RegexGuard regexes;
    winnow::extract::apply_text_rules(blocks, profile->rules, removals, regexes);
    return 0;
}
