// extract: applies a profile's compiled rules to a page: drop selectors on the DOM, the content
// container, and drop_text / stop_text phrases on the built blocks. Every removal is recorded
// with the rule that made it, in the form `--explain` prints.
#include "winnow/extract/site_rules.hpp"

#include <stdexcept>

#include "winnow/decode/text.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::extract {
namespace {

// Removal texts are a reminder of what went, not a copy of it.
constexpr std::size_t k_removal_text_bytes = 80;

std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

// The text rules see a block's text with white space collapsed, as profiles are written.
std::string match_text(const Block& block) {
    return block.kind == BlockKind::preformatted ? decode::collapse_whitespace(block.text) : block.text;
}

// A rule's search through the guard: a pattern that exceeds Boost's complexity limit on a block
// is skipped for the rest of the page, with one warning (util/regex_guard.hpp).
bool matches(const TextRule& rule, std::string_view kind, const std::string& text, RegexGuard& regexes) {
    return regexes.search(
        text, [&] { return boost::u32regex_search(text, rule.regex, boost::match_single_line); },
        [&] { return rule_name(rule.origin, kind, rule.pattern); });
}

// The first rule of the list whose pattern the text matches, or nullptr.
const TextRule* first_match(const std::vector<TextRule>& rules, std::string_view kind, const std::string& text,
                            RegexGuard& regexes) {
    for (const TextRule& rule : rules)
        if (matches(rule, kind, text, regexes)) return &rule;
    return nullptr;
}

// True when the block matches no text rule for certain; false when it may match one (or a
// screen cannot tell, having hit the complexity limit).
bool screened_out(const SiteRules& rules, const std::string& text) {
    if (!rules.text_screens) return false;
    try {
        for (const auto& screen : *rules.text_screens)
            if (boost::u32regex_search(text, screen, boost::match_single_line)) return false;
        return true;
    } catch (const std::runtime_error&) {
        return false;
    }
}

// Back-references (\1, \k<name>, \g1) refer to group numbers that an alternation shifts.
bool has_back_reference(const std::string& pattern) {
    for (std::size_t i = 0; i + 1 < pattern.size(); ++i) {
        if (pattern[i] != '\\') continue;
        char next = pattern[i + 1];
        if ((next >= '1' && next <= '9') || next == 'k' || next == 'g') return true;
        ++i;  // an escaped character, whatever it is
    }
    return false;
}

// True when the pattern starts with a ^ that governs all of it: no '|' outside groups and
// character classes (in "^a|b" the b is not anchored).
bool is_anchored_at_start(const std::string& pattern) {
    if (pattern.empty() || pattern[0] != '^') return false;
    int depth = 0;
    bool in_class = false;
    for (std::size_t i = 1; i < pattern.size(); ++i) {
        char c = pattern[i];
        if (c == '\\') {
            ++i;
            continue;
        }
        if (in_class) {
            in_class = c != ']';
            continue;
        }
        if (c == '[') in_class = true;
        else if (c == '(') ++depth;
        else if (c == ')') --depth;
        else if (c == '|' && depth == 0) return false;
    }
    return true;
}

// One alternative of a screen: the pattern with its own case rule, unable to leak flags into
// its neighbours.
std::string screen_alternative(const TextRule& rule, std::string_view pattern) {
    bool icase = (rule.regex.flags() & boost::regex_constants::icase) != 0;
    return std::string(icase ? "(?i:" : "(?-i:") + std::string(pattern) + ")";
}

}  // namespace

void build_text_screen(SiteRules& rules) {
    rules.text_screens.reset();
    std::string anchored, unanchored;
    for (const auto* list : {&rules.drop_text, &rules.stop_text}) {
        for (const TextRule& rule : *list) {
            if (has_back_reference(rule.pattern)) return;
            const bool at_start = is_anchored_at_start(rule.pattern);
            std::string& group = at_start ? anchored : unanchored;
            if (!group.empty()) group += '|';
            group += screen_alternative(rule, std::string_view(rule.pattern).substr(at_start ? 1 : 0));
        }
    }
    std::vector<boost::u32regex> screens;
    try {
        // The shared ^ outside the alternation lets Boost try the anchored rules at one position.
        if (!anchored.empty()) screens.push_back(boost::make_u32regex("^(?:" + anchored + ")", boost::regex::perl));
        if (!unanchored.empty()) screens.push_back(boost::make_u32regex(unanchored, boost::regex::perl));
    } catch (const boost::regex_error&) {
        return;  // every rule compiled alone; they are then tried one by one
    }
    if (!screens.empty()) rules.text_screens = std::move(screens);
}

