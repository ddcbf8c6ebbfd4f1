// extract: the names of methods and the size of candidates.
#include "winnow/extract/candidate.hpp"

#include "winnow/util/utf8.hpp"

namespace winnow::extract {

std::string Method::name() const {
    std::string out = relaxed ? "relaxed " : "";
    switch (source) {
        case Source::profile: out += "profile"; break;
        case Source::json_ld_anchor: out += "json-ld anchor"; break;
        case Source::body_marker: out += "body marker"; break;
        case Source::density: out += "density"; break;
        case Source::json_ld_article_body: out += "json-ld articleBody"; break;
        case Source::whole_page: out += "whole-page"; break;
        case Source::description: out += "description"; break;
        case Source::justext: out += "justext"; break;
        case Source::listing: out += "listing"; break;
    }
    if (main_over_footer) out += " main over footer";
    if (in_main) out += " in main";
    if (sections) out += " sections";
    if (in_article) out += " in article";
    if (with_lead) out += " with lead";
    if (with_prose) out += " + prose";
    return out;
}

Candidate::Candidate(Method method_, std::vector<Block> blocks_)
    : method(method_), blocks(std::move(blocks_)), chars(blocks_chars(blocks)) {}

std::size_t blocks_chars(const std::vector<Block>& blocks) {
    std::size_t n = 0;
    for (const Block& b : blocks) n += utf8::code_point_count(b.text);
    return n;
}

}  // namespace winnow::extract
