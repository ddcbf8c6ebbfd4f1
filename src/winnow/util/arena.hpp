// util: a region allocator. Many small allocations are carved one after the other from large
// blocks and released all together in one step (Gumbo's parse of a page makes hundreds of
// thousands of them). Not thread-safe: one arena per thread.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace winnow {

class Arena {
public:
    // `block_bytes`: the size of the first block; later blocks double, up to k_max_block_bytes.
    explicit Arena(std::size_t block_bytes = 256 * 1024);
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;

    // Memory for `size` bytes, aligned for any type; valid until release().
    void* allocate(std::size_t size) {
        size = (size + k_alignment - 1) & ~(k_alignment - 1);
        if (size > m_left) return allocate_in_new_block(size);
        void* at = m_next;
        m_next += size;
        m_left -= size;
        return at;
    }

    // Frees everything allocated. The first block is kept for the next use (so a thread that
    // parses page after page does not ask the system for memory each time); the others go back.
    void release();

    // Bytes held in blocks now (what the arena costs in memory).
    std::size_t bytes_held() const { return m_bytes_held; }

    static constexpr std::size_t k_max_block_bytes = 8 * 1024 * 1024;

private:
    static constexpr std::size_t k_alignment = alignof(std::max_align_t);
    struct Block {
        std::unique_ptr<std::byte[]> bytes;
        std::size_t size = 0;
    };
    std::vector<Block> m_blocks;
    std::byte* m_next = nullptr;
    std::size_t m_left = 0;
    std::size_t m_first_block_bytes;
    std::size_t m_bytes_held = 0;

    void* allocate_in_new_block(std::size_t size);
};

}  // namespace winnow
