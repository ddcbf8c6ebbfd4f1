#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "winnow/util/arena.hpp"
#include "winnow/util/ordered_pool.hpp"

using winnow::Arena;
using winnow::OrderedPool;

TEST_CASE("ordered pool: results come in submission order whatever order the work finishes in", "[util][pool]") {
    for (unsigned jobs : {1u, 2u, 4u, 8u}) {
        std::vector<int> delivered;
        std::mt19937 random(jobs);
        OrderedPool<int, int> pool(
            jobs,
            [](int& item) {
                // Later items often finish first.
                std::this_thread::sleep_for(std::chrono::microseconds((item * 7919) % 500));
                return item * 2;
            },
            [&](int&& result) { delivered.push_back(result); });
        for (int i = 0; i < 300; ++i) pool.submit(i);
        pool.finish();
        REQUIRE(delivered.size() == 300);
        for (int i = 0; i < 300; ++i) CHECK(delivered[i] == 2 * i);
    }
}

TEST_CASE("ordered pool: no more than the window is in the pool at once", "[util][pool]") {
    std::atomic<int> in_pool{0};
    std::atomic<int> most_seen{0};
    OrderedPool<int, int> pool(
        3,
        [&](int& item) {
            const int now = ++in_pool;
            for (int seen = most_seen; now > seen && !most_seen.compare_exchange_weak(seen, now);) {}
            std::this_thread::sleep_for(std::chrono::microseconds(200));
            return item;
        },
        [&](int&&) { --in_pool; }, 5);
    for (int i = 0; i < 100; ++i) pool.submit(i);
    pool.finish();
    // Items are counted from the start of their work to their delivery: at most the window.
    CHECK(most_seen.load() <= 5);
    CHECK(in_pool.load() == 0);
}

TEST_CASE("ordered pool: a full window never stalls while another thread delivers", "[util][pool]") {
    // `winnow run` delivers from its timer thread too. When the timer was delivering and the
    // caller found the window full, the caller waited holding the pool's lock while the timer
    // needed it to go on: both stopped for good. A watchdog ends the test instead of hanging.
    std::atomic<bool> finished{false};
    std::thread watchdog([&] {
        for (int i = 0; i < 600 && !finished; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (!finished) {
            std::fputs("ordered pool: stalled (deadlock between submit and deliver_ready)\n", stderr);
            std::_Exit(1);
        }
    });
    std::vector<int> delivered;
    OrderedPool<int, int> pool(
        2, [](int& item) { return item; },
        [&](int&& result) {
            delivered.push_back(result);
            std::this_thread::yield();
        },
        2);
    std::atomic<bool> submitting{true};
    std::thread timer([&] {
        while (submitting) pool.deliver_ready();
    });
    for (int i = 0; i < 20000; ++i) pool.submit(i);
    submitting = false;
    timer.join();
    pool.finish();
    finished = true;
    watchdog.join();
    REQUIRE(delivered.size() == 20000);
    for (int i = 0; i < 20000; ++i)
        if (delivered[i] != i) FAIL("out of order at " << i);
}

TEST_CASE("ordered pool: an exception from the work reaches the caller in order, the pool goes on", "[util][pool]") {
    std::vector<int> delivered;
    OrderedPool<int, int> pool(
        2,
        [](int& item) {
            if (item == 5) throw std::runtime_error("five");
            return item;
        },
        [&](int&& result) { delivered.push_back(result); });
    bool thrown = false;
    try {
        for (int i = 0; i < 10; ++i) pool.submit(i);
        pool.finish();
    } catch (const std::runtime_error& e) {
        thrown = std::string(e.what()) == "five";
    }
    CHECK(thrown);
    pool.finish();
    // Everything before the failing item was delivered first, in order.
    REQUIRE(delivered.size() >= 5);
    for (int i = 0; i < 5; ++i) CHECK(delivered[i] == i);
}

TEST_CASE("arena: aligned memory, large requests, release keeps the first block", "[util][arena]") {
    Arena arena(4096);
    std::vector<char*> blocks;
    for (std::size_t size : {1, 3, 16, 17, 100, 5000, 1, 100000, 7}) {
        auto* p = static_cast<char*>(arena.allocate(size));
        CHECK(reinterpret_cast<std::uintptr_t>(p) % alignof(std::max_align_t) == 0);
        std::fill(p, p + size, 'x');  // the memory is usable
        blocks.push_back(p);
    }
    CHECK(arena.bytes_held() >= 100000 + 5000);
    arena.release();
    CHECK(arena.bytes_held() == 4096);
    CHECK(arena.allocate(10) != nullptr);
}
