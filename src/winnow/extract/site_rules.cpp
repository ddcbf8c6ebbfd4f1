// extract: applies a profile's compiled rules to a page: drop selectors on the DOM, the content
// container, and drop_text / stop_text phrases on the built blocks. Every removal is recorded
// with the rule that made it, in the form `--explain` prints.
#include "winnow/extract/site_rules.hpp"

#include <algorithm>
#include <span>
#include <stdexcept>

#include <unicode/uchar.h>

#include "winnow/decode/text.hpp"
#include "winnow/util/ascii.hpp"
#include "winnow/util/regex_shape.hpp"
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

// A block's text as code points, searched in place of its UTF-8. Boost sizes a search's budget
// (the states it may visit before it gives up) by the text's length only when the text is
// random-access: through the UTF-8 iterators every search may visit 100 million states, about 3
// seconds, so a pathological rule (nested quantifiers) cost seconds on each block it failed on.
// On code points a short block's budget is about 100,000 states (milliseconds).
using CodePoints = std::vector<UChar32>;

CodePoints code_points(std::string_view text) {
    CodePoints out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) out.push_back(static_cast<UChar32>(utf8::next_code_point(text, i)));
    return out;
}


// A screen's search. An anchored screen is tried at the block's start alone (match_continuous):
// the same answer, without Boost's walk through the rest of the block for line breaks to try
// a '^' after each (which match_single_line then refuses).
bool search(const CodePoints& text, const TextScreen& screen) {
    const auto flags = screen.anchored ? boost::match_single_line | boost::match_continuous : boost::match_single_line;
    return boost::u32regex_search(text.begin(), text.end(), screen.regex, flags);
}

// A rule's search. An anchored rule is tried at the block's start alone, as an anchored screen is.
bool search(const CodePoints& text, const TextRule& rule) {
    const auto flags = rule.anchored ? boost::match_single_line | boost::match_continuous : boost::match_single_line;
    return boost::u32regex_search(text.begin(), text.end(), rule.regex, flags);
}

// A rule's search through the guard: a pattern that exceeds Boost's complexity limit on a block
// is skipped from then on (for the run when the rules have the run's SlowRules), with one
// warning naming the rule and its file (util/regex_guard.hpp).
bool matches(const TextRule& rule, std::string_view kind, const std::string& text, const CodePoints& points,
             RegexGuard& regexes) {
    return regexes.search(
        text, [&] { return search(points, rule); },
        [&] { return rule_name(rule.origin, kind, rule.pattern) + (rule.file.empty() ? "" : " in " + rule.file); });
}

// A character as a case-insensitive search compares it (defined below).
UChar32 lowered(UChar32 c);

// True when one of `literals` (sorted) starts at text[at], its characters compared as `lower` says.
bool literal_at(const CodePoints& text, std::size_t at, const std::vector<std::vector<UChar32>>& literals, bool lower) {
    const UChar32 first = lower ? lowered(text[at]) : text[at];
    auto it = std::lower_bound(literals.begin(), literals.end(), first,
                               [](const std::vector<UChar32>& literal, UChar32 c) { return literal.front() < c; });
    for (; it != literals.end() && it->front() == first; ++it) {
        if (it->size() > text.size() - at) continue;
        std::size_t i = 1;
        while (i < it->size() && (lower ? lowered(text[at + i]) : text[at + i]) == (*it)[i]) ++i;
        if (i == it->size()) return true;
    }
    return false;
}

// False when the anchored screen (or rule) cannot match the block, as its starts tell: none of
// the start literals of its rules is at the block's first character (or, after the shared "\W*",
// at any character up to its first letter or digit).
bool may_start(const CodePoints& text, const StartGate& screen) {
    if (screen.start == StartGate::Start::anywhere) return true;
    using Start = StartGate::Start;
    auto starts = [&](std::size_t at) {
        return (screen.starts_with_digit && u_isdigit(text[at])) || literal_at(text, at, screen.starts_exact, false) ||
               literal_at(text, at, screen.starts_lowered, true);
    };
    if (screen.start == Start::first_character) return !text.empty() && starts(0);
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (starts(at)) return true;
        if (surely_word(text[at])) return false;
    }
    return false;
}

