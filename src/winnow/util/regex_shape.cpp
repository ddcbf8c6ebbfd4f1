#include "winnow/util/regex_shape.hpp"

#include <cstdint>
#include <vector>

#include "winnow/util/ascii.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow {

bool has_nested_quantifier(std::string_view pattern) {
    std::vector<bool> open_groups;  // per open group: something inside it repeats
    bool after_repeating_group = false;
    auto repeats = [&](std::size_t& i) {  // a repeating quantifier at i (moved to its end)
        const char c = pattern[i];
        if (c == '+' || c == '*') return true;
        if (c != '{') return false;
        const std::size_t close = pattern.find('}', i);
        if (close == std::string_view::npos) return false;
        const std::string_view inside = pattern.substr(i + 1, close - i - 1);
        if (inside.empty() || !ascii::is_digit(inside[0])) return false;
        for (char d : inside)
            if (!ascii::is_digit(d) && d != ',') return false;
        const std::size_t comma = inside.find(',');
        if (comma == std::string_view::npos) return false;  // {n}
        const std::string_view max = inside.substr(comma + 1);
        i = close;
        return max.empty() || max.size() > 1 || max[0] > '1';
    };
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\') {
            ++i;
            after_repeating_group = false;
            continue;
        }
        if (c == '[') {  // a character class is one atom; ']' right after '[' or '[^' is literal
            std::size_t j = i + 1;
            if (j < pattern.size() && pattern[j] == '^') ++j;
            if (j < pattern.size() && pattern[j] == ']') ++j;
            while (j < pattern.size() && pattern[j] != ']') j += pattern[j] == '\\' ? 2 : 1;
            i = j;
            after_repeating_group = false;
            continue;
        }
        if (c == '(') {
            open_groups.push_back(false);
            after_repeating_group = false;
            continue;
        }
        if (c == ')') {
            const bool inner = !open_groups.empty() && open_groups.back();
            if (!open_groups.empty()) open_groups.pop_back();
            if (inner && !open_groups.empty()) open_groups.back() = true;
            after_repeating_group = inner;
            continue;
        }
        if (repeats(i)) {
            if (after_repeating_group) return true;
            if (!open_groups.empty()) open_groups.back() = true;
            if (i + 1 < pattern.size() && (pattern[i + 1] == '?' || pattern[i + 1] == '+')) ++i;  // lazy, possessive
        }
        after_repeating_group = false;
    }
    return false;
}

}  // namespace winnow

