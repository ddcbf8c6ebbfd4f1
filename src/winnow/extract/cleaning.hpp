// extract: removal of what is never the article (scripts, forms, hidden layers, navigation,
// cookie layers, share bars, comments, related lists...), before the container is chosen.
// Structural removals are guarded: an element holding most of the page's text is kept.
#pragma once

#include <cstdint>
#include <vector>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/article.hpp"
#include "winnow/extract/page.hpp"

namespace winnow::extract {

struct CleaningOptions {
    bool explain = false;
    // Relaxed cleaning (the rescue pass) keeps class-based removals out: only tags, hidden
    // elements and roles go.
    bool relaxed = false;
    // A forum or Q&A page (by its own statements): its comment sections are its posts.
    bool thread = false;
    // The profile's container: it and its ancestors are never removed (what lies beside them
    // inside a wrapper that a rule would remove is left unjudged, as the wrapper stands).
    dom::NodeId keep = dom::k_no_node;
};

// The view's mask with the never-content elements removed too. The guards read the view's
// statistics (the page as it was before this pass).
Mask remove_never_content(const PageView& view, const CleaningOptions& options, std::vector<Removal>& removals);

// Records one removal for --explain: the rule and the start of the text the mask leaves.
void record_removal(const dom::Tree& tree, const Mask& mask, dom::NodeId id, std::string rule,
                    std::vector<Removal>& removals);

}  // namespace winnow::extract