// True when the block matches no text rule for certain; false when it may match one (or a
// screen cannot tell, having hit the complexity limit).
bool screened_out(const std::optional<std::vector<TextScreen>>& screens, const CodePoints& text) {
    if (!screens) return false;
    try {
        for (const auto& screen : *screens)
            if (may_start(text, screen) && search(text, screen)) return false;
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

bool ignores_case(const TextRule& rule) { return (rule.regex.flags() & boost::regex_constants::icase) != 0; }

// One alternative of a screen: the pattern with its own case rule, unable to leak flags into
// its neighbours.
std::string screen_alternative(const TextRule& rule, std::string_view pattern) {
    return std::string(ignores_case(rule) ? "(?i:" : "(?-i:") + std::string(pattern) + ")";
}

// A character as a case-insensitive search compares it: Boost's ICU traits lower the text's and
// the pattern's characters one code point at a time (icu_regex_traits::translate_nocase, which is
// u_tolower), so where such a rule matches a literal the lowered text holds the lowered literal.
UChar32 lowered(UChar32 c) { return c < 0x80 ? static_cast<UChar32>(ascii::lower(static_cast<char>(c))) : u_tolower(c); }

// Sets the rule's gate (TextRule::gate_literals) from how its matches end (end_literals). Rules
// with nested quantifiers stay as they are (tried on every block): a gate would change which
// blocks can make them exceed Boost's budget.
void set_gate(TextRule& rule) {
    rule.gate_literals.clear();
    rule.gate_tail = 0;
    if (rule.nested_quantifier) return;
    const auto ends = end_literals(rule.pattern);
    if (!ends) return;
    for (const std::string& literal : ends->literals) {
        CodePoints points = code_points(literal);
        if (ignores_case(rule))
            for (UChar32& c : points) c = lowered(c);
        rule.gate_literals.push_back(std::move(points));
    }
    rule.gate_tail = ends->optional_tail;
}

// True when the block's text ends as a match of the gated rule must: one of its literals, then
// at most gate_tail characters. A few comparisons at the end of the text, whatever its length.
bool ends_as_gate_says(const CodePoints& text, const TextRule& rule) {
    const bool lower = ignores_case(rule);
    for (const CodePoints& literal : rule.gate_literals) {
        for (std::size_t tail = 0; tail <= rule.gate_tail && literal.size() + tail <= text.size(); ++tail) {
            const std::size_t start = text.size() - tail - literal.size();
            std::size_t i = 0;
            while (i < literal.size() && (lower ? lowered(text[start + i]) : text[start + i]) == literal[i]) ++i;
            if (i == literal.size()) return true;
        }
    }
    return false;
}

// A rule the screens leave out: one with nested quantifiers. Inside a long alternation Boost
// would allow it a budget of billions of states (the budget grows with the pattern's length),
// so it is tried alone, on every block, where its budget is small.
bool outside_screens(const TextRule& rule) { return rule.nested_quantifier; }

// The start most anchored rules share after their ^: any punctuation, arrows or emoji before a
// label. In the anchored screen they share it too, "\W*(?:a|b|...)", which passes the same
// blocks ("\W*a|\W*b" and "\W*(?:a|b)" try the same splits), and Boost reads the block's
// first characters once for them all rather than once per rule.
constexpr std::string_view k_shared_start = "\\W*";

// True when the pattern (its ^ removed) opens with k_shared_start, greedy (not "\W*?", "\W*+").
bool opens_with_shared_start(std::string_view pattern) {
    return pattern.starts_with(k_shared_start) &&
           (pattern.size() == k_shared_start.size() || (pattern[k_shared_start.size()] != '?' && pattern[k_shared_start.size()] != '+'));
}

// Whether the screens stand for the rule: not for one tried alone or gated.
bool screened(const TextRule& rule) { return !outside_screens(rule) && rule.gate_literals.empty(); }

std::vector<std::vector<UChar32>> sorted_set(std::vector<std::vector<UChar32>> literals) {
    std::sort(literals.begin(), literals.end());
    literals.erase(std::unique(literals.begin(), literals.end()), literals.end());
    return literals;
}

// Adds the rule's start literals to the gate (unsorted), as its search compares them: lowered
// when it ignores case.
void add_starts(const TextRule& rule, const StartLiterals& start, StartGate& gate) {
    gate.starts_with_digit = gate.starts_with_digit || start.digit;
    for (const std::string& literal : start.literals) {
        CodePoints points = code_points(literal);
        if (ignores_case(rule)) {
            for (UChar32& c : points) c = lowered(c);
            gate.starts_lowered.push_back(std::move(points));
        } else {
            gate.starts_exact.push_back(std::move(points));
        }
    }
}

// The alternatives of one screen, and how its matches start (TextScreen::Start) when every
// rule in it shows it.
struct ScreenParts {
    std::string alternatives;
    bool starts_known = true;
    StartGate starts;  // its literals unsorted

    // Adds the rule, read from `pattern` (its text after the screen's shared start).
    void add(const TextRule& rule, std::string_view pattern) {
        if (!alternatives.empty()) alternatives += '|';
        alternatives += screen_alternative(rule, pattern);
        const auto start = start_literals(pattern);
        if (!start) {
            starts_known = false;
            return;
        }
        add_starts(rule, *start, starts);
    }

    // The screen "^(?:" + prefix + "(?:alternatives))", starting as `start` when the starts are known.
    TextScreen screen(std::string_view prefix, TextScreen::Start start) const {
        TextScreen made;
        made.regex = boost::make_u32regex("^(?:" + std::string(prefix) + "(?:" + alternatives + "))", boost::regex::perl);
        made.anchored = true;
        if (starts_known) {
            made.start = start;
            made.starts_lowered = sorted_set(starts.starts_lowered);
            made.starts_exact = sorted_set(starts.starts_exact);
            made.starts_with_digit = starts.starts_with_digit;
        }
        return made;
    }
};

// The screens of some runs of rules (none when no rule of theirs is screened); nothing when they
// cannot be combined. The anchored rules make up to four screens, two of them searched only on
// a block that can start one of their matches (TextScreen::Start): those whose matches start as
// their text shows, those that may start anyhow ("\S+ likes this\.$"), and the same two kinds
// after the shared "\W*".
std::optional<std::vector<TextScreen>> build_screens(std::initializer_list<std::span<const TextRule>> lists) {
    ScreenParts known_start, any_start, after_shared_start, any_after_shared_start;
    std::string unanchored;
    for (const auto list : lists) {
        for (const TextRule& rule : list) {
            if (!screened(rule)) continue;  // tried alone, or gated
            const std::string_view pattern = rule.pattern;
            if (!is_anchored_at_start(rule.pattern)) {
                if (!unanchored.empty()) unanchored += '|';
                unanchored += screen_alternative(rule, pattern);
            } else if (opens_with_shared_start(pattern.substr(1))) {
                const std::string_view after = pattern.substr(1 + k_shared_start.size());
                (start_literals(after) ? after_shared_start : any_after_shared_start).add(rule, after);
            } else if (start_literals(pattern.substr(1))) {
                known_start.add(rule, pattern.substr(1));
            } else {
                any_start.add(rule, pattern.substr(1));
            }
        }
    }
    std::vector<TextScreen> screens;
    try {
        // The shared ^ outside the alternation lets Boost try the anchored rules at one position.
        if (!known_start.alternatives.empty()) screens.push_back(known_start.screen("", TextScreen::Start::first_character));
        if (!any_start.alternatives.empty()) screens.push_back(any_start.screen("", TextScreen::Start::anywhere));
        if (!after_shared_start.alternatives.empty())
            screens.push_back(after_shared_start.screen(k_shared_start, TextScreen::Start::after_non_word));
        if (!any_after_shared_start.alternatives.empty())
            screens.push_back(any_after_shared_start.screen(k_shared_start, TextScreen::Start::anywhere));
        if (!unanchored.empty()) {
            TextScreen made;
            made.regex = boost::make_u32regex(unanchored, boost::regex::perl);
            screens.push_back(std::move(made));
        }
    } catch (const boost::regex_error&) {
        return std::nullopt;  // every rule compiled alone; they are then tried one by one
    }
    return screens;
}

// Sets the start gate of a rule tried alone (TextRule::start_gate): for an anchored one whose
// matches start as its text shows, right after its ^ or after the shared "\W*", as the screens'
// gates are made. Such a rule fails on any other block at its first characters, long before the
// repeated group whose backtracking could exceed Boost's budget.
void set_start_gate(TextRule& rule) {
    rule.start_gate = StartGate{};
    if (!outside_screens(rule) || !rule.anchored) return;
    std::string_view pattern = std::string_view(rule.pattern).substr(1);
    StartGate::Start kind = StartGate::Start::first_character;
    if (opens_with_shared_start(pattern)) {
        pattern.remove_prefix(k_shared_start.size());
        kind = StartGate::Start::after_non_word;
    }
    const auto start = start_literals(pattern);
    if (!start) return;
    StartGate gate;
    add_starts(rule, *start, gate);
    gate.starts_lowered = sorted_set(std::move(gate.starts_lowered));
    gate.starts_exact = sorted_set(std::move(gate.starts_exact));
    gate.start = kind;
    rule.start_gate = std::move(gate);
}

bool any_back_reference(const std::vector<TextRule>& rules) {
    return std::any_of(rules.begin(), rules.end(), [](const TextRule& rule) { return has_back_reference(rule.pattern); });
}

}  // namespace

void build_text_screen(SiteRules& rules, const SiteRules* shared) {
    for (auto* list : {&rules.drop_text, &rules.stop_text})
        for (TextRule& rule : *list) {
            set_gate(rule);
            rule.anchored = is_anchored_at_start(rule.pattern);
            set_start_gate(rule);
        }
    rules.text_screens.reset();
    if (any_back_reference(rules.drop_text) || any_back_reference(rules.stop_text)) return;
    const std::size_t shared_drop = shared ? std::min(shared->drop_text.size(), rules.drop_text.size()) : 0;
    const std::size_t shared_stop = shared ? std::min(shared->stop_text.size(), rules.stop_text.size()) : 0;
    auto screens = build_screens({std::span<const TextRule>(rules.drop_text).first(rules.drop_text.size() - shared_drop),
                                  std::span<const TextRule>(rules.stop_text).first(rules.stop_text.size() - shared_stop)});
    if (!screens) return;
    if (shared) {
        // Screened rules of the shared set without its screens (they could not be combined):
        // every rule is tried, as when this set's own cannot be.
        const bool shared_screened = std::any_of(shared->drop_text.begin(), shared->drop_text.end(), screened) ||
                                     std::any_of(shared->stop_text.begin(), shared->stop_text.end(), screened);
        if (shared_screened && !shared->text_screens) return;
        // A copy of a compiled regex shares its compiled form: nothing is compiled again.
        if (shared->text_screens) screens->insert(screens->end(), shared->text_screens->begin(), shared->text_screens->end());
    }
    if (!screens->empty()) rules.text_screens = std::move(*screens);
}

bool surely_word(UChar32 c) {
    if (c < 0x80) return ascii::is_alnum(static_cast<char>(c)) || c == '_';
    return u_isalpha(c) != 0;
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

std::string drop_text_rule_name(const SiteRules& rules, const Block& block, RegexGuard& regexes) {
    if (rules.drop_text.empty()) return {};
    // The same search as the whole-page rescue's (drop_text screens, code points, slow rules).
    std::vector<Block> single{block};
    std::vector<Removal> found;
    apply_text_rules(single, rules, found, regexes, TextRuleSet::drop_only);
    return found.empty() ? std::string() : std::move(found.front().rule);
}

namespace {

// What decides that a rule is tried on a block: the screens (when they pass the block), its
// literal gate (when the block ends as the gate says), its start gate (when the block can start
// a match), or nothing (every block).
enum class Gate : std::uint8_t { screen, literals, start, none };

Gate gate_of(const TextRule& rule, bool have_screens) {
    if (!rule.gate_literals.empty()) return Gate::literals;
    if (outside_screens(rule)) return rule.start_gate.start == StartGate::Start::anywhere ? Gate::none : Gate::start;
    return have_screens ? Gate::screen : Gate::none;
}

}  // namespace

void apply_text_rules(std::vector<Block>& blocks, const SiteRules& rules, std::vector<Removal>& removals,
                      RegexGuard& regexes, TextRuleSet which) {
    static const std::vector<TextRule> k_none;
    const std::vector<TextRule>& stop_text = which == TextRuleSet::drop_only ? k_none : rules.stop_text;
    // With drop_text alone the screens of both lists still hold: a block they skip matches no
    // drop_text rule. (One that only a stop_text rule fits is tried on the drop_text rules, which
    // then leave it: rare, and cheaper than compiling screens of drop_text alone at every load.)
    const auto& screens = rules.text_screens;
    if (rules.drop_text.empty() && stop_text.empty()) return;
    const bool have_screens = screens.has_value();
    std::vector<Gate> stop_gates(stop_text.size()), drop_gates(rules.drop_text.size());
    bool ungated = false;  // some rule is tried on every block
    for (std::size_t r = 0; r < stop_text.size(); ++r) {
        stop_gates[r] = gate_of(stop_text[r], have_screens);
        ungated = ungated || stop_gates[r] == Gate::none;
    }
    for (std::size_t r = 0; r < rules.drop_text.size(); ++r) {
        drop_gates[r] = gate_of(rules.drop_text[r], have_screens);
        ungated = ungated || drop_gates[r] == Gate::none;
    }

    std::vector<Block> kept;
    kept.reserve(blocks.size());
    // Per rule, for the block at hand: whether its literal or start gate is open.
    std::vector<char> stop_open(stop_text.size()), drop_open(rules.drop_text.size());
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        const std::string text = match_text(blocks[b]);
        const CodePoints points = code_points(text);
        const bool screened = screened_out(screens, points);
        bool any_open = false;
        auto open = [&](const std::vector<TextRule>& list, const std::vector<Gate>& gates, std::vector<char>& opens) {
            for (std::size_t r = 0; r < list.size(); ++r) {
                opens[r] = (gates[r] == Gate::literals && ends_as_gate_says(points, list[r])) ||
                           (gates[r] == Gate::start && may_start(points, list[r].start_gate));
                any_open = any_open || opens[r];
            }
        };
        open(stop_text, stop_gates, stop_open);
        open(rules.drop_text, drop_gates, drop_open);
        if (screened && !ungated && !any_open) {
            kept.push_back(std::move(blocks[b]));
            continue;
        }
        // Whether the rule may match the block, as its gate tells.
        auto passes = [&](Gate gate, char open) {
            return gate == Gate::none || (gate == Gate::screen && !screened) ||
                   ((gate == Gate::literals || gate == Gate::start) && open);
        };
        bool dropped = false;
        for (std::size_t r = 0; r < stop_text.size(); ++r) {
            if (!passes(stop_gates[r], stop_open[r])) continue;
            if (!matches(stop_text[r], "stop_text", text, points, regexes)) continue;
            std::string rule = rule_name(stop_text[r].origin, "stop_text", stop_text[r].pattern);
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
        for (std::size_t r = 0; r < rules.drop_text.size() && !dropped; ++r) {
            if (!passes(drop_gates[r], drop_open[r])) continue;
            if (!matches(rules.drop_text[r], "drop_text", text, points, regexes)) continue;
            removals.push_back({rule_name(rules.drop_text[r].origin, "drop_text", rules.drop_text[r].pattern),
                                removal_excerpt(blocks[b].text)});
            dropped = true;
        }
        if (!dropped) kept.push_back(std::move(blocks[b]));
    }
    blocks = std::move(kept);
}

}  // namespace winnow::extract
