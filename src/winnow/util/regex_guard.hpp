// util: the one policy for a regular expression that fails while it searches. Boost.Regex throws
// (a std::runtime_error) when a pattern exceeds its complexity limit on a text, as nested
// quantifiers do on a long line, instead of running for hours. Wherever winnow searches with a
// rule (a profile's drop_text, stop_text and paths, the extractor's built-in phrase patterns),
// the search goes through a RegexGuard: the failing rule counts as no match, is skipped from
// then on, and one warning names it; the other rules go on. A guard lives as long as one page;
// given the run's SlowRules (the ProfileSet's), a rule that failed on one page is disabled for
// every later page of the run too, with one warning in all (issue 17: a pathological pattern
// cost every page the whole complexity budget again).
#pragma once

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace winnow {

// The rules disabled for the rest of a run, shared by the pages (and threads) of the run.
class SlowRules {
public:
    // True when `name` was disabled.
    bool disabled(std::string_view name) const;
    // Disables `name`; true when it was not disabled before (whoever gets true warns).
    bool disable(std::string name);
    // False as long as no rule is disabled: a check without a lock on the common path.
    bool any() const { return m_any.load(std::memory_order_acquire); }

private:
    mutable std::mutex m_mutex;
    std::vector<std::string> m_names;  // few, usually none
    std::atomic<bool> m_any{false};
};

class RegexGuard {
public:
    // Warnings go to `warnings` (an Article's, shown on standard error); nullptr keeps none.
    // `run`: the run's record of disabled rules; nullptr limits a failure to this guard.
    explicit RegexGuard(std::vector<std::string>* warnings = nullptr, SlowRules* run = nullptr)
        : m_warnings(warnings), m_run(run) {}

    // The result of `search()`, a callable returning whether the rule matches `text`; false
    // when the rule failed before. `name()` gives the rule's name (as --explain shows it); it
    // is called only after a failure, so naming costs nothing on the common path.
    template <class Search, class Name>
    bool search(std::string_view text, Search&& search, Name&& name) {
        if ((!m_skipped.empty() || (m_run && m_run->any())) && skipped(name())) return false;
        try {
            return search();
        } catch (const std::runtime_error&) {
            fail(name(), text);
            return false;
        }
    }

    // True when the rule named `name` has failed on this page, or earlier in the run.
    bool skipped(std::string_view name) const;

private:
    void fail(std::string name, std::string_view text);

    std::vector<std::string>* m_warnings;
    SlowRules* m_run;
    std::vector<std::string> m_skipped;  // names of the rules that failed: few, usually none
};

}  // namespace winnow
