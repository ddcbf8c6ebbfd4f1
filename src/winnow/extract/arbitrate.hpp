// extract: the one place where the extractor chooses. Strategies (container.hpp, fallbacks.hpp,
// second_opinion.hpp) propose candidates; `arbitrate()` holds the order of trust between
// containers (profile, JSON-LD anchor, body marker, density) and the rescue cascade that makes
// sure a page with text never comes back empty (relaxed pass, JSON-LD articleBody, whole page,
// description), with every threshold of those choices named at the top of arbitrate.cpp.
#pragma once

#include <string>
#include <vector>

#include "winnow/extract/candidate.hpp"
#include "winnow/extract/favor.hpp"
#include "winnow/extract/page.hpp"
#include "winnow/extract/site_rules.hpp"
#include "winnow/util/regex_guard.hpp"

namespace winnow::extract {

// What the arbiter and its strategies read.
struct ArbiterInput {
    const PageView& dropped;  // the page after the profile's drop rules
    const PageView& cleaned;  // ... and after the never-content pass
    const SiteRules& rules;
    dom::NodeId profile_container = dom::k_no_node;  // the profile's content selector's match
    bool title_from_profile = false;                 // the profile named the title: the body does not
    bool explain = false;
    bool thread = false;      // a forum or Q&A page: comment sections are its posts
    bool justext = false;     // the jusText-style candidate may rescue a short result (experimental)
    // What the user favours: the rules' limits, the second opinion, the leads and the rescues.
    const FavorSettings* favor = &favor_settings(Favor::balanced);
    std::string description{};  // the page's meta description, the last resort
};

// The container the order of trust chooses on a cleaned page (without a profile container):
// the JSON-LD anchor, else a trusted body marker, else density scoring; with its lead paragraphs
// and the standfirst stated by `description` (the meta description) when the mode adds them.
ContainerCandidate choose_container(const PageView& cleaned, const FavorSettings& favor = favor_settings(Favor::balanced),
                                    std::string_view description = {});

// The article's body. `title` is the chosen headline: the body's first lines may name it more
// exactly (a <title> part they repeat), and its repeats leave the body.
Candidate arbitrate(const ArbiterInput& input, std::string& title, std::vector<Removal>& removals, RegexGuard& regexes);

}  // namespace winnow::extract
