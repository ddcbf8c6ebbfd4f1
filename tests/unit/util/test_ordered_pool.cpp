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

TEST_CASE("ordered pool: a full window waits for a delivery another thread is making", "[util][pool]") {
    // winnow run's timer thread delivers results (deliver_ready) while the fetcher submits. When
    // the window was full and the oldest result was done but being delivered by the timer, submit
    // spun holding the pool's mutex, which the timer needed to finish: a deadlock.
    std::atomic<bool> done{false};
    std::atomic<int> delivered{0};
    std::thread::id submitter = std::this_thread::get_id();
    OrderedPool<int, int> pool(
        2, [](int& item) { return item; },
        [&](int&&) {
            ++delivered;
            // Deliveries made by the other thread are slow, so the window fills meanwhile.
            if (std::this_thread::get_id() != submitter) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        },
        4);
    std::thread timer([&] {
        while (!done.load()) pool.deliver_ready();
    });
    std::thread watchdog([&] {
        for (int i = 0; i < 600 && !done.load(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (!done.load()) {
            std::fprintf(stderr, "ordered pool: deadlocked after %d deliveries\n", delivered.load());
            std::_Exit(1);  // the threads cannot be joined
        }
    });
    for (int i = 0; i < 300; ++i) pool.submit(i);
    pool.finish();
    done = true;
    timer.join();
    watchdog.join();
    CHECK(delivered.load() == 300);
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
