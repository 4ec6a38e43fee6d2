#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace lh::probe::detail {

// One column of a series store: doubles addressed by the row index of their
// group, written by one thread and read by any number of others without a
// lock. Values live in fixed chunks that never move, so a reader can copy
// while the writer appends. Unbounded, the chunk directory grows (old
// directories are kept until the column dies, so a reader holding one stays
// safe; they add up to less than the current one). Bounded, the directory
// is a fixed ring and the oldest chunk is reused: the group's `begin` row
// tells readers which rows they may have copied after they were overwritten
// (see SeriesStore::copy_rows). Values are relaxed atomics so that such a
// racing copy is merely stale, never undefined behaviour; on x86-64 they
// compile to plain loads and stores.
class Column {
 public:
  static constexpr std::size_t kChunkRows = 1024;  // 8 KiB: a short series costs little

  // `ring_chunks` 0: grows without bound. `allocated` counts bytes for the store.
  Column(std::size_t ring_chunks, std::atomic<std::size_t>& allocated);
  Column(const Column&) = delete;
  Column& operator=(const Column&) = delete;
  ~Column();

  // Writer only, rows in increasing order. A gap (NaN) where the column has
  // no chunk yet costs nothing: readers read NaN there anyway. So a series
  // that stopped answering (a label gone, a pod replaced) stops costing.
  void write(std::uint64_t row, double value);

  // Any thread; NaN where this column holds nothing for `row`. In a ring the
  // caller must check afterwards that `row` was not overwritten meanwhile.
  double read(std::uint64_t row) const;

 private:
  struct Chunk {
    Chunk();  // every value a gap (NaN) until written
    std::atomic<double> values[kChunkRows];
  };
  struct Directory {
    explicit Directory(std::size_t n) : size(n), slots(std::make_unique<std::atomic<Chunk*>[]>(n)) {}
    std::size_t size;
    std::unique_ptr<std::atomic<Chunk*>[]> slots;
  };

  std::size_t slot_of(std::uint64_t chunk_index) const;
  Directory& directory_for(std::uint64_t chunk_index);

  const std::size_t ring_chunks_;
  std::atomic<std::size_t>& allocated_;
  std::atomic<Directory*> directory_{nullptr};
  // Writer-side ownership; readers only ever follow the atomics above.
  std::vector<std::unique_ptr<Directory>> directories_;
  std::vector<std::unique_ptr<Chunk>> chunks_;
};

}  // namespace lh::probe::detail
