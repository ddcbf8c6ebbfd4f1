// util: atomic file writes. A reader never sees a partial file: the content goes to a
// temporary file in the same folder, is flushed, then renamed over the target.
#pragma once

#include <filesystem>
#include <string_view>

#include "winnow/util/result.hpp"

namespace winnow {

// Writes `content` to `path` atomically, creating missing parent folders.
Result<void> write_atomically(const std::filesystem::path& path, std::string_view content);

// Reads a whole file into memory; `max_bytes` (0 = no limit) turns a larger file into a
// too_large error before it is read.
Result<std::string> read_file(const std::filesystem::path& path, std::size_t max_bytes = 0);

}  // namespace winnow
