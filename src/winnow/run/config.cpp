#include "winnow/run/config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <sstream>

#include "winnow/fetch/client_toml.hpp"
#include "winnow/metadata/page_kind.hpp"
#include "winnow/run/url_normalise.hpp"
#include "winnow/util/atomic_file.hpp"

namespace winnow::run {
namespace {


namespace fs = std::filesystem;

constexpr std::size_t k_max_url_file_bytes = 64 * 1024 * 1024;  // a URL list larger than this is a mistake
const std::set<std::string, std::less<>> k_top_keys = {"output",       "state", "fetch",        "profiles",   "source",
                                                       "commit_every", "kinds", "max_duration", "gone_after", "favor"};
const std::set<std::string, std::less<>> k_fetch_keys = {
    "concurrency", "per_host", "delay",   "timeout", "max_bytes",       "retries", "max_crawl_delay", "allow_private_addresses",
    "user_agent",  "headers",  "cookies", "proxy",   "no_proxy"};
const std::set<std::string, std::less<>> k_source_keys = {"urls",    "url_file", "feed",    "sitemap", "max_new",
                                                          "profile", "favor", "user_agent", "headers", "cookies", "proxy", "no_proxy"};
constexpr double k_min_timeout_seconds = 0.001;  // libcurl reads a timeout of 0 ms as "none"

// Collects every problem with its position instead of stopping at the first.
class Problems {
public:
    explicit Problems(std::string file) : m_file(std::move(file)) {}

    void add(const toml::source_region& where, const std::string& message) {
        add_at(where.begin.line, where.begin.column, message);
    }
    void add_at(std::size_t line, std::size_t column, const std::string& message, const std::string& file = {}) {
        m_lines.push_back((file.empty() ? m_file : file) + ":" + std::to_string(line) + ":" + std::to_string(column) +
                          ": " + message);
    }
    bool empty() const { return m_lines.empty(); }
    std::string text() const {
        std::string out;
        for (const auto& line : m_lines) out += (out.empty() ? "" : "\n") + line;
        return out;
    }

private:
    std::string m_file;
    std::vector<std::string> m_lines;
};

std::string where(const std::string& file, const toml::source_region& region) {
    return file + ":" + std::to_string(region.begin.line) + ":" + std::to_string(region.begin.column);
}

void check_keys(const toml::table& table, const std::set<std::string, std::less<>>& known, const std::string& context,
                Problems& problems) {
    for (const auto& [key, node] : table) {
        if (known.contains(key.str())) continue;
        problems.add(key.source(), "unknown key '" + std::string(key.str()) + "'" + context);
    }
}

std::optional<std::string> get_string(const toml::table& table, std::string_view key, Problems& problems) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    if (auto value = node->value<std::string>(); value && node->is_string()) return *value;
    problems.add(node->source(), fetch::quoted_key(key) + " must be a string");
    return std::nullopt;
}

// favor = "precision" | "balanced" | "recall".
std::optional<extract::Favor> read_favor(const toml::table& table, Problems& problems) {
    const std::optional<std::string> name = get_string(table, "favor", problems);
    if (!name) return std::nullopt;
    std::optional<extract::Favor> favor = extract::favor_named(*name);
    if (!favor)
        problems.add(table.get("favor")->source(),
                     "'favor' must be one of " + std::string(extract::favor_names()) + " (not \"" + *name + "\")");
    return favor;
}

// kinds = ["article", "forum"]: known page kinds, at least one.
void read_kinds(const toml::node& node, std::vector<std::string>& kinds, Problems& problems) {
    const toml::array* list = node.as_array();
    std::string known;
    for (std::string_view name : metadata::page_kind_names()) known += (known.empty() ? "" : ", ") + std::string(name);
    if (!list) {
        problems.add(node.source(), "'kinds' must be an array of page kinds (" + known + ")");
        return;
    }
    if (list->empty()) problems.add(node.source(), "'kinds' is empty: every page would be skipped");
    kinds.clear();
    for (std::size_t i = 0; i < list->size(); ++i) {
        const toml::node& item = *list->get(i);
        metadata::PageKind kind;
        if (!item.is_string() || !metadata::parse_page_kind(*item.value<std::string>(), kind)) {
            problems.add(item.source(), "'kinds' entries must be page kinds (" + known + ")");
            continue;
        }
        kinds.push_back(*item.value<std::string>());
    }
}

std::optional<std::int64_t> get_integer(const toml::table& table, std::string_view key, std::int64_t minimum,
                                        Problems& problems, std::int64_t maximum = std::numeric_limits<std::int64_t>::max()) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    if (!node->is_integer()) {
        problems.add(node->source(), fetch::quoted_key(key) + " must be an integer");
        return std::nullopt;
    }
    auto value = node->value<std::int64_t>().value_or(0);
    if (value < minimum) {
        problems.add(node->source(), fetch::quoted_key(key) + " must be at least " + std::to_string(minimum));
        return std::nullopt;
    }
    if (value > maximum) {
        problems.add(node->source(), fetch::quoted_key(key) + " must be at most " + std::to_string(maximum));
        return std::nullopt;
    }
    return value;
}

