// warc: the digests and identifiers WARC records carry: SHA-1 in base32 (WARC-Block-Digest,
// WARC-Payload-Digest, as wget and Common Crawl write them) and <urn:uuid:...> record ids.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace winnow::warc {

// "sha1:" + the base32 (RFC 4648) SHA-1 of `data`.
std::string sha1_digest(std::string_view data);

// True when `digest` ("sha1:BASE32" or "sha1:HEX", any case) is the SHA-1 of `data`; nullopt
// for another algorithm or a value that is not a SHA-1 at all (nothing to check).
std::optional<bool> digest_matches(std::string_view digest, std::string_view data);

// "<urn:uuid:...>": a random (version 4) id.
std::string random_record_id();
// "<urn:uuid:...>": a name-based (version 5, SHA-1) id: the same name gives the same id.
std::string name_based_record_id(std::string_view name);

}  // namespace winnow::warc
