// extract: the rules a site's profile (and profiles/default.toml) hand to the extractor,
// already compiled. The profiles stage builds them; the extractor only applies them.
#pragma once

#include <boost/regex/icu.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "winnow/dom/selector.hpp"
#include "winnow/dom/tree.hpp"
#include "winnow/extract/article.hpp"
#include "winnow/extract/favor.hpp"
#include "winnow/extract/page.hpp"
#include "winnow/util/regex_guard.hpp"

namespace winnow::extract {

struct SelectorRule {
    std::string origin;  // "profile cryptopolitan.com" or "default"
    dom::SelectorList selector;
};

// Where a match of an anchored regex can start, when its text shows how its matches begin
// (util/regex_shape.hpp's start_literals): at the block's first character, or, after a shared
// "\W*", at any character up to the block's first letter or digit. A block that has none of the
// `starts` there is passed over without a search.
struct StartGate {
    enum class Start : std::uint8_t { anywhere, first_character, after_non_word } start = Start::anywhere;
    std::vector<std::vector<UChar32>> starts_lowered;  // literals of case-insensitive rules, lowered (sorted)
    std::vector<std::vector<UChar32>> starts_exact;    // those of case-sensitive rules (sorted)
    bool starts_with_digit = false;                    // some rule starts with \d
};

struct TextRule {
    std::string origin;   // "profile cryptopolitan.com" or "default"
    std::string file;     // the profile file it was read from, for messages ("" when none)
    std::string pattern;  // as written in the profile
    // Unicode-aware (ICU): `.` is one character, \w and case-insensitivity cover every script.
    boost::u32regex regex;
    // has_nested_quantifier(pattern) (util/regex_shape.hpp), read once when the rule is made
    // rather than on every page: such a rule is left out of the screens and tried on every block.
    bool nested_quantifier = false;
    // Set by build_text_screen for a rule whose every match ends the block with one of a few
    // literals and at most `gate_tail` more characters ("^.{0,120}(all rights reserved|...)\.?$",
    // regex_shape's end_literals): those literals, as the rule's search compares them (lowered
    // when it ignores case). The screens would try such a rule at many positions of every block;
    // it is left out of them and tried only on a block that ends so. Empty: no such gate.
    std::vector<std::vector<UChar32>> gate_literals;
    std::size_t gate_tail = 0;
    // Set by build_text_screen for a pattern whose ^ governs all of it: tried alone, it is tried
    // at the block's start only (as the anchored screen is), without Boost's walk through the
    // rest of the block for line starts, where ^ cannot match.
    bool anchored = false;
    // Set by build_text_screen for a rule tried alone (nested quantifiers) that is anchored and
    // shows how its matches start: it is tried only on a block that can start one (anywhere: on
    // every block). On any other block its search fails before it reaches its repeated group,
    // within Boost's budget, so the gate skips no search that could have disabled the rule.
    StartGate start_gate;
};

// One of the screens of SiteRules: a regex, and whether it can match only at the start of a
// block (built as "^(?:...)"), in which case it is tried there alone. Its StartGate is known when
// every rule in it shows how its matches begin.
struct TextScreen : StartGate {
    boost::u32regex regex;
    bool anchored = false;
};

struct SiteRules {
    std::vector<SelectorRule> content;  // article container, tried in order
    std::vector<SelectorRule> drop;     // elements removed before extraction
    std::vector<TextRule> drop_text;    // whole blocks removed
    std::vector<TextRule> stop_text;    // a block after which the rest of the body is cut
    std::vector<SelectorRule> title;
    std::vector<SelectorRule> author;
    std::vector<SelectorRule> date;
    // `favor` of the profile's [rules] (else of default.toml's): the mode for the site's pages
    // when the user asked for none. None: balanced.
    std::optional<Favor> favor;
    // Regexes that, between them, match wherever any drop_text or stop_text rule matches: the
    // alternation of the rules anchored at the start of the block (kept anchored, so it is
    // tried at one position only) and that of the others. Most blocks match no rule, and two
    // searches are far cheaper than one per rule; a block a screen passes is then tried rule by
    // rule. Not built: every rule is tried. The drop_text-only searches (the whole-page rescue,
    // drop_text_rule_name) use them too. A site's rules followed by default.toml's have screens
    // of their own rules, then default.toml's (the same compiled regexes, shared).
    std::optional<std::vector<TextScreen>> text_screens;
    // The run's record of rules disabled for being too slow (the ProfileSet's); none: a rule
    // that fails is skipped for the page only.
    SlowRules* slow_rules = nullptr;
};

// Builds SiteRules::text_screens from the drop_text and stop_text rules (those without nested
// quantifiers or gate literals) and each rule's gate_literals; call it whenever those change.
// The screens are left empty when a pattern cannot be combined safely (back-references would
// renumber). `shared`, when given, holds built rules whose lists end those of `rules` (default.toml's
// under a site's): its screens are reused rather than compiled again for every site profile.
void build_text_screen(SiteRules& rules, const SiteRules* shared = nullptr);

// The mask with the elements matched by the drop rules removed too, recording each removal.
// Each rule selects among what the rules before it left.
Mask apply_drop_rules(const dom::Tree& tree, Mask mask, const SiteRules& rules, std::vector<Removal>& removals);

// Which text rules apply_text_rules applies.
enum class TextRuleSet : std::uint8_t { drop_and_stop, drop_only };

// The container named by the first content rule that matches outside removed subtrees, or k_no_node.
dom::NodeId find_content_container(const dom::Tree& tree, const Mask& mask, const SiteRules& rules);

// Removes blocks matched by drop_text and cuts the body at the first stop_text block. A rule
// whose regex exceeds Boost's complexity limit on a block is skipped by `regexes` for the rest
// of the page, with one warning; the run goes on.
void apply_text_rules(std::vector<Block>& blocks, const SiteRules& rules, std::vector<Removal>& removals,
                      RegexGuard& regexes, TextRuleSet which = TextRuleSet::drop_and_stop);

// True for a character Boost's \w surely matches (ASCII letters, digits and '_', and the letters
// of every script): where the characters a screen's shared "\W*" may pass over end. A character
// Boost reads as \w but this does not only makes the screens' gate look further (a test checks
// every code point against Boost).
bool surely_word(UChar32 c);

// The name of the first drop_text rule that matches the block (as apply_text_rules records it),
// or "" when none does.
std::string drop_text_rule_name(const SiteRules& rules, const Block& block, RegexGuard& regexes);

// The text of the first element matched by the rules (a <meta>'s content), or "": for the
// title, author and date selectors. Removed nodes are neither matched nor read.
std::string find_rule_text(const dom::Tree& tree, const Mask& mask, const std::vector<SelectorRule>& rules);

// The start of a removed block's text as `--explain` shows it: at most 80 bytes, cut at a
// character boundary, "..." when cut. Every stage that records removals uses it.
std::string removal_excerpt(std::string_view text);

// How a rule is named in removals and messages: `profile cryptopolitan.com drop ".author-box"`.
std::string rule_name(std::string_view origin, std::string_view kind, std::string_view pattern);

}  // namespace winnow::extract
