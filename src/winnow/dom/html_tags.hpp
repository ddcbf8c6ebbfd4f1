// dom: what HTML says about its tags, as browsers treat them. Every stage that walks the tree
// (the node measures, the cleaning pass, the block builder) asks here, so they agree.
#pragma once

#include <gumbo.h>

namespace winnow::dom {

// True for elements that start a new block in a browser's default style sheet.
bool is_block_element(GumboTag tag);

// True for elements whose content is never page text (scripts, styles, form controls, media,
// the head's elements, ruby annotations).
bool is_never_text(GumboTag tag);

}  // namespace winnow::dom
