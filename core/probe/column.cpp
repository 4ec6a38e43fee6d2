#include "probe/column.h"

#include <algorithm>
#include <cmath>

namespace lh::probe::detail {

Column::Chunk::Chunk() {
  for (auto& v : values) v.store(std::nan(""), std::memory_order_relaxed);
}

Column::Column(std::size_t ring_chunks, std::atomic<std::size_t>& allocated)
    : ring_chunks_(ring_chunks), allocated_(allocated) {
  directories_.push_back(std::make_unique<Directory>(ring_chunks_ > 0 ? ring_chunks_ : 8));
  directory_.store(directories_.back().get(), std::memory_order_release);
  allocated_ += directories_.back()->size * sizeof(void*);
}

Column::~Column() {
  std::size_t bytes = chunks_.size() * sizeof(Chunk);
  for (const auto& d : directories_) bytes += d->size * sizeof(void*);
  allocated_ -= bytes;
}

std::size_t Column::slot_of(std::uint64_t chunk_index) const {
  return static_cast<std::size_t>(ring_chunks_ > 0 ? chunk_index % ring_chunks_ : chunk_index);
}

Column::Directory& Column::directory_for(std::uint64_t chunk_index) {
  Directory* current = directory_.load(std::memory_order_relaxed);
  if (ring_chunks_ > 0 || chunk_index < current->size) return *current;
  // Grow by doubling; publish the copy before any chunk it alone holds.
  auto grown = std::make_unique<Directory>(std::max<std::size_t>(current->size * 2, chunk_index + 1));
  for (std::size_t i = 0; i < current->size; ++i) {
    grown->slots[i].store(current->slots[i].load(std::memory_order_relaxed), std::memory_order_relaxed);
  }
  allocated_ += grown->size * sizeof(void*);
  directories_.push_back(std::move(grown));
  directory_.store(directories_.back().get(), std::memory_order_release);
  return *directories_.back();
}

void Column::write(std::uint64_t row, double value) {
  const std::uint64_t chunk_index = row / kChunkRows;
  if (std::isnan(value)) {
    // No chunk for this row: it reads as a gap already. (A chunk a ring
    // reuses still holds old values: the gap is written over them.)
    const Directory* current = directory_.load(std::memory_order_relaxed);
    const std::size_t slot = slot_of(chunk_index);
    if (slot >= current->size || current->slots[slot].load(std::memory_order_relaxed) == nullptr) return;
  }
  Directory& dir = directory_for(chunk_index);
  std::atomic<Chunk*>& slot = dir.slots[slot_of(chunk_index)];
  Chunk* chunk = slot.load(std::memory_order_relaxed);
  if (chunk == nullptr) {
    chunks_.push_back(std::make_unique<Chunk>());
    chunk = chunks_.back().get();
    allocated_ += sizeof(Chunk);
    slot.store(chunk, std::memory_order_release);
  }
  chunk->values[row % kChunkRows].store(value, std::memory_order_relaxed);
}

double Column::read(std::uint64_t row) const {
  const std::uint64_t chunk_index = row / kChunkRows;
  const Directory* dir = directory_.load(std::memory_order_acquire);
  const std::size_t slot = slot_of(chunk_index);
  if (slot >= dir->size) return std::nan("");
  const Chunk* chunk = dir->slots[slot].load(std::memory_order_acquire);
  if (chunk == nullptr) return std::nan("");
  return chunk->values[row % kChunkRows].load(std::memory_order_relaxed);
}

}  // namespace lh::probe::detail