std::string removal_excerpt(std::string_view text) { return utf8::shorten(text, k_removal_text_bytes); }

std::string rule_name(std::string_view origin, std::string_view kind, std::string_view pattern) {
    return std::string(origin) + " " + std::string(kind) + " " + quoted(pattern);
}

namespace {

// The elements the selector matches, in document order, outside removed subtrees.
std::vector<dom::NodeId> select(const dom::SelectorList& selector, const dom::Tree& tree, const Mask& mask) {
    std::vector<dom::NodeId> found;
    for (dom::NodeId id = 0; id < tree.size(); ++id) {
        if (mask.removed_here(id)) {
            id = tree.node(id).subtree_end - 1;
            continue;
        }
        if (tree.node(id).type == dom::NodeType::element && selector.matches(tree, id)) found.push_back(id);
    }
    return found;
}

}  // namespace

Mask apply_drop_rules(const dom::Tree& tree, Mask mask, const SiteRules& rules, std::vector<Removal>& removals) {
    for (const auto& rule : rules.drop) {
        for (dom::NodeId id : select(rule.selector, tree, mask)) {
            if (mask.removed(tree, id)) continue;  // inside an element this rule already removed
            std::string text = decode::collapse_whitespace(mask.text_content(tree, id));
            mask.remove(id);
            if (!text.empty()) removals.push_back({rule_name(rule.origin, "drop", rule.selector.source()), removal_excerpt(text)});
        }
    }
    return mask;
}

dom::NodeId find_content_container(const dom::Tree& tree, const Mask& mask, const SiteRules& rules) {
    for (const auto& rule : rules.content)
        for (dom::NodeId id : select(rule.selector, tree, mask))
            if (!mask.removed(tree, id)) return id;
    return dom::k_no_node;
}

std::string find_rule_text(const dom::Tree& tree, const Mask& mask, const std::vector<SelectorRule>& rules) {
    for (const auto& rule : rules) {
        for (dom::NodeId id : select(rule.selector, tree, mask)) {
            std::string text = decode::collapse_whitespace(tree.node(id).tag == GUMBO_TAG_META
                                                               ? std::string(tree.attribute(id, "content"))
                                                               : mask.text_content(tree, id));
            if (!text.empty()) return text;
        }
    }
    return {};
}

std::string drop_text_rule_name(const std::vector<TextRule>& drop_text, const Block& block, RegexGuard& regexes) {
    const std::string text = match_text(block);
    const TextRule* rule = first_match(drop_text, "drop_text", text, regexes);
    return rule ? rule_name(rule->origin, "drop_text", rule->pattern) : std::string();
}

void apply_text_rules(std::vector<Block>& blocks, const SiteRules& rules, std::vector<Removal>& removals,
                      RegexGuard& regexes) {
    if (rules.drop_text.empty() && rules.stop_text.empty()) return;

    std::vector<Block> kept;
    kept.reserve(blocks.size());
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        const std::string text = match_text(blocks[b]);
        if (screened_out(rules, text)) {
            kept.push_back(std::move(blocks[b]));
            continue;
        }
        bool dropped = false;
        for (std::size_t r = 0; r < rules.stop_text.size(); ++r) {
            if (!matches(rules.stop_text[r], "stop_text", text, regexes)) continue;
            std::string rule = rule_name(rules.stop_text[r].origin, "stop_text", rules.stop_text[r].pattern);
            // A stop heading before any kept block (a "Comments" link above the article, say)
            // does not cut the whole body: only that block goes.
            if (kept.empty()) {
                removals.push_back({std::move(rule), removal_excerpt(blocks[b].text)});
                dropped = true;
                break;
            }
            // The rest of the body goes, the stop block included.
            for (std::size_t rest = b; rest < blocks.size(); ++rest)
                removals.push_back({rule, removal_excerpt(blocks[rest].text)});
            blocks = std::move(kept);
            return;
        }
        if (!dropped)
            if (const TextRule* rule = first_match(rules.drop_text, "drop_text", text, regexes)) {
                removals.push_back({rule_name(rule->origin, "drop_text", rule->pattern), removal_excerpt(blocks[b].text)});
                dropped = true;
            }
        if (!dropped) kept.push_back(std::move(blocks[b]));
    }
    blocks = std::move(kept);
}

}  // namespace winnow::extract
