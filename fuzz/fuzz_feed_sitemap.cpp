// libFuzzer harness: the feed and sitemap reader (expat), plain and as a sitemap (gzip inflated
// when the input is gzip).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "winnow/run/sources.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)winnow::run::parse_feed(text, "https://fuzz.example/feed.xml");
    (void)winnow::run::parse_sitemap(text, "https://fuzz.example/sitemap.xml", 16 << 20);
    return 0;
}
