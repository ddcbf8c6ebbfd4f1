// extract: image captions recognised by structure, for the block filter's caption rules
// (block_filter.cpp). A caption is a `<figcaption>`, or a short line that follows an image in
// the same block with nothing but line breaks between them (`<p><img><br><em>Figure 4: ...</em>`,
// `<div><img><span>Photo: ...</span></div>`). A figure is in the flow of the article when it
// stands beside the article's prose paragraphs (the same parent, or one wrapper away): a
// photograph the author placed between paragraphs. A figure elsewhere (a lead image in the page
// header, a gallery, a picture module) carries a photo agency's caption, not the article's text.
#pragma once

#include <string_view>
#include <vector>

#include "winnow/dom/tree.hpp"

namespace winnow::extract {

// True when `node` is inside a `<figcaption>`.
bool in_figcaption(const dom::Tree& tree, dom::NodeId node);

// The figure a caption belongs to: the nearest `<figure>` around `node` (stopping at `limit`,
// the container), else the `<figcaption>`'s parent; k_no_node when `node` is in no figcaption.
dom::NodeId caption_figure(const dom::Tree& tree, dom::NodeId node, dom::NodeId limit);

// True when the block `block_text`, whose first text is held by `source` inside the block element
// `block_element`, follows an image in the same block element, with only white space and line
// breaks between them: the line under a picture.
bool follows_image(const dom::Tree& tree, dom::NodeId source, dom::NodeId block_element, std::string_view block_text);

// True when `figure` (or the single-child wrapper around it, up to k_flow_wrapper_levels) is a
// sibling of one of the prose paragraphs, given by their parents (sorted).
bool figure_in_flow(const dom::Tree& tree, dom::NodeId figure, const std::vector<dom::NodeId>& prose_parents);

}  // namespace winnow::extract