// Seconds above this are a mistake (and would overflow when turned into milliseconds).
constexpr double k_max_seconds = 366.0 * 24 * 3600;

std::optional<double> get_number(const toml::table& table, std::string_view key, bool allow_zero, Problems& problems) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    if (!node->is_number()) {
        problems.add(node->source(), fetch::quoted_key(key) + " must be a number (seconds)");
        return std::nullopt;
    }
    double value = node->value<double>().value_or(0);
    if (!std::isfinite(value)) {
        problems.add(node->source(), fetch::quoted_key(key) + " must be a finite number of seconds, not " +
                                         (std::isnan(value) ? "nan" : "inf"));
        return std::nullopt;
    }
    if (value > k_max_seconds) {
        problems.add(node->source(), fetch::quoted_key(key) + " must be at most " + std::to_string(static_cast<long>(k_max_seconds)) +
                                         " (a year of seconds)");
        return std::nullopt;
    }
    if (value < 0 || (!allow_zero && value == 0)) {
        problems.add(node->source(), fetch::quoted_key(key) + " must be " + (allow_zero ? "0 or more" : "more than 0"));
        return std::nullopt;
    }
    return value;
}

std::optional<bool> get_bool(const toml::table& table, std::string_view key, Problems& problems) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    if (!node->is_boolean()) {
        problems.add(node->source(), fetch::quoted_key(key) + " must be true or false");
        return std::nullopt;
    }
    return node->value<bool>();
}


fs::path relative_to(const fs::path& config_file, const std::string& value) {
    fs::path path(value);
    if (path.is_absolute()) return path;
    return config_file.parent_path() / path;
}

// user_agent, headers, cookies, proxy and no_proxy, of [fetch] or of a [[source]].
void read_client(const toml::table& table, const fs::path& file, fetch::ClientSettings& client, Problems& problems) {
    fetch::read_client_settings(table, file.parent_path(), client,
                                [&](const toml::source_region& where, const std::string& message) { problems.add(where, message); });
}

void read_fetch(const toml::table& table, const fs::path& file, FetchConfig& fetch, Problems& problems) {
    check_keys(table, k_fetch_keys, " in [fetch]", problems);
    if (auto v = get_integer(table, "concurrency", 1, problems)) fetch.concurrency = *v;
    if (auto v = get_integer(table, "per_host", 1, problems)) fetch.per_host = *v;
    if (auto v = get_number(table, "delay", true, problems)) fetch.delay = *v;
    if (auto v = get_number(table, "timeout", false, problems)) {
        if (*v < k_min_timeout_seconds)
            problems.add(table.get("timeout")->source(), "'timeout' must be at least 0.001 (1 ms; libcurl reads less as no timeout)");
        else fetch.timeout = *v;
    }
    if (auto v = get_number(table, "max_crawl_delay", true, problems)) fetch.max_crawl_delay = *v;
    if (auto v = get_integer(table, "max_bytes", 1, problems)) fetch.max_bytes = static_cast<std::size_t>(*v);
    if (auto v = get_integer(table, "retries", 0, problems, 100)) fetch.retries = *v;
    if (auto v = get_bool(table, "allow_private_addresses", problems)) fetch.allow_private_addresses = *v;
    read_client(table, file, fetch.client, problems);
    if (fetch.client.user_agent) fetch.user_agent = *fetch.client.user_agent;
    fetch.client.user_agent.reset();
}

