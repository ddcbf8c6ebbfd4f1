#include "winnow/fetch/client_toml.hpp"

#include <algorithm>

namespace winnow::fetch {
namespace {

std::optional<std::string> string_of(const toml::table& table, std::string_view key, const TomlProblem& problem) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    if (!node->is_string()) {
        problem(node->source(), quoted_key(key) + " must be a string");
        return std::nullopt;
    }
    std::string value = *node->value<std::string>();
    if (!is_header_text(value)) {
        problem(node->source(), quoted_key(key) + " must be one line");
        return std::nullopt;
    }
    return value;
}

}  // namespace

std::string quoted_key(std::string_view key) {
    std::string out;
    out.reserve(key.size() + 2);
    out += '\'';
    out += key;
    out += '\'';
    return out;
}

bool is_header_name(std::string_view name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return c > ' ' && c < 127 && std::string_view("\"(),/:;<=>?@[\\]{}").find(c) == std::string_view::npos;
    });
}

bool is_header_text(std::string_view text) {
    return std::none_of(text.begin(), text.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && c != '\t') || byte == 0x7f;
    });
}

bool has_settings(const ClientSettings& c) {
    return c.user_agent || !c.headers.empty() || c.cookie_file || c.proxy || c.no_proxy;
}

void read_client_settings(const toml::table& table, const std::filesystem::path& base_dir, ClientSettings& client,
                          const TomlProblem& problem) {
    if (auto v = string_of(table, "user_agent", problem)) client.user_agent = *v;
    if (const toml::node* node = table.get("headers")) {
        if (const toml::table* headers = node->as_table()) {
            for (const auto& [name, value] : *headers) {
                std::string header_name(name.str());
                if (!is_header_name(header_name)) problem(name.source(), "bad header name '" + header_name + "'");
                else if (!value.is_string() || !is_header_text(*value.value<std::string>()))
                    problem(value.source(), "the value of header '" + header_name + "' must be a string on one line");
                else client.headers.push_back(header_name + ": " + *value.value<std::string>());
            }
        } else {
            problem(node->source(), "'headers' must be a table of names and values: headers = { Accept-Language = \"de\" }");
        }
    }
    if (auto v = string_of(table, "cookies", problem)) {
        std::filesystem::path cookies(*v);
        if (cookies.is_relative()) cookies = base_dir / cookies;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(cookies, ec))
            problem(table.get("cookies")->source(), cookies.string() + ": no such cookie file");
        else client.cookie_file = cookies.string();
    }
    if (auto v = string_of(table, "proxy", problem)) client.proxy = *v;
    if (auto v = string_of(table, "no_proxy", problem)) client.no_proxy = *v;
}

}  // namespace winnow::fetch
