#include "winnow/decode/content_encoding.hpp"

#include <brotli/decode.h>

#include <algorithm>
#include <array>
#include <vector>

#include "winnow/decode/sniff.hpp"
#include "winnow/util/ascii.hpp"

namespace winnow::decode {
namespace {

Result<std::string> brotli_decompress(std::string_view data, std::size_t max_bytes) {
    BrotliDecoderState* state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    if (!state) return fail(ErrorKind::internal, "brotli: cannot initialise");
    const auto* next_in = reinterpret_cast<const uint8_t*>(data.data());
    std::size_t available_in = data.size();
    std::string out;
    std::array<uint8_t, 65536> buffer{};
    BrotliDecoderResult rc = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
    while (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
        uint8_t* next_out = buffer.data();
        std::size_t available_out = buffer.size();
        rc = BrotliDecoderDecompressStream(state, &available_in, &next_in, &available_out, &next_out, nullptr);
        out.append(reinterpret_cast<const char*>(buffer.data()), buffer.size() - available_out);
        if (max_bytes && out.size() > max_bytes) {
            BrotliDecoderDestroyInstance(state);
            return fail(ErrorKind::too_large, "over the limit of " + std::to_string(max_bytes) + " bytes once decompressed");
        }
    }
    BrotliDecoderDestroyInstance(state);
    if (rc != BROTLI_DECODER_RESULT_SUCCESS) return fail(ErrorKind::bad_input, "corrupt brotli data");
    return out;
}

}  // namespace

Result<std::string> decode_content_encoding(std::string body, std::string_view encoding, std::size_t max_bytes) {
    std::vector<std::string> codings;
    for (std::size_t at = 0; at <= encoding.size();) {
        std::size_t comma = std::min(encoding.find(',', at), encoding.size());
        std::string coding = ascii::lower(ascii::trim(encoding.substr(at, comma - at)));
        if (!coding.empty() && coding != "identity") codings.push_back(std::move(coding));
        at = comma + 1;
    }
    for (auto it = codings.rbegin(); it != codings.rend(); ++it) {
        Result<std::string> decoded = fail(ErrorKind::bad_input, "unsupported Content-Encoding '" + *it + "'");
        if (*it == "gzip" || *it == "x-gzip") {
            // Servers that say gzip and send the page as it is are common enough to allow.
            if (!is_gzip(body)) continue;
            decoded = gunzip(body, max_bytes);
        }
        if (*it == "deflate") decoded = inflate_deflate(body, max_bytes);
        else if (*it == "br") decoded = brotli_decompress(body, max_bytes);
        if (!decoded) return std::unexpected(decoded.error());
        body = std::move(*decoded);
    }
    return body;
}

}  // namespace winnow::decode
