// extract: what each element's class, id, role and attributes say about it, computed once per
// page. Class and id values are split into lower-case tokens (dom/class_tokens.hpp), and
// vocabulary is matched against whole tokens, never raw substrings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/dom/tree.hpp"

namespace winnow::extract {

enum NodeFlag : std::uint32_t {
    k_flag_hidden = 1u << 0,            // hidden attribute, aria-hidden, display:none, sr-only classes
    k_flag_never_content = 1u << 1,     // class/id of cookie layers, comments, share bars, related lists...
    k_flag_boilerplate_inside = 1u << 2,// class/id of bylines, meta lines, captions, tags: dropped inside the body
    k_flag_positive = 1u << 3,          // class/id says article/content/post/entry/story...
    k_flag_negative = 1u << 4,          // class/id says comment/footer/sidebar/related/share...
    k_flag_body_marker = 1u << 5,       // an explicit article body: itemprop=articleBody, entry-content...
    k_flag_title_class = 1u << 6,       // entry-title, post-title, headline: the article's own title
    k_flag_role_remove = 1u << 7,       // ARIA role navigation, menu, complementary, dialog...
    k_flag_role_landmark = 1u << 8,     // ARIA role banner or contentinfo (page header or footer)
    k_flag_comment_section = 1u << 9,   // comments: never content unless the page is a forum
    k_flag_overlay = 1u << 10,          // cookie and consent layers, modals, login and paywall boxes
    k_flag_collapsed_panel = 1u << 11,  // hidden, but a collapsed accordion or tab panel: content the reader opens
    k_flag_disclosure_toggle = 1u << 12,// a <button> heading an accordion's panel: its text is read (the question)
    k_flag_breakpoint_variant = 1u << 13,// one of a site builder's per-breakpoint copies of the page (Framer's ssr-variant)
    k_flag_carousel_slide = 1u << 14,   // a carousel library's slide (swiper, slick, splide, glide, owl, Bootstrap), not a clone
};

// One flag word per node (0 for text nodes). `product_page`: the page's statements make it a
// product (Page::statement_kind); its accordions may open from a plain heading.
std::vector<std::uint32_t> classify_nodes(const dom::Tree& tree, bool product_page = false);

}  // namespace winnow::extract
