// libFuzzer harness: the run configuration (TOML) parsed and checked, as `winnow run --check`.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "winnow/run/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)winnow::run::parse_config(text, "/nonexistent/fuzz/winnow.toml");
    return 0;
}
