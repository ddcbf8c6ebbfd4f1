#include "winnow/profiles/profile.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "winnow/fetch/client_toml.hpp"
#include "winnow/util/ascii.hpp"
#include "winnow/util/atomic_file.hpp"
#include "winnow/util/regex_shape.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::profiles {
namespace {

// A profile is a small text file; anything bigger is a mistake (a page saved as .toml).
constexpr std::size_t k_max_profile_bytes = 1024 * 1024;

// A selector quoted in a problem is cut after this many bytes (a hostile one may be 60 KB).
constexpr std::size_t k_quoted_selector_bytes = 80;

constexpr std::string_view k_selector_keys[] = {"content", "drop", "title", "author", "date"};
constexpr std::string_view k_text_keys[] = {"drop_text", "stop_text"};

// Boost's message without the copy of the pattern it appends, plus where the problem is.
std::string regex_problem(const boost::regex_error& e) {
    std::string what = e.what();
    if (auto cut = what.find("  The error occurred"); cut != std::string::npos) what.resize(cut);
    return what + " (at character " + std::to_string(e.position() + 1) + " of the pattern)";
}

std::string type_name(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::table: return "a table";
        case toml::node_type::array: return "an array";
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a number";
        case toml::node_type::boolean: return "a boolean";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date-time";
        default: return "nothing";
    }
}

class ProfileReader {
public:
    ProfileReader(const std::string& file, std::vector<Problem>& problems) : m_file(file), m_problems(problems) {}

    void problem(const toml::source_region& where, std::string message) {
        m_problems.push_back({m_file, std::max<std::uint32_t>(1, where.begin.line),
                              std::max<std::uint32_t>(1, where.begin.column), std::move(message)});
    }

    void warning(const toml::source_region& where, std::string message) {
        m_warnings.push_back({m_file, std::max<std::uint32_t>(1, where.begin.line),
                              std::max<std::uint32_t>(1, where.begin.column), "warning: " + std::move(message)});
    }

    std::vector<Problem> take_warnings() { return std::move(m_warnings); }

    std::vector<std::string> strings(const toml::node& node, std::string_view key) {
        std::vector<std::string> out;
        const toml::array* array = node.as_array();
        if (!array) {
            problem(node.source(), std::string(key) + " must be an array of strings, not " + type_name(node));
            return out;
        }
        for (const toml::node& item : *array) {
            if (auto s = item.value<std::string>(); s && item.is_string()) out.push_back(*s);
            else problem(item.source(), std::string(key) + " must hold strings, not " + type_name(item));
        }
        return out;
    }

    std::vector<extract::SelectorRule> selectors(const toml::node& node, std::string_view key, const std::string& origin) {
        std::vector<extract::SelectorRule> out;
        const toml::array* array = node.as_array();
        if (!array) {
            problem(node.source(), std::string(key) + " must be an array of CSS selectors, not " + type_name(node));
            return out;
        }
        for (const toml::node& item : *array) {
            if (!item.is_string()) {
                problem(item.source(), std::string(key) + " must hold CSS selectors (strings), not " + type_name(item));
                continue;
            }
            std::string source = *item.value<std::string>();
            auto selector = dom::SelectorList::parse(source);
            if (!selector) {
                // A long selector is quoted by its start: the message stays one readable line.
                problem(item.source(), "bad CSS selector \"" + utf8::shorten(source, k_quoted_selector_bytes) + "\" in " +
                                           std::string(key) + ": " + selector.error().message);
                continue;
            }
            out.push_back({origin, std::move(*selector)});
        }
        return out;
    }

