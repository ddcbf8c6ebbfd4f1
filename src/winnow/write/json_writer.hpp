// write: the JSON object of one cleaned input, used by `--format json` and `jsonl` and by the
// run manifest. Fields: source, url, title, text (the body without the title), author (the
// authors joined with ", "), authors, date, date_modified, language, site_name, description,
// canonical_url, image, tags, categories, page_kind, page_flags, method, error (null, or the
// message for this input).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "winnow/extract/article.hpp"

namespace winnow::write {

// `url` empty means unknown (null in JSON).
nlohmann::ordered_json article_json(const std::string& source, const std::string& url, const extract::Article& article);

// The object for an input skipped for its kind (`clean --kinds`): text null, `skipped` the kind.
nlohmann::ordered_json skipped_json(const std::string& source, const std::string& url, const extract::Article& article);

// The object for an input that could not be cleaned.
nlohmann::ordered_json error_json(const std::string& source, const std::string& url, const std::string& error);

// Serialises as one line of UTF-8 JSON (invalid UTF-8 replaced), keys in a fixed order.
std::string to_json_line(const nlohmann::ordered_json& object);

}  // namespace winnow::write
