// extract: the strategies that propose the article's container, each returning a candidate
// (arbitrate.cpp holds their order of trust):
// - the JSON-LD anchor: the element holding the DOM paragraphs the JSON-LD articleBody quotes
//   (the publisher's own statement of the text);
// - the explicit body marker (itemprop=articleBody, entry-content, article__body...), with the
//   split chunks of a body that shares one class;
// - Readability-style density scoring of paragraph-like blocks propagated to their ancestors,
//   with climbing and sibling merging;
// - the profile's content selector.
// And the two widenings a chosen container may get: the <article> around a body marker, and the
// lead paragraphs before the container.
#pragma once

#include <optional>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/candidate.hpp"
#include "winnow/extract/page.hpp"

namespace winnow::extract {

// A body marker is trusted as the body (arbitrate.cpp) when it holds this much non-link text; a
// shorter one (a button's "text__content", a teaser's "post-text") gets no marker prior in
// density scoring either.
inline constexpr float k_min_marker_chars = 200;

// The profile's container, as it stands.
ContainerCandidate profile_candidate(const PageView& view, dom::NodeId container);

// The JSON-LD anchor (an articleBody of 500+ characters whose paragraphs the DOM holds), or none.
std::optional<ContainerCandidate> json_ld_anchor_candidate(const PageView& view);

// The best explicit body marker and the chunks split from it, or none. `focus` is the marker,
// `chars` its non-link characters.
std::optional<ContainerCandidate> body_marker_candidate(const PageView& view);

// Readability-style scoring: the best-scored container and the siblings merged with it. Always
// a candidate (the body when nothing scores). `chars` counts all roots.
ContainerCandidate density_candidate(const PageView& view);

// When the <article> around a body marker holds little more text than the marker, the article
// (its lead, dateline, standfirst) becomes the container.
void widen_to_article(const PageView& view, ContainerCandidate& candidate);

// Up to two prose paragraphs just before the container in its <article> (or grandparent), after
// the headline, join as roots: leads and standfirsts.
void add_lead(const PageView& view, ContainerCandidate& candidate);

// The element before the container (after the headline) marked itemprop="description" (or inside
// one) whose text is the page's meta description joins as a root: the standfirst the page states.
void add_stated_lead(const PageView& view, ContainerCandidate& candidate, std::string_view description);

}  // namespace winnow::extract