// A URL as written in the file: normalised (without credentials; those are noted in
// `credentials` for the fetch), or a problem at its position.
std::optional<std::string> checked_url(const toml::node& node, std::string_view key, Problems& problems,
                                       Credentials& credentials) {
    auto text = node.value<std::string>();
    if (!node.is_string() || !text) {
        problems.add(node.source(), fetch::quoted_key(key) + " must be a string (a URL)");
        return std::nullopt;
    }
    auto url = normalise_url(*text);
    if (!url) {
        problems.add(node.source(), "bad URL in '" + std::string(key) + "': " + url.error().message);
        return std::nullopt;
    }
    credentials.note(*text, *url);
    return *url;
}

void read_url_file(SourceConfig& source, const toml::node& node, Problems& problems, Credentials& credentials) {
    auto content = read_file(source.url_file, k_max_url_file_bytes);
    if (!content) {
        problems.add(node.source(), "url_file: " + content.error().message);
        return;
    }
    std::istringstream lines(*content);
    std::string line;
    std::size_t number = 0;
    const std::string shown = source.url_file.string();
    while (std::getline(lines, line)) {
        ++number;
        std::size_t start = line.find_first_not_of(" \t\r");
        if (start == std::string::npos || line[start] == '#') continue;
        std::size_t end = line.find_last_not_of(" \t\r");
        std::string text = line.substr(start, end - start + 1);
        if (auto hash = text.find(" #"); hash != std::string::npos) text = text.substr(0, text.find_last_not_of(" \t", hash) + 1);
        auto url = normalise_url(text);
        if (!url) problems.add_at(number, start + 1, "bad URL: " + url.error().message, shown);
        else {
            credentials.note(text, *url);
            source.urls.push_back(*url);
        }
    }
}

void read_source(const toml::table& table, const fs::path& file, std::size_t index, Problems& problems,
                 std::vector<SourceConfig>& sources, Credentials& credentials) {
    check_keys(table, k_source_keys, " in [[source]] #" + std::to_string(index + 1), problems);
    SourceConfig source;
    source.origin = where(file.string(), table.source());
    int kinds = 0;
    for (const char* key : {"urls", "url_file", "feed", "sitemap"})
        if (table.contains(key)) ++kinds;
    if (kinds != 1) {
        problems.add(table.source(), "[[source]] #" + std::to_string(index + 1) +
                                         " must have exactly one of 'urls', 'url_file', 'feed' or 'sitemap'" +
                                         (kinds ? " (it has " + std::to_string(kinds) + ")" : ""));
    }
    if (const toml::node* node = table.get("urls")) {
        source.kind = SourceKind::urls;
        if (const toml::array* list = node->as_array()) {
            if (list->empty()) problems.add(node->source(), "'urls' is empty");
            for (const toml::node& item : *list)
                if (auto url = checked_url(item, "urls", problems, credentials)) source.urls.push_back(*url);
        } else {
            problems.add(node->source(), "'urls' must be an array of strings");
        }
    } else if (const toml::node* node = table.get("url_file")) {
        source.kind = SourceKind::url_file;
        if (auto name = get_string(table, "url_file", problems)) {
            source.url_file = relative_to(file, *name);
            read_url_file(source, *node, problems, credentials);
        }
    } else if (const toml::node* node = table.get("feed")) {
        source.kind = SourceKind::feed;
        if (auto url = checked_url(*node, "feed", problems, credentials)) source.url = *url;
    } else if (const toml::node* node = table.get("sitemap")) {
        source.kind = SourceKind::sitemap;
        if (auto url = checked_url(*node, "sitemap", problems, credentials)) source.url = *url;
    }
    if (auto v = get_integer(table, "max_new", 0, problems)) source.max_new = static_cast<std::size_t>(*v);
    fetch::ClientSettings client;
    read_client(table, file, client, problems);
    if (fetch::has_settings(client))
        source.client = std::make_shared<const fetch::ClientSettings>(std::move(client));
    if (auto v = get_string(table, "profile", problems)) {
        if (v->empty()) problems.add(table.get("profile")->source(), "'profile' is empty");
        source.profile = *v;
        source.profile_origin = where(file.string(), table.get("profile")->source());
    }
    source.favor = read_favor(table, problems);
    sources.push_back(std::move(source));
}

}  // namespace

