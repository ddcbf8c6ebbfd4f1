#include "winnow/fetch/address.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <string>

namespace winnow::fetch {
namespace {

struct Block4 {
    std::uint32_t network;
    int prefix;
    AddressClass kind;
};

constexpr std::uint32_t ip4(unsigned a, unsigned b, unsigned c, unsigned d) { return (a << 24) | (b << 16) | (c << 8) | d; }

// IANA's IPv4 special-purpose registry (RFC 6890), the blocks a fetch of somebody else's URL
// must not reach. The first match wins, so the more specific blocks come first.
constexpr std::array<Block4, 16> k_blocks4 = {{
    {ip4(255, 255, 255, 255), 32, AddressClass::multicast},  // limited broadcast
    {ip4(0, 0, 0, 0), 8, AddressClass::unspecified},         // "this network" (0.0.0.0 connects to the local host)
    {ip4(127, 0, 0, 0), 8, AddressClass::loopback},
    {ip4(10, 0, 0, 0), 8, AddressClass::private_net},        // RFC 1918
    {ip4(172, 16, 0, 0), 12, AddressClass::private_net},     // RFC 1918
    {ip4(192, 168, 0, 0), 16, AddressClass::private_net},    // RFC 1918
    {ip4(100, 64, 0, 0), 10, AddressClass::private_net},     // RFC 6598 shared address space (carrier-grade NAT)
    {ip4(169, 254, 0, 0), 16, AddressClass::link_local},     // RFC 3927; 169.254.169.254 is the cloud metadata service
    {ip4(224, 0, 0, 0), 4, AddressClass::multicast},
    {ip4(240, 0, 0, 0), 4, AddressClass::reserved},          // "future use"
    {ip4(192, 0, 0, 0), 24, AddressClass::reserved},         // IETF protocol assignments
    {ip4(192, 0, 2, 0), 24, AddressClass::reserved},         // TEST-NET-1
    {ip4(198, 51, 100, 0), 24, AddressClass::reserved},      // TEST-NET-2
    {ip4(203, 0, 113, 0), 24, AddressClass::reserved},       // TEST-NET-3
    {ip4(198, 18, 0, 0), 15, AddressClass::reserved},        // benchmarking
    {ip4(192, 88, 99, 0), 24, AddressClass::reserved},       // former 6to4 relay anycast
}};

AddressClass classify4(std::uint32_t address) {
    for (const Block4& block : k_blocks4) {
        std::uint32_t mask = block.prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - block.prefix);
        if ((address & mask) == block.network) return block.kind;
    }
    return AddressClass::global;
}

std::uint32_t read4(const unsigned char* bytes) {
    return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) | (std::uint32_t{bytes[2]} << 8) | bytes[3];
}

bool all_zero(const unsigned char* bytes, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        if (bytes[i]) return false;
    return true;
}

AddressClass classify6(const unsigned char* a) {
    static constexpr unsigned char k_mapped_prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    static constexpr unsigned char k_nat64_prefix[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    if (all_zero(a, 16)) return AddressClass::unspecified;
    if (all_zero(a, 15) && a[15] == 1) return AddressClass::loopback;
    // An IPv4 address inside an IPv6 one reaches that IPv4 host: judge it as IPv4.
    if (std::memcmp(a, k_mapped_prefix, 12) == 0 || std::memcmp(a, k_nat64_prefix, 12) == 0 || all_zero(a, 12))
        return classify4(read4(a + 12));  // ::ffff:a.b.c.d, 64:ff9b::a.b.c.d, ::a.b.c.d (deprecated)
    if (a[0] == 0x20 && a[1] == 0x02) return classify4(read4(a + 2));  // 6to4: 2002:AABB:CCDD::/48
    if (a[0] == 0xff) return AddressClass::multicast;                  // ff00::/8
    if ((a[0] & 0xfe) == 0xfc) return AddressClass::private_net;       // fc00::/7, RFC 4193 unique local
    if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) return AddressClass::link_local;  // fe80::/10
    if (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0) return AddressClass::reserved;    // fec0::/10, old site-local
    if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0d && a[3] == 0xb8) return AddressClass::reserved;  // 2001:db8::/32 documentation
    if ((a[0] & 0xe0) != 0x20) return AddressClass::reserved;  // outside 2000::/3, the global unicast space
    return AddressClass::global;
}

}  // namespace

std::string_view address_class_name(AddressClass kind) {
    switch (kind) {
        case AddressClass::global: return "global";
        case AddressClass::loopback: return "loopback";
        case AddressClass::private_net: return "private";
        case AddressClass::link_local: return "link-local";
        case AddressClass::multicast: return "multicast";
        case AddressClass::unspecified: return "unspecified";
        case AddressClass::reserved: return "reserved";
    }
    return "reserved";
}

AddressClass classify_address(const sockaddr* address) {
    if (!address) return AddressClass::reserved;
    if (address->sa_family == AF_INET) {
        sockaddr_in in{};
        std::memcpy(&in, address, sizeof in);
        return classify4(ntohl(in.sin_addr.s_addr));
    }
    if (address->sa_family == AF_INET6) {
        sockaddr_in6 in6{};
        std::memcpy(&in6, address, sizeof in6);
        return classify6(in6.sin6_addr.s6_addr);
    }
    return AddressClass::reserved;
}

std::optional<AddressClass> classify_address(std::string_view text) {
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
    if (auto zone = text.find('%'); zone != std::string_view::npos) text = text.substr(0, zone);  // fe80::1%eth0
    const std::string copy(text);
    in_addr v4{};
    if (inet_pton(AF_INET, copy.c_str(), &v4) == 1) return classify4(ntohl(v4.s_addr));
    in6_addr v6{};
    if (inet_pton(AF_INET6, copy.c_str(), &v6) == 1) return classify6(v6.s6_addr);
    return std::nullopt;
}

}  // namespace winnow::fetch
