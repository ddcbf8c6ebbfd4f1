#include "winnow/util/url_resolve.hpp"

#include <curl/curl.h>

#include <memory>

namespace winnow::url {

std::string resolve_reference(std::string_view base, std::string_view reference) {
    const std::string ref(reference);
    if (base.empty()) return ref;
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> handle(curl_url(), &curl_url_cleanup);
    const std::string base_text(base);
    if (!handle || curl_url_set(handle.get(), CURLUPART_URL, base_text.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK ||
        curl_url_set(handle.get(), CURLUPART_URL, ref.c_str(), CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE) != CURLUE_OK)
        return ref;
    char* out = nullptr;
    if (curl_url_get(handle.get(), CURLUPART_URL, &out, 0) != CURLUE_OK || !out) return ref;
    std::string result(out);
    curl_free(out);
    return result;
}

}  // namespace winnow::url
