// util: what a regex's text says about its cost, before it ever runs.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace winnow {

// True when a repeated group repeats inside too ((a+)+, (\w+\s?)*, (?:x{2,})+): the shape that
// backtracks exponentially on a text that almost matches. A quantifier counts when it repeats
// without bound or more than once (+, *, {n,}, {n,m} with m > 1); ? and {n} do not. A heuristic
// (overlapping alternatives such as (a|aa)+ are not seen): `profiles check` warns about such
// patterns, and the phrase rules' combined screens leave them out.
bool has_nested_quantifier(std::string_view pattern);

// Where Boost.Regex reads a Unicode property otherwise than Perl and ICU do, what it reads, in a
// few words ("" when nowhere): inside brackets "[\p{L}.'-]" is the letters p, {, L, } and the
// rest; outside, a one-letter name is Boost's own class, \p{L} (and \pL) lower case, \p{S} white
// space, not Unicode's letters and symbols. \p{Letter}, \p{Lu} and [[:alpha:]] read as meant.
std::string_view property_misreading(std::string_view pattern);

// How every match of a pattern ends, when its text shows it: with one of `literals` (UTF-8, as
// written), then at most `optional_tail` characters, at the end of the text.
// "^.{0,120}(all rights reserved|alle rechte vorbehalten)\.?$" gives both phrases and 1.
struct EndLiterals {
    std::vector<std::string> literals;
    std::size_t optional_tail = 0;
};

// The pattern's EndLiterals when it has the shape "...(literal|literal...)X?...$": no '|' outside
// groups, a last group of plain or escaped-punctuation characters only, then single characters
// made optional by '?', then '$' (read as the end of the text, as Boost's match_single_line has
// it). None for any other shape.
std::optional<EndLiterals> end_literals(std::string_view pattern);

// How every match of a pattern starts, when its text shows it: with one of `literals` (UTF-8,
// as written) or, when `digit`, a decimal digit (\d).
struct StartLiterals {
    std::vector<std::string> literals;
    bool digit = false;
};

// The pattern's StartLiterals when each of its alternatives starts with plain or
// escaped-punctuation characters (the run of them, up to the first repeated, optional or other
// item), \d, a class of those ("[\d.,]"), or a group (plain or "(?:") whose every alternative
// does so; an item made optional by '?', '*' or "{0," adds the start of what follows it. None for
// any other start ("^", ".", a class with letters, ranges or '^', \w, \S, an empty alternative),
// and none for a pattern with inline flags or look-arounds ("(?" but "(?:") or \Q.
// "(related|more)( news)?" gives "related" and "more"; "(\d+ )?comments?" a digit and "comment".
std::optional<StartLiterals> start_literals(std::string_view pattern);

}  // namespace winnow