    std::optional<extract::TextRule> text_rule(const toml::node& item, std::string_view key, const std::string& origin) {
        std::string pattern;
        bool case_sensitive = false;
        const toml::node* pattern_node = &item;
        if (item.is_string()) {
            pattern = *item.value<std::string>();
        } else if (const toml::table* table = item.as_table()) {
            bool has_pattern = false;
            for (auto&& [k, v] : *table) {
                if (k.str() == "pattern" && v.is_string()) {
                    pattern = *v.value<std::string>();
                    pattern_node = &v;
                    has_pattern = true;
                } else if (k.str() == "case_sensitive" && v.is_boolean()) {
                    case_sensitive = *v.value<bool>();
                } else if (k.str() == "pattern" || k.str() == "case_sensitive") {
                    problem(v.source(), std::string(k.str()) + " must be " +
                                            (k.str() == "pattern" ? "a string" : "a boolean") + ", not " + type_name(v));
                    return std::nullopt;
                } else {
                    problem(k.source(), "unknown key \"" + std::string(k.str()) + "\" in a " + std::string(key) +
                                            " rule (known: pattern, case_sensitive)");
                    return std::nullopt;
                }
            }
            if (!has_pattern) {
                problem(item.source(), std::string(key) + " rule without a pattern");
                return std::nullopt;
            }
        } else {
            problem(item.source(), std::string(key) + " must hold regexes (strings or { pattern = ..., "
                                                      "case_sensitive = ... }), not " + type_name(item));
            return std::nullopt;
        }
        if (pattern.empty()) {
            problem(pattern_node->source(), "empty pattern in " + std::string(key) + ": it would match every block");
            return std::nullopt;
        }
        if (const std::string_view misreading = property_misreading(pattern); !misreading.empty()) {
            problem(pattern_node->source(), "regex \"" + pattern + "\" in " + std::string(key) + ": " + std::string(misreading));
            return std::nullopt;
        }
        try {
            extract::TextRule rule;
            rule.origin = origin;
            rule.file = m_file;
            rule.pattern = pattern;
            boost::regex::flag_type flags = boost::regex::perl;
            if (!case_sensitive) flags |= boost::regex::icase;
            rule.regex = boost::make_u32regex(pattern, flags);
            rule.nested_quantifier = has_nested_quantifier(pattern);
            if (rule.nested_quantifier)
                warning(pattern_node->source(), "regex \"" + pattern + "\" in " + std::string(key) +
                                                    " has nested quantifiers (a repeated group that repeats inside, "
                                                    "like (a+)+): it can take seconds on a block it almost matches, "
                                                    "and is then disabled for the rest of the run");
            return rule;
        } catch (const boost::regex_error& e) {
            problem(pattern_node->source(), "bad regex \"" + pattern + "\" in " + std::string(key) + ": " + regex_problem(e));
            return std::nullopt;
        }
    }

    std::vector<extract::TextRule> text_rules(const toml::node& node, std::string_view key, const std::string& origin) {
        std::vector<extract::TextRule> out;
        const toml::array* array = node.as_array();
        if (!array) {
            problem(node.source(), std::string(key) + " must be an array of regexes, not " + type_name(node));
            return out;
        }
        for (const toml::node& item : *array)
            if (auto rule = text_rule(item, key, origin)) out.push_back(std::move(*rule));
        return out;
    }

