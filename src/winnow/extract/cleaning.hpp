// extract: removal of what is never the article (scripts, forms, hidden layers, navigation,
// cookie layers, share bars, comments, related lists...), before the container is chosen.
// Structural removals are guarded: an element holding most of the page's text is kept.
#pragma once

#include <cstdint>
#include <vector>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/article.hpp"
#include "winnow/extract/node_stats.hpp"

namespace winnow::extract {

struct CleaningOptions {
    bool explain = false;
    // Relaxed cleaning (the rescue pass) keeps class-based removals out: only tags, hidden
    // elements and roles go.
    bool relaxed = false;
};

// Marks never-content elements as removed. `stats` must be aggregated on the tree as it is
// (they are used for the guards); re-aggregate afterwards. Returns the removed elements, so a
// relaxed pass can undo the removals.
std::vector<dom::NodeId> remove_never_content(dom::Tree& tree, const NodeStats& stats, const std::vector<std::uint32_t>& flags,
                          const CleaningOptions& options, std::vector<Removal>& removals);

// Records one removal for --explain: the rule and the start of the text.
void record_removal(const dom::Tree& tree, dom::NodeId id, std::string rule, std::vector<Removal>& removals);

}  // namespace winnow::extract
