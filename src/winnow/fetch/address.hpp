// fetch: which network addresses a URL found in somebody else's content (a feed, a sitemap, a
// redirect) may reach. A feed that lists http://169.254.169.254/ (cloud metadata) or
// http://10.0.0.5/admin must not make winnow a tool for reaching the inside of its own
// network (server-side request forgery), so only global unicast addresses are allowed for such
// URLs. The fetcher checks the address it actually connects to (CURLOPT_OPENSOCKETFUNCTION),
// so a name that resolves differently the second time (DNS rebinding) cannot get around it.
#pragma once

#include <optional>
#include <string_view>

struct sockaddr;

namespace winnow::fetch {

enum class AddressClass {
    global,       // a public unicast address: allowed
    loopback,     // 127.0.0.0/8, ::1
    private_net,  // RFC 1918 (10/8, 172.16/12, 192.168/16), RFC 4193 (fc00::/7), 100.64/10 (carrier-grade NAT)
    link_local,   // 169.254/16 (cloud metadata at 169.254.169.254), fe80::/10
    multicast,    // 224/4, ff00::/8, and the broadcast address 255.255.255.255
    unspecified,  // 0.0.0.0/8, ::
    reserved,     // other special-purpose blocks (240/4, 198.18/15, 192.0.0/24, documentation, fec0::/10)
};

// "loopback", "private", "link-local", ... for messages.
std::string_view address_class_name(AddressClass kind);

// The class of an IPv4 or IPv6 socket address (IPv4-mapped, IPv4-compatible, NAT64 and 6to4
// IPv6 addresses are judged by the IPv4 address inside). Other families are `reserved`.
AddressClass classify_address(const sockaddr* address);

// The class of a numeric address ("10.0.0.1", "fd00::1", "[::1]"), or nothing when `text` is
// not one (a host name).
std::optional<AddressClass> classify_address(std::string_view text);

}  // namespace winnow::fetch
