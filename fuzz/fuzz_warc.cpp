// libFuzzer harness: the WARC reader (plain or gzip) over the input, every record read to the end.
#include <cstddef>
#include <cstdint>
#include <string>

#include "winnow/warc/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    winnow::warc::ReaderOptions options;
    options.max_block_bytes = 1 << 20;
    winnow::warc::Reader reader(winnow::warc::memory_input(std::string(reinterpret_cast<const char*>(data), size)), options);
    // Each call consumes data or ends: a bound keeps a reader bug from looping forever.
    for (std::size_t i = 0; i < 100000; ++i) {
        auto next = reader.next();
        if (!next) break;
    }
    return 0;
}
