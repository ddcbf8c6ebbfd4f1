#include "winnow/dom/class_tokens.hpp"

#include "winnow/util/ascii.hpp"

namespace winnow::dom {

std::vector<std::string> element_class_id_tokens(const Tree& tree, NodeId id) {
    const std::string_view class_value = tree.attribute(id, "class"), id_value = tree.attribute(id, "id");
    if (class_value.empty() && id_value.empty()) return {};
    return class_id_tokens(std::string(class_value) + " " + std::string(id_value));
}

std::vector<std::string> class_id_tokens(std::string_view value) {
    std::vector<std::string> tokens;
    std::string scratch;
    for_each_class_id_token(value, scratch, [&](std::string_view token) { tokens.emplace_back(token); });
    return tokens;
}

std::string squeezed_class_name(std::string_view name) {
    std::string out;
    for (char c : name)
        if (c != '-' && c != '_') out += ascii::lower(c);
    return out;
}

}  // namespace winnow::dom
