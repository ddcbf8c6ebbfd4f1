// metadata: the language of a page's text when the page does not declare one, detected with
// Google's Compact Language Detector 2 (Debian's libcld2): a BCP 47 tag, or "" when the text is
// too short or mixed for a reliable answer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace winnow::metadata {

// `reliable_only`: only an answer CLD2 calls reliable, not one by the top language's share alone
// (a text holding placeholder, whose Latin CLD2 may give 70% to Norwegian).
std::string detect_language(std::string_view utf8_text, bool reliable_only = false);

// True when the text holds the typesetters' placeholder ("Lorem ipsum dolor sit amet..."): a
// template's or a test page's filler, words of no language.
bool has_placeholder_text(std::string_view utf8_text);

// The language of a page whose text holds placeholder, from the short texts it shows besides
// (`pieces`: its title, headings, images' alt texts), never its paragraphs: the generated Latin
// that follows "Lorem ipsum" is no language, though CLD2 may call a line of it Norwegian. A piece
// that holds the placeholder is left out. detect_language's limits hold for the rest: two
// headings' words are too few to tell.
std::string detect_language_besides_placeholder(const std::vector<std::string_view>& pieces);

}  // namespace winnow::metadata
