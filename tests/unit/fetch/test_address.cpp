// The address check of fetch/address.hpp and the small parsers of numbers and names that come
// from outside (Retry-After, no_proxy). No traffic: addresses are only classified.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>

#include "winnow/fetch/address.hpp"
#include "winnow/fetch/fetcher.hpp"

using winnow::fetch::AddressClass;
using winnow::fetch::classify_address;

namespace {

AddressClass of(const char* text) {
    auto kind = classify_address(std::string_view(text));
    REQUIRE(kind.has_value());
    return *kind;
}

}  // namespace

TEST_CASE("address: loopback, private, link-local, multicast and unspecified addresses are told apart", "[fetch][address]") {
    CHECK(of("127.0.0.1") == AddressClass::loopback);
    CHECK(of("127.255.10.3") == AddressClass::loopback);
    CHECK(of("::1") == AddressClass::loopback);
    CHECK(of("[::1]") == AddressClass::loopback);
    CHECK(of("10.0.0.1") == AddressClass::private_net);
    CHECK(of("10.255.255.255") == AddressClass::private_net);
    CHECK(of("172.16.0.1") == AddressClass::private_net);
    CHECK(of("172.31.255.254") == AddressClass::private_net);
    CHECK(of("192.168.1.1") == AddressClass::private_net);
    CHECK(of("100.64.0.1") == AddressClass::private_net);
    CHECK(of("fd00::1") == AddressClass::private_net);
    CHECK(of("fc12:3456::1") == AddressClass::private_net);
    CHECK(of("169.254.169.254") == AddressClass::link_local);
    CHECK(of("169.254.0.1") == AddressClass::link_local);
    CHECK(of("fe80::1") == AddressClass::link_local);
    CHECK(of("fe80::1%eth0") == AddressClass::link_local);
    CHECK(of("224.0.0.1") == AddressClass::multicast);
    CHECK(of("239.255.255.250") == AddressClass::multicast);
    CHECK(of("255.255.255.255") == AddressClass::multicast);
    CHECK(of("ff02::1") == AddressClass::multicast);
    CHECK(of("0.0.0.0") == AddressClass::unspecified);
    CHECK(of("0.1.2.3") == AddressClass::unspecified);
    CHECK(of("::") == AddressClass::unspecified);
    CHECK(of("240.0.0.1") == AddressClass::reserved);
    CHECK(of("192.0.2.10") == AddressClass::reserved);
    CHECK(of("2001:db8::1") == AddressClass::reserved);
}

TEST_CASE("address: IPv4 inside IPv6 is judged as the IPv4 address it reaches", "[fetch][address]") {
    CHECK(of("::ffff:127.0.0.1") == AddressClass::loopback);
    CHECK(of("::ffff:169.254.169.254") == AddressClass::link_local);
    CHECK(of("::ffff:10.1.2.3") == AddressClass::private_net);
    CHECK(of("64:ff9b::10.0.0.1") == AddressClass::private_net);  // NAT64
    CHECK(of("2002:a00:1::1") == AddressClass::private_net);      // 6to4 of 10.0.0.1
    CHECK(of("::ffff:93.184.216.34") == AddressClass::global);
}

TEST_CASE("address: public addresses are global, the edges of private blocks are not private", "[fetch][address]") {
    CHECK(of("93.184.216.34") == AddressClass::global);
    CHECK(of("8.8.8.8") == AddressClass::global);
    CHECK(of("172.15.255.255") == AddressClass::global);
    CHECK(of("172.32.0.0") == AddressClass::global);
    CHECK(of("192.169.0.1") == AddressClass::global);
    CHECK(of("11.0.0.1") == AddressClass::global);
    CHECK(of("100.128.0.1") == AddressClass::global);
    CHECK(of("169.255.0.1") == AddressClass::global);
    CHECK(of("2606:4700::1111") == AddressClass::global);
    CHECK(of("2a00:1450:4001::200e") == AddressClass::global);
    // Host names are not addresses: the fetcher checks what they resolve to when it connects.
    CHECK_FALSE(classify_address(std::string_view("localhost")).has_value());
    CHECK_FALSE(classify_address(std::string_view("example.org")).has_value());
    CHECK_FALSE(classify_address(std::string_view("10.0.0")).has_value());
}

TEST_CASE("address: socket addresses as libcurl hands them over", "[fetch][address]") {
    sockaddr_in v4{};
    v4.sin_family = AF_INET;
    inet_pton(AF_INET, "169.254.169.254", &v4.sin_addr);
    CHECK(classify_address(reinterpret_cast<const sockaddr*>(&v4)) == AddressClass::link_local);
    inet_pton(AF_INET, "1.1.1.1", &v4.sin_addr);
    CHECK(classify_address(reinterpret_cast<const sockaddr*>(&v4)) == AddressClass::global);
    sockaddr_in6 v6{};
    v6.sin6_family = AF_INET6;
    inet_pton(AF_INET6, "fd00::1", &v6.sin6_addr);
    CHECK(classify_address(reinterpret_cast<const sockaddr*>(&v6)) == AddressClass::private_net);
    CHECK(winnow::fetch::address_class_name(AddressClass::link_local) == "link-local");
}

TEST_CASE("Retry-After: seconds and HTTP dates, saturated instead of overflowing", "[fetch][numbers]") {
    using winnow::fetch::parse_retry_after;
    CHECK(parse_retry_after("120", 120) == 120);
    CHECK(parse_retry_after(" 5 ", 120) == 5);
    CHECK(parse_retry_after("0", 120) == 0);
    CHECK(parse_retry_after("9223372036854775807", 120) == 121);
    CHECK(parse_retry_after("99999999999999999999999999999999", 120) == 121);
    CHECK_FALSE(parse_retry_after("-5", 120).has_value());
    CHECK_FALSE(parse_retry_after("soon", 120).has_value());
    CHECK_FALSE(parse_retry_after("", 120).has_value());
    auto now = std::chrono::system_clock::from_time_t(1'700'000'000);  // Tue, 14 Nov 2023 22:13:20 GMT
    CHECK(parse_retry_after("Tue, 14 Nov 2023 22:14:20 GMT", 120, now) == 60);
    CHECK(parse_retry_after("Tue, 14 Nov 2023 22:00:00 GMT", 120, now) == 0);  // in the past: now
    CHECK(parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", 120, now) == 121);
}

TEST_CASE("no_proxy: names with their subdomains, addresses and *", "[fetch][proxy]") {
    using winnow::fetch::no_proxy_matches;
    CHECK(no_proxy_matches("example.org", "example.org"));
    CHECK(no_proxy_matches("example.org", "www.example.org"));
    CHECK(no_proxy_matches(".example.org", "www.example.org"));
    CHECK(no_proxy_matches("a.test, example.org", "EXAMPLE.ORG"));
    CHECK_FALSE(no_proxy_matches("example.org", "badexample.org"));
    CHECK_FALSE(no_proxy_matches("", "example.org"));
    CHECK(no_proxy_matches("*", "anything.test"));
    CHECK(no_proxy_matches("127.0.0.1,localhost", "127.0.0.1"));
    CHECK(no_proxy_matches("::1", "[::1]"));
}