    void read_match(const toml::table& match, Profile& profile) {
        for (auto&& [k, v] : match) {
            if (k.str() == "hosts") {
                const toml::array* array = v.as_array();
                if (!array) {
                    problem(v.source(), "hosts must be an array of host names, not " + type_name(v));
                    continue;
                }
                for (const toml::node& item : *array) {
                    if (!item.is_string()) {
                        problem(item.source(), "hosts must hold host names (strings), not " + type_name(item));
                        continue;
                    }
                    std::string host = ascii::lower(*item.value<std::string>());
                    if (!host.empty() && host.back() == '.') host.pop_back();
                    bool bare = !host.empty() && host.find_first_of("/:@ ?#*") == std::string::npos &&
                                host.front() != '.';
                    if (!bare) {
                        problem(item.source(), "host \"" + *item.value<std::string>() +
                                                   "\" must be a bare host name such as \"example.com\" (no scheme, "
                                                   "port, path or wildcard; subdomains match by themselves)");
                        continue;
                    }
                    profile.hosts.push_back({host, item.source().begin.line, item.source().begin.column});
                }
            } else if (k.str() == "paths") {
                const toml::array* array = v.as_array();
                if (!array) {
                    problem(v.source(), "paths must be an array of regexes, not " + type_name(v));
                    continue;
                }
                for (const toml::node& item : *array) {
                    if (!item.is_string()) {
                        problem(item.source(), "paths must hold regexes (strings), not " + type_name(item));
                        continue;
                    }
                    std::string pattern = *item.value<std::string>();
                    try {
                        profile.paths.emplace_back(pattern, boost::regex::perl);
                        profile.path_patterns.push_back(pattern);
                    } catch (const boost::regex_error& e) {
                        problem(item.source(), "bad regex \"" + pattern + "\" in paths: " + regex_problem(e));
                    }
                }
            } else {
                problem(k.source(), "unknown key \"" + std::string(k.str()) + "\" in [match] (known: hosts, paths)");
            }
        }
    }

    // favor = "precision" | "balanced" | "recall": the extractor's mode for the site's pages.
    std::optional<extract::Favor> favor(const toml::node& node) {
        const std::optional<std::string> name = node.value<std::string>();
        if (!name) {
            problem(node.source(), "favor must be a string (" + std::string(extract::favor_names()) + "), not " + type_name(node));
            return std::nullopt;
        }
        std::optional<extract::Favor> mode = extract::favor_named(*name);
        if (!mode)
            problem(node.source(), "favor \"" + *name + "\" is not a mode (" + std::string(extract::favor_names()) + ")");
        return mode;
    }

    void read_rules(const toml::table& rules, Profile& profile, const std::string& origin) {
        for (auto&& [k, v] : rules) {
            std::string_view key = k.str();
            if (key == "content") profile.rules.content = selectors(v, key, origin);
            else if (key == "drop") profile.rules.drop = selectors(v, key, origin);
            else if (key == "title") profile.rules.title = selectors(v, key, origin);
            else if (key == "author") profile.rules.author = selectors(v, key, origin);
            else if (key == "date") profile.rules.date = selectors(v, key, origin);
            else if (key == "drop_text") profile.rules.drop_text = text_rules(v, key, origin);
            else if (key == "stop_text") profile.rules.stop_text = text_rules(v, key, origin);
            else if (key == "favor") profile.rules.favor = favor(v);
            else
                problem(k.source(), "unknown key \"" + std::string(key) +
                                        "\" in [rules] (known: content, drop, drop_text, stop_text, title, author, date, favor)");
        }
    }

    // [fetch]: the client settings of the site, a cookie file relative to the profile's folder.
    void read_fetch(const toml::table& table, Profile& profile) {
        for (auto&& [k, v] : table)
            if (std::find(std::begin(fetch::k_client_keys), std::end(fetch::k_client_keys), k.str()) == std::end(fetch::k_client_keys))
                problem(k.source(), "unknown key \"" + std::string(k.str()) +
                                        "\" in [fetch] (known: user_agent, headers, cookies, proxy, no_proxy)");
        fetch::ClientSettings client;
        fetch::read_client_settings(table, std::filesystem::path(m_file).parent_path(), client,
                                    [&](const toml::source_region& where, const std::string& message) { problem(where, message); });
        if (fetch::has_settings(client)) profile.fetch = std::make_shared<const fetch::ClientSettings>(std::move(client));
    }

