// util: limits shared by every command, so that `clean`, `fetch`, `fixtures` and `run` refuse the
// same pages.
#pragma once

#include <cstddef>

namespace winnow {

// The default size limit of one page (a download or a file): 20 MiB. Real articles are far
// smaller (the largest page of the development corpora is 5.3 MiB); a larger body is a dump, a
// video or an attack, and parsing it would cost more memory than the page is worth.
inline constexpr std::size_t k_default_max_page_bytes = 20 * 1024 * 1024;

}  // namespace winnow
