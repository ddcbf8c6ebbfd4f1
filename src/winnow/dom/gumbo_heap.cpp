#include "winnow/dom/gumbo_heap.hpp"

#include <bit>
#include <cstring>

namespace winnow::dom {
namespace {

// Each block starts with an 8-byte header that holds its class; Gumbo gets the bytes after it,
// aligned to 8 (Gumbo's structures hold nothing that needs more).
constexpr std::size_t k_header = 8;

}  // namespace

void* GumboHeap::allocate(std::size_t size) {
    std::size_t size_class, class_bytes;
    if (size <= k_small_limit) {
        size_class = size == 0 ? 0 : (size - 1) / 8;
        class_bytes = (size_class + 1) * 8;
    } else {
        // 2^(power-1) < size <= 2^power; the classes of that range are quarters above 2^(power-1).
        const unsigned power = static_cast<unsigned>(std::bit_width(size - 1));
        const std::size_t base = std::size_t{1} << (power - 1), quarter = base / 4;
        const std::size_t quarters = (size - base + quarter - 1) / quarter;  // 1 to 4
        size_class = k_small_limit / 8 + 4 * power + quarters - 1;
        class_bytes = base + quarters * quarter;
    }
    std::byte* block;
    if (void* reused = m_free[size_class]) {
        block = static_cast<std::byte*>(reused) - k_header;
        std::memcpy(&m_free[size_class], reused, sizeof(void*));
    } else {
        block = static_cast<std::byte*>(m_arena.allocate(k_header + class_bytes));
        const std::uint64_t stored = size_class;
        std::memcpy(block, &stored, sizeof stored);
    }
    return block + k_header;
}

void GumboHeap::deallocate(void* pointer) {
    if (!pointer) return;
    std::uint64_t size_class;
    std::memcpy(&size_class, static_cast<std::byte*>(pointer) - k_header, sizeof size_class);
    // The freed block holds the previous head of its class's list.
    std::memcpy(pointer, &m_free[size_class], sizeof(void*));
    m_free[size_class] = pointer;
}

void GumboHeap::release() {
    m_free.fill(nullptr);
    m_arena.release();
}

}  // namespace winnow::dom
