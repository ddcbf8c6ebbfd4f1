// util: what a regex's text says about its cost, before it ever runs.
#pragma once

#include <string_view>

namespace winnow {

// True when a repeated group repeats inside too ((a+)+, (\w+\s?)*, (?:x{2,})+): the shape that
// backtracks exponentially on a text that almost matches. A quantifier counts when it repeats
// without bound or more than once (+, *, {n,}, {n,m} with m > 1); ? and {n} do not. A heuristic
// (overlapping alternatives such as (a|aa)+ are not seen): `profiles check` warns about such
// patterns, and the phrase rules' combined screens leave them out.
bool has_nested_quantifier(std::string_view pattern);

}  // namespace winnow