Result<RunConfig> parse_config(std::string_view text, const fs::path& file) {
    const std::string shown = file.string();
    toml::table root;
    try {
        root = toml::parse(text, shown);
    } catch (const toml::parse_error& error) {
        return fail(ErrorKind::config, where(shown, error.source()) + ": " + std::string(error.description()));
    }
    Problems problems(shown);
    RunConfig config;
    config.file = file;
    check_keys(root, k_top_keys, "", problems);
    if (auto output = get_string(root, "output", problems)) config.output = relative_to(file, *output);
    else if (!root.contains("output")) problems.add_at(1, 1, "'output' is missing (the folder of the article files)");
    if (auto state = get_string(root, "state", problems)) config.state = relative_to(file, *state);
    else if (!root.contains("state")) problems.add_at(1, 1, "'state' is missing (the state file)");
    if (auto v = get_integer(root, "commit_every", 1, problems, 1'000'000)) config.commit_every = static_cast<std::size_t>(*v);
    if (auto v = get_number(root, "max_duration", false, problems)) config.max_duration = *v;
    if (auto v = get_integer(root, "gone_after", 0, problems, 1000)) config.gone_after = static_cast<long>(*v);
    if (const toml::node* fetch = root.get("fetch")) {
        if (const toml::table* table = fetch->as_table()) read_fetch(*table, file, config.fetch, problems);
        else problems.add(fetch->source(), "'fetch' must be a table ([fetch])");
    }
    if (const toml::node* dirs = root.get("profiles")) {
        const toml::array* list = dirs->as_array();
        if (!list) problems.add(dirs->source(), "'profiles' must be an array of folder names");
        for (std::size_t i = 0; list && i < list->size(); ++i) {
            const toml::node& item = *list->get(i);
            if (!item.is_string()) {
                problems.add(item.source(), "'profiles' entries must be strings");
                continue;
            }
            fs::path dir = relative_to(file, *item.value<std::string>());
            if (!fs::is_directory(dir)) problems.add(item.source(), dir.string() + ": no such folder");
            config.profile_dirs.push_back(dir);
        }
    }
    if (const toml::node* kinds = root.get("kinds")) read_kinds(*kinds, config.kinds, problems);
    config.favor = read_favor(root, problems);
    if (const toml::node* sources = root.get("source")) {
        const toml::array* list = sources->as_array();
        if (!list || !list->is_array_of_tables()) {
            problems.add(sources->source(), "'source' must be an array of tables ([[source]])");
        } else {
            for (std::size_t i = 0; i < list->size(); ++i) read_source(*list->get(i)->as_table(), file, i, problems, config.sources, config.credentials);
        }
    }
    if (config.sources.empty() && problems.empty()) problems.add_at(1, 1, "no [[source]]: nothing to fetch");
    for (const SourceConfig& source : config.sources) {
        config.written_urls.insert(source.urls.begin(), source.urls.end());
        if (!source.url.empty()) config.written_urls.insert(source.url);
    }
    if (!problems.empty()) return fail(ErrorKind::config, problems.text());
    return config;
}

Result<RunConfig> load_config(const fs::path& file) {
    auto text = read_file(file, 16 * 1024 * 1024);
    if (!text) return fail(ErrorKind::config, text.error().message);
    return parse_config(*text, file);
}

}  // namespace winnow::run
