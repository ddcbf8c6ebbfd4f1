#include "winnow/util/arena.hpp"

#include <algorithm>

namespace winnow {

Arena::Arena(std::size_t block_bytes) : m_first_block_bytes(std::max<std::size_t>(block_bytes, 4096)) {}

void* Arena::allocate_in_new_block(std::size_t size) {
    // Blocks double so a large page needs few of them; a request larger than a block gets its own.
    std::size_t block_size = m_blocks.empty() ? m_first_block_bytes : std::min(m_blocks.back().size * 2, k_max_block_bytes);
    block_size = std::max(block_size, size);
    // new std::byte[] is aligned for any fundamental type (max_align_t).
    Block block{std::unique_ptr<std::byte[]>(new std::byte[block_size]), block_size};
    m_bytes_held += block_size;
    std::byte* at = block.bytes.get();
    m_next = at + size;
    m_left = block_size - size;
    m_blocks.push_back(std::move(block));
    return at;
}

void Arena::release() {
    if (m_blocks.empty()) return;
    // Keep the first block only when it is the usual size (not one large request's block).
    const bool keep_first = m_blocks.front().size == m_first_block_bytes;
    m_blocks.resize(keep_first ? 1 : 0);
    m_bytes_held = keep_first ? m_first_block_bytes : 0;
    m_next = keep_first ? m_blocks.front().bytes.get() : nullptr;
    m_left = keep_first ? m_first_block_bytes : 0;
}

}  // namespace winnow
