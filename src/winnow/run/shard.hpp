// run: sharded runs (`winnow run --shard I/N`). N machines run the same configuration, each with
// its own state file, and shard I keeps only the page URLs whose host hashes to I: every host is
// fetched by one process, so politeness (delay, per_host, robots.txt) holds across machines,
// and the union of the N outputs is one unsharded run's. The hash is FNV-1a (64 bits) of the
// normalised host with its port when the URL names one ("example.com", "127.0.0.1:8081"; run/output's fnv1a_64):
// stable across machines, builds and versions. It must never change: a changed hash moves
// hosts to other shards, whose state files do not know their pages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "winnow/util/result.hpp"

namespace winnow::run {

struct Shard {
    std::size_t index = 1;  // 1..count
    std::size_t count = 1;
};

// "I/N" with 1 <= I <= N; fails (usage) with the reason otherwise.
Result<Shard> parse_shard(std::string_view text);

// The host key of a URL: its lower-case host, and ":PORT" when the URL names a port that is not
// the scheme's default. Empty for a URL without a host.
std::string shard_key(std::string_view url);

// The shard (1..count) of a URL's host.
std::size_t shard_of(std::string_view url, std::size_t count);

}  // namespace winnow::run
