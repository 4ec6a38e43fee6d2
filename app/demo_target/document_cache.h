#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <unordered_map>

#include "resident_block.h"

namespace lh::demo {

// The segmentation service's `doc_cache`, after its fix: the most recently
// used documents up to a limit (LRU). Each entry holds `entry_bytes` of
// resident memory, so filling the cache moves the process's real RSS.
class DocumentCache {
 public:
  DocumentCache(std::size_t limit, std::size_t entry_bytes) : limit_(limit), entry_bytes_(entry_bytes) {}

  // Stores (or refreshes) the document `key`; evicts the least recently
  // used one when full. Does nothing when the limit is 0 (cache off).
  void put(std::uint64_t key);
  bool contains(std::uint64_t key) const { return index_.contains(key); }
  std::size_t size() const { return index_.size(); }

 private:
  struct Entry {
    std::uint64_t key;
    ResidentBlock payload;
  };

  std::size_t limit_;
  std::size_t entry_bytes_;
  std::list<Entry> lru_;  // front = most recently used
  std::unordered_map<std::uint64_t, std::list<Entry>::iterator> index_;
};

}  // namespace lh::demo
