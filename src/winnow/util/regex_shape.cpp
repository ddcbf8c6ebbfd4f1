#include "winnow/util/regex_shape.hpp"

#include <vector>

#include "winnow/util/ascii.hpp"

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