namespace winnow {
namespace {

// One top-level item of a pattern, as end_literals reads it.
struct Item {
    enum class Kind : std::uint8_t { character, group, end, other } kind = Kind::other;
    std::size_t begin = 0, end = 0;  // the item's text, quantifier excluded
    bool optional = false;           // followed by '?' (or '??')
    bool quantified = false;         // followed by any other quantifier
};

// The end of the escape at `i` ('\\' there): past "\p{Lu}", "\pL" or the escaped character.
std::size_t escape_end(std::string_view p, std::size_t i) {
    if (i + 1 >= p.size()) return std::string_view::npos;
    if ((p[i + 1] == 'p' || p[i + 1] == 'P') && i + 2 < p.size()) {
        if (p[i + 2] != '{') return i + 3;
        const std::size_t close = p.find('}', i + 2);
        return close == std::string_view::npos ? close : close + 1;
    }
    std::size_t next = i + 1;
    utf8::next_code_point(p, next);
    return next;
}

// The end of the character class at `i` ('[' there), past a POSIX class inside it ("[[:alpha:].'-]");
// npos for any other nested '['.
std::size_t class_end(std::string_view p, std::size_t i) {
    std::size_t j = i + 1;
    if (j < p.size() && p[j] == '^') ++j;
    if (j < p.size() && p[j] == ']') ++j;
    while (j < p.size() && p[j] != ']') {
        if (p[j] == '[' && j + 1 < p.size() && p[j + 1] == ':') {
            const std::size_t close = p.find(":]", j + 2);
            if (close == std::string_view::npos) return std::string_view::npos;
            j = close + 2;
            continue;
        }
        if (p[j] == '[') return std::string_view::npos;
        j += p[j] == '\\' ? 2 : 1;
    }
    return j < p.size() ? j + 1 : std::string_view::npos;
}

// The end of the group at `i` ('(' there), past its ')'.
std::size_t group_end(std::string_view p, std::size_t i) {
    int depth = 0;
    for (std::size_t j = i; j < p.size();) {
        if (p[j] == '\\') {
            j += 2;
        } else if (p[j] == '[') {
            j = class_end(p, j);
            if (j == std::string_view::npos) return j;
        } else {
            if (p[j] == '(') ++depth;
            if (p[j] == ')' && --depth == 0) return j + 1;
            ++j;
        }
    }
    return std::string_view::npos;
}

// The quantifier at `i`, if any: its end, or i.
std::size_t quantifier_end(std::string_view p, std::size_t i) {
    if (i >= p.size()) return i;
    std::size_t j = i;
    if (p[j] == '*' || p[j] == '+' || p[j] == '?') {
        ++j;
    } else if (p[j] == '{') {
        const std::size_t close = p.find('}', j);
        if (close == std::string_view::npos || close == j + 1) return i;
        for (std::size_t k = j + 1; k < close; ++k)
            if (!ascii::is_digit(p[k]) && p[k] != ',') return i;
        j = close + 1;
    } else {
        return i;
    }
    if (j < p.size() && (p[j] == '?' || p[j] == '+')) ++j;  // lazy, possessive
    return j;
}

// The top-level items of a pattern; none when it has a top-level '|' or syntax not read here.
std::optional<std::vector<Item>> top_level_items(std::string_view p) {
    std::vector<Item> items;
    for (std::size_t i = 0; i < p.size();) {
        Item item;
        item.begin = i;
        const char c = p[i];
        std::size_t end = std::string_view::npos;
        if (c == '(') {
            item.kind = Item::Kind::group;
            end = group_end(p, i);
        } else if (c == '[') {
            end = class_end(p, i);
        } else if (c == '\\') {
            end = escape_end(p, i);
            if (i + 1 < p.size() && !ascii::is_alnum(p[i + 1]) && static_cast<unsigned char>(p[i + 1]) < 0x80)
                item.kind = Item::Kind::character;
        } else if (c == '$') {
            item.kind = Item::Kind::end;
            end = i + 1;
        } else if (c == '.' || c == '^') {
            end = i + 1;
        } else if (std::string_view("|)*+?{}]").find(c) != std::string_view::npos) {
            return std::nullopt;
        } else {
            item.kind = Item::Kind::character;
            end = i;
            utf8::next_code_point(p, end);
        }
        if (end == std::string_view::npos) return std::nullopt;
        item.end = end;
        const std::size_t after = quantifier_end(p, end);
        if (after != end) {
            item.optional = p[end] == '?';
            item.quantified = !item.optional;
        }
        items.push_back(item);
        i = after;
    }
    return items;
}

// The alternatives of a group made of plain characters only ("(a b|c\.d)" gives "a b", "c.d");
// none when anything else is in it.
std::optional<std::vector<std::string>> literal_alternatives(std::string_view group) {
    std::string_view inside = group.substr(1, group.size() - 2);
    if (inside.starts_with("?:")) inside.remove_prefix(2);
    else if (inside.starts_with('?')) return std::nullopt;  // flags, look-arounds, named groups
    std::vector<std::string> alternatives(1);
    for (std::size_t i = 0; i < inside.size();) {
        const char c = inside[i];
        if (c == '|') {
            alternatives.emplace_back();
            ++i;
        } else if (c == '\\') {
            if (i + 1 >= inside.size() || ascii::is_alnum(inside[i + 1]) || static_cast<unsigned char>(inside[i + 1]) >= 0x80)
                return std::nullopt;
            alternatives.back() += inside[i + 1];
            i += 2;
        } else if (std::string_view(".^$*+?{}[]()").find(c) != std::string_view::npos) {
            return std::nullopt;
        } else {
            const std::size_t start = i;
            utf8::next_code_point(inside, i);
            alternatives.back() += inside.substr(start, i - start);
        }
    }
    for (const std::string& alternative : alternatives)
        if (alternative.empty()) return std::nullopt;
    return alternatives;
}

bool add_start(std::string_view p, std::size_t begin, std::size_t end, StartLiterals& out);

// Adds the start literals of each alternative of p[begin, end) (split at its own '|'); false
// when one of them cannot tell.
bool add_alternatives(std::string_view p, std::size_t begin, std::size_t end, StartLiterals& out) {
    std::size_t start = begin;
    for (std::size_t j = begin; j < end;) {
        if (p[j] == '\\') {
            j += 2;
        } else if (p[j] == '[' || p[j] == '(') {
            j = p[j] == '[' ? class_end(p, j) : group_end(p, j);
            if (j == std::string_view::npos || j > end) return false;
        } else if (p[j] == '|') {
            if (!add_start(p, start, j, out)) return false;
            start = ++j;
        } else {
            ++j;
        }
    }
    return add_start(p, start, end, out);
}

// The plain character at `i` (an escaped punctuation character is one too): its text, or
// nothing when the item there is something else.
std::optional<std::string_view> plain_character(std::string_view p, std::size_t i, std::size_t end) {
    if (i >= end) return std::nullopt;
    const char c = p[i];
    if (c == '\\') {
        if (i + 1 >= end || ascii::is_alnum(p[i + 1]) || static_cast<unsigned char>(p[i + 1]) >= 0x80) return std::nullopt;
        return p.substr(i + 1, 1);
    }
    if (std::string_view("[].^$|()*+?{}").find(c) != std::string_view::npos) return std::nullopt;
    std::size_t next = i;
    utf8::next_code_point(p, next);
    if (next > end) return std::nullopt;
    return p.substr(i, next - i);
}

// The end of the item at `i` as written (past the escape for "\\(").
std::size_t plain_end(std::string_view p, std::size_t i) {
    if (p[i] == '\\') return i + 2;
    std::size_t next = i;
    utf8::next_code_point(p, next);
    return next;
}

// True when the quantifier at `i` (right after an item) lets the item be absent.
bool optional_quantifier(std::string_view p, std::size_t i) {
    if (quantifier_end(p, i) == i) return false;
    return p[i] == '?' || p[i] == '*' || (p[i] == '{' && (p[i + 1] == '0' || p[i + 1] == ','));
}

// Adds the literals the sequence p[begin, end) (no top-level '|') must start with; false when it
// cannot tell (it may start with anything, or be empty).
bool add_start(std::string_view p, std::size_t begin, std::size_t end, StartLiterals& out) {
    if (begin >= end) return false;
    const char c = p[begin];
    std::size_t item_end = 0;
    if (const auto first = plain_character(p, begin, end)) {
        // The run of plain characters, each there exactly once, up to the first that is not.
        std::string run;
        std::size_t at = begin;
        while (at < end) {
            const auto character = plain_character(p, at, end);
            if (!character) break;
            const std::size_t next = plain_end(p, at);
            if (quantifier_end(p, next) != next) {
                if (!run.empty()) break;
                // The first character is repeated or optional: it alone, and what follows when optional.
                out.literals.emplace_back(*character);
                return !optional_quantifier(p, next) || add_start(p, quantifier_end(p, next), end, out);
            }
            run += *character;
            at = next;
        }
        out.literals.push_back(std::move(run));
        return true;
    }
    if (c == '(') {
        item_end = group_end(p, begin);
        if (item_end == std::string_view::npos || item_end > end) return false;
        std::size_t inside = begin + 1;
        if (p.substr(inside).starts_with("?:")) inside += 2;
        else if (p[inside] == '?') return false;
        if (!add_alternatives(p, inside, item_end - 1, out)) return false;
    } else if (c == '\\' && begin + 1 < end && p[begin + 1] == 'd') {
        out.digit = true;
        item_end = begin + 2;
    } else if (c == '[') {
        // A class of digits and punctuation ("[\\d.,]"); not one with letters, whose case a
        // case-insensitive search reads its own way, nor a negated class or a range.
        item_end = class_end(p, begin);
        if (item_end == std::string_view::npos || item_end > end || p[begin + 1] == '^') return false;
        for (std::size_t j = begin + 1; j + 1 < item_end;) {
            if (p[j] == '\\') {
                const char escaped = p[j + 1];
                if (escaped == 'd') out.digit = true;
                else if (!ascii::is_alnum(escaped) && static_cast<unsigned char>(escaped) < 0x80) out.literals.emplace_back(1, escaped);
                else return false;
                j += 2;
            } else if (ascii::is_alpha(p[j]) || static_cast<unsigned char>(p[j]) >= 0x80 || p[j] == '-' || p[j] == '[') {
                return false;
            } else {
                out.literals.emplace_back(1, p[j++]);
            }
        }
    } else {
        return false;
    }
    // A quantifier that lets the item be absent adds the start of what follows it.
    const std::size_t after = quantifier_end(p, item_end);
    if (optional_quantifier(p, item_end)) return after <= end && add_start(p, after, end, out);
    return true;
}

}  // namespace

std::string_view property_misreading(std::string_view pattern) {
    // \p{X} or \pX with a one-letter name X at `at` (just after "\p")
    auto one_letter = [&](std::size_t at, char letter) {
        if (at < pattern.size() && ascii::lower(pattern[at]) == letter) return true;
        return at + 2 < pattern.size() && pattern[at] == '{' && ascii::lower(pattern[at + 1]) == letter && pattern[at + 2] == '}';
    };
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '\\') {
            if (i + 1 < pattern.size() && (pattern[i + 1] == 'p' || pattern[i + 1] == 'P')) {
                if (one_letter(i + 2, 'l')) return "\\p{L} is Boost.Regex's lower-case class, not every letter: write \\p{Letter} or [[:alpha:]]";
                if (one_letter(i + 2, 's')) return "\\p{S} is Boost.Regex's white-space class, not the symbols: write \\p{Symbol}";
            }
            ++i;
            continue;
        }
        if (pattern[i] != '[') continue;
        // the bracket expression, as class_end reads it; one holding a '[' that opens no POSIX
        // class ends at its first ']' (Boost reads that '[' as a plain one)
        std::size_t end = class_end(pattern, i);
        if (end == std::string_view::npos) end = std::min(pattern.find(']', i + 2), pattern.size() - 1) + 1;
        for (std::size_t j = i + 1; j + 1 < end; ++j)
            if (pattern[j] == '\\') {
                if (pattern[j + 1] == 'p' || pattern[j + 1] == 'P')
                    return "\\p{...} inside [...] is read as the letters p, {, ...: write [[:alpha:]] (or the property outside the brackets)";
                ++j;
            }
        i = end - 1;
    }
    return {};
}

