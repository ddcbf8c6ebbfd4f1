#include <malloc.h>

#include "winnow/cli/cli.hpp"

// Buffers from this size up (a page's bytes, its text, the copy Gumbo parses) are mapped for
// themselves and unmapped when freed. glibc's default raises that threshold after the first
// large free, so each cleaning thread's heap then keeps the largest page it has seen: a batch
// on two threads peaked at 69 MB instead of 51 MB over the corpora (scripts/bench).
constexpr int k_mmap_threshold_bytes = 256 * 1024;

int main(int argc, char** argv) {
    mallopt(M_MMAP_THRESHOLD, k_mmap_threshold_bytes);
    return winnow::cli::run(argc, argv);
}
