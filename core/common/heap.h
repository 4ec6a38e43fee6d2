#pragma once

namespace lh {

// Makes glibc's malloc give every block of 1 MiB or more back to the
// system when it is freed. By default malloc raises its mmap threshold to
// the size of each large block freed, so the megabytes a probe answer and
// its parser take each tick end up in the heap, where freed memory stays
// resident: the process' peak then grows past what it ever holds at once.
// Entry points call this first thing.
void return_large_blocks_to_the_system();

}  // namespace lh
