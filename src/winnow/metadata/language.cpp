// metadata: language detection with CLD2.
#include "winnow/metadata/language.hpp"

#include <cld2/public/compact_lang_det.h>

#include <string>
#include <string_view>
#include <vector>

#include "winnow/metadata/statements.hpp"
#include "winnow/util/ascii.hpp"

namespace winnow::metadata {
namespace {

// CLD2 reads at most this much: the start of the article says enough.
constexpr std::size_t k_max_detect_bytes = 16 * 1024;
// An answer that is not "reliable" by CLD2's measure is still taken when the top language holds
// this share of the text (short texts are rarely called reliable).
constexpr int k_min_percent = 60;
// Below this many letters of text there is nothing to detect.
constexpr int k_min_text_bytes = 40;

// The placeholder's opening words, matched ignoring case.
constexpr std::string_view k_placeholder_opening = "lorem ipsum";

// CLD2 still uses a few withdrawn ISO 639 codes.
std::string_view current_code(std::string_view code) {
    if (code == "iw") return "he";
    if (code == "in") return "id";
    if (code == "jw") return "jv";
    if (code == "mo") return "ro";
    return code;
}

}  // namespace

std::string detect_language(std::string_view utf8_text, bool reliable_only) {
    // Cut at a character boundary.
    std::size_t size = std::min(utf8_text.size(), k_max_detect_bytes);
    while (size > 0 && size < utf8_text.size() && (static_cast<unsigned char>(utf8_text[size]) & 0xC0) == 0x80) --size;
    CLD2::Language languages[3];
    int percents[3];
    int text_bytes = 0;
    bool reliable = false;
    const CLD2::Language language = CLD2::DetectLanguageSummary(utf8_text.data(), static_cast<int>(size),
                                                                /*is_plain_text=*/true, languages, percents,
                                                                &text_bytes, &reliable);
    if (language == CLD2::UNKNOWN_LANGUAGE || language == CLD2::TG_UNKNOWN_LANGUAGE || text_bytes < k_min_text_bytes)
        return {};
    if (!reliable && (reliable_only || percents[0] < k_min_percent)) return {};
    return normalise_language_tag(current_code(CLD2::LanguageCode(language)));
}

bool has_placeholder_text(std::string_view utf8_text) {
    return ascii::lower(utf8_text.substr(0, std::min(utf8_text.size(), k_max_detect_bytes))).find(k_placeholder_opening) !=
           std::string::npos;
}

std::string detect_language_besides_placeholder(const std::vector<std::string_view>& pieces) {
    std::string text;
    for (std::string_view piece : pieces)
        if (!piece.empty() && !has_placeholder_text(piece) && text.size() < k_max_detect_bytes) text.append(piece).append("\n");
    return detect_language(text);
}

}  // namespace winnow::metadata