std::optional<StartLiterals> start_literals(std::string_view pattern) {
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '\\') {
            if (i + 1 < pattern.size() && pattern[i + 1] == 'Q') return std::nullopt;
            ++i;  // an escaped character: "\\(?" is an optional parenthesis
        } else if (pattern.substr(i).starts_with("(?") && !pattern.substr(i).starts_with("(?:")) {
            return std::nullopt;
        }
    }
    StartLiterals found;
    if (!add_alternatives(pattern, 0, pattern.size(), found)) return std::nullopt;
    return found;
}

std::optional<EndLiterals> end_literals(std::string_view pattern) {
    // Inline flags could turn on (?x), where spaces mean nothing, or change the case rule; \Q...\E
    // quotes what would read as syntax.
    for (std::size_t at = pattern.find("(?"); at != std::string_view::npos; at = pattern.find("(?", at + 1))
        if (at + 2 >= pattern.size() || pattern[at + 2] != ':') return std::nullopt;
    if (pattern.find("\\Q") != std::string_view::npos) return std::nullopt;
    const auto items = top_level_items(pattern);
    if (!items || items->size() < 2) return std::nullopt;
    const Item& last = items->back();
    if (last.kind != Item::Kind::end || last.optional || last.quantified) return std::nullopt;
    EndLiterals found;
    std::size_t i = items->size() - 1;
    while (i > 0 && (*items)[i - 1].kind == Item::Kind::character && (*items)[i - 1].optional) {
        ++found.optional_tail;
        --i;
    }
    if (i == 0) return std::nullopt;
    const Item& group = (*items)[i - 1];
    if (group.kind != Item::Kind::group || group.optional || group.quantified) return std::nullopt;
    auto alternatives = literal_alternatives(pattern.substr(group.begin, group.end - group.begin));
    if (!alternatives) return std::nullopt;
    found.literals = std::move(*alternatives);
    return found;
}

}  // namespace winnow
