// metadata: the language of a page's text when the page does not declare one, detected with
// Google's Compact Language Detector 2 (Debian's libcld2): a BCP 47 tag, or "" when the text is
// too short or mixed for a reliable answer.
#pragma once

#include <string>
#include <string_view>

namespace winnow::metadata {

std::string detect_language(std::string_view utf8_text);

}  // namespace winnow::metadata