    void read(const toml::table& root, Profile& profile) {
        const std::string origin = profile.is_default() ? "default" : "profile " + profile.name;
        bool has_match = false;
        for (auto&& [k, v] : root) {
            std::string_view key = k.str();
            if (key == "description") {
                if (v.is_string()) profile.description = *v.value<std::string>();
                else problem(v.source(), "description must be a string, not " + type_name(v));
            } else if (key == "tests") {
                profile.tests = strings(v, "tests");
            } else if (key == "match") {
                has_match = true;
                if (profile.is_default()) problem(k.source(), "default.toml applies to every page: it takes no [match]");
                else if (const toml::table* t = v.as_table()) read_match(*t, profile);
                else problem(v.source(), "match must be a table ([match]), not " + type_name(v));
            } else if (key == "rules") {
                if (const toml::table* t = v.as_table()) read_rules(*t, profile, origin);
                else problem(v.source(), "rules must be a table ([rules]), not " + type_name(v));
            } else if (key == "fetch") {
                if (profile.is_default()) problem(k.source(), "default.toml applies to every site: it takes no [fetch] (use [fetch] of the run configuration)");
                else if (const toml::table* t = v.as_table()) read_fetch(*t, profile);
                else problem(v.source(), "fetch must be a table ([fetch]), not " + type_name(v));
            } else {
                problem(k.source(), "unknown key \"" + std::string(key) + "\" (known: description, tests, match, rules, fetch)");
            }
        }
        if (!profile.is_default() && (!has_match || profile.hosts.empty()) &&
            std::none_of(m_problems.begin(), m_problems.end(), [&](const Problem& p) { return p.file == m_file; }))
            problem(root.source(), "a site profile needs [match] hosts = [\"example.com\"]");
    }

private:
    const std::string& m_file;
    std::vector<Problem>& m_problems;
    std::vector<Problem> m_warnings;
};

}  // namespace

std::string Problem::to_string() const {
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

std::optional<Profile> read_profile(std::string_view toml_text, const std::string& file, const std::string& name,
                                    std::vector<Problem>& problems) {
    toml::table root;
    try {
        root = toml::parse(toml_text, file);
    } catch (const toml::parse_error& e) {
        problems.push_back({file, std::max<std::uint32_t>(1, e.source().begin.line),
                            std::max<std::uint32_t>(1, e.source().begin.column),
                            "bad TOML: " + std::string(e.description())});
        return std::nullopt;
    }
    Profile profile;
    profile.name = name;
    profile.file = file;
    std::vector<Problem> found;
    ProfileReader reader(file, found);
    reader.read(root, profile);
    profile.warnings = reader.take_warnings();
    // toml++ visits keys in name order; problems are reported in file order.
    std::stable_sort(found.begin(), found.end(), [](const Problem& a, const Problem& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    problems.insert(problems.end(), found.begin(), found.end());
    return profile;
}

std::optional<Profile> read_profile_file(const std::filesystem::path& path, std::vector<Problem>& problems) {
    auto text = read_file(path.string(), k_max_profile_bytes);
    if (!text) {
        std::string message = text.error().message;
        if (message.starts_with(path.string() + ": ")) message.erase(0, path.string().size() + 2);
        problems.push_back({path.string(), 1, 1, "cannot read: " + message});
        return std::nullopt;
    }
    std::string name = path.filename().string();
    if (name.ends_with(".toml")) name.resize(name.size() - 5);
    return read_profile(*text, path.string(), name, problems);
}

void find_duplicate_hosts(const std::vector<Profile>& profiles, std::vector<Problem>& problems) {
    // A host with the same path patterns in two places would make the choice arbitrary.
    std::map<std::string, std::string> seen;  // host + patterns -> the profile that has it
    for (const Profile& profile : profiles) {
        std::vector<std::string> patterns = profile.path_patterns;
        std::sort(patterns.begin(), patterns.end());
        std::string suffix;
        for (const auto& p : patterns) suffix += "\n" + p;
        for (const HostEntry& entry : profile.hosts) {
            auto [it, inserted] = seen.emplace(entry.host + suffix, profile.name + " (" + profile.file + ")");
            if (inserted) continue;
            std::string paths = patterns.empty() ? "" : " with the same paths";
            problems.push_back({profile.file, entry.line, entry.column,
                                "duplicate host \"" + entry.host + "\"" + paths + ": already matched by profile " + it->second});
        }
    }
}

}  // namespace winnow::profiles
