// util: the one policy for a regular expression that fails while it searches. Boost.Regex throws
// (a std::runtime_error) when a pattern exceeds its complexity limit on a text, as nested
// quantifiers do on a long line, instead of running for hours. Wherever winnow searches with a
// rule (a profile's drop_text, stop_text and paths, the extractor's built-in phrase patterns),
// the search goes through a RegexGuard: the failing rule counts as no match, is skipped from
// then on, and one warning names it; the other rules go on. A guard lives as long as one page.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace winnow {

class RegexGuard {
public:
    // Warnings go to `warnings` (an Article's, shown on standard error); nullptr keeps none.
    explicit RegexGuard(std::vector<std::string>* warnings = nullptr) : m_warnings(warnings) {}

    // The result of `search()`, a callable returning whether the rule matches `text`; false
    // when the rule failed before. `name()` gives the rule's name (as --explain shows it); it
    // is called only after a failure, so naming costs nothing on the common path.
    template <class Search, class Name>
    bool search(std::string_view text, Search&& search, Name&& name) {
        if (!m_skipped.empty() && skipped(name())) return false;
        try {
            return search();
        } catch (const std::runtime_error&) {
            fail(name(), text);
            return false;
        }
    }

    // True when the rule named `name` has failed on this page.
    bool skipped(std::string_view name) const;

private:
    void fail(std::string name, std::string_view text);

    std::vector<std::string>* m_warnings;
    std::vector<std::string> m_skipped;  // names of the rules that failed: few, usually none
};

}  // namespace winnow
