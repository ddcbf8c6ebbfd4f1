// libFuzzer harness: the whole pipeline on one page (decode, parse, metadata, extraction), with
// the built-in default profile's rules, as `winnow clean` runs it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "winnow/pipeline/clean_page.hpp"
#include "winnow/profiles/profile_set.hpp"

namespace {

const winnow::profiles::ProfileSet& default_profiles() {
    static const winnow::profiles::ProfileSet set = [] {
        auto loaded = winnow::profiles::ProfileSet::load(winnow::profiles::builtin_only());
        if (!loaded) __builtin_trap();  // the built-in default profile always loads
        return std::move(*loaded);
    }();
    return set;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    winnow::pipeline::CleanOptions options;
    options.profiles = &default_profiles();
    options.explain = true;
    winnow::pipeline::PageContext context;
    context.url = "https://fuzz.example/2026/01/article.html";
    (void)winnow::pipeline::clean_page(bytes, context, options);
    return 0;
}
