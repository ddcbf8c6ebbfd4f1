// dom: where Gumbo's allocations for a page come from (GumboOptions' allocator and deallocator
// hooks). Blocks are carved from an arena and all released in one step after the page; a block
// Gumbo frees (it frees every buffer it outgrows, most of what it allocates) goes on a free list
// of its size and serves the next request of that size. That keeps a page's memory near what
// malloc would use, at a fraction of malloc's and free's cost.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "winnow/util/arena.hpp"

namespace winnow::dom {

class GumboHeap {
public:
    GumboHeap() : m_arena(1024 * 1024) {}

    void* allocate(std::size_t size);
    void deallocate(void* block);
    // Frees every block at once (the first arena block is kept for the next page).
    void release();
    std::size_t bytes_held() const { return m_arena.bytes_held(); }

    // The hooks for GumboOptions, with the heap as userdata.
    static void* allocate_hook(void* heap, std::size_t size) { return static_cast<GumboHeap*>(heap)->allocate(size); }
    static void deallocate_hook(void* heap, void* block) { static_cast<GumboHeap*>(heap)->deallocate(block); }

private:
    // Requests up to k_small_limit bytes have a class per 8 bytes; larger ones four classes per
    // power of two (at most a quarter is wasted to rounding).
    static constexpr std::size_t k_small_limit = 256;
    static constexpr std::size_t k_classes = k_small_limit / 8 + 4 * 65;
    Arena m_arena;
    std::array<void*, k_classes> m_free{};  // per class, the last freed block (each holds the next)
};

}  // namespace winnow::dom
