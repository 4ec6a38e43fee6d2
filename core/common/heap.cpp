#include "common/heap.h"

#include <malloc.h>

namespace lh {

void return_large_blocks_to_the_system() {
  // Setting the threshold also turns its dynamic adjustment off.
  constexpr int kThreshold = 1 << 20;
  mallopt(M_MMAP_THRESHOLD, kThreshold);
}

}  // namespace lh
