// dom: the words of an element's class and id values, for stages that match vocabulary against
// them (extract's node flags, metadata's bylines and page kind). Values are split into lower-case
// tokens (on spaces, '-', '_', '.', ':' and camelCase) and matched as whole tokens, never raw
// substrings: "bar" must not match "sidebar", "nav" not "canvas", "ad" not "header".
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "winnow/dom/tree.hpp"
#include "winnow/util/ascii.hpp"

namespace winnow::dom {

// The tokens of a class or id value: "articleBody post-content_x" -> article body post content x.
std::vector<std::string> class_id_tokens(std::string_view value);

// Calls visit(std::string_view token) with each token of `value`, in order, as
// class_id_tokens gives them, without a string per token: the token lives in `scratch`
// (lower case) until visit returns.
template <class Visit>
void for_each_class_id_token(std::string_view value, std::string& scratch, Visit&& visit) {
    std::size_t begin = 0;
    auto end_token = [&](std::size_t end) {
        if (end <= begin) return;
        scratch.assign(value.substr(begin, end - begin));
        for (char& c : scratch) c = ascii::lower(c);
        visit(std::string_view(scratch));
    };
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (!ascii::is_alnum(c) && static_cast<unsigned char>(c) < 128) {
            end_token(i);
            begin = i + 1;
            continue;
        }
        // camelCase: "articleBody" -> article, body, and after a digit: "v8Modal" -> v8, modal
        // (but "HTML" stays one token).
        if (ascii::is_upper(c) && i > 0 && (ascii::is_lower(value[i - 1]) || ascii::is_digit(value[i - 1]))) {
            end_token(i);
            begin = i;
        }
    }
    end_token(value.size());
}

// A stage's vocabulary of class and id tokens: each token with the bits of what it says, from
// lists such as "the tokens of comment sections" (a token on several lists has all their bits).
// One hash lookup per token instead of a scan of every list.
class TokenVocabulary {
public:
    template <std::size_t N>
    TokenVocabulary& add(const std::string_view (&tokens)[N], unsigned bits) {
        for (std::string_view token : tokens) add(token, bits);
        return *this;
    }
    TokenVocabulary& add(std::string_view token, unsigned bits) {
        m_bits[token] |= bits;
        return *this;
    }
    // The bits of a lower-case token; 0 for a token on no list.
    unsigned bits(std::string_view token) const {
        const auto found = m_bits.find(token);
        return found == m_bits.end() ? 0 : found->second;
    }

private:
    std::unordered_map<std::string_view, unsigned> m_bits;  // views of the lists' literals
};

// The tokens of an element's class and id values together (none when it has neither).
std::vector<std::string> element_class_id_tokens(const Tree& tree, NodeId id);

// A class name with '-' and '_' removed, lower case: "Article__Body" -> "articlebody".
std::string squeezed_class_name(std::string_view name);

}  // namespace winnow::dom
