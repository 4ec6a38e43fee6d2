#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <unordered_map>

namespace lh::demo {

// The segmentation service's `doc_cache`, after its fix: the most recently
// used documents up to a limit (LRU). Each entry holds `entry_bytes` of
// touched memory, so filling the cache moves the process's real RSS.
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
    std::unique_ptr<char[]> payload;
  };

  std::size_t limit_;
  std::size_t entry_bytes_;
  std::list<Entry> lru_;  // front = most recently used
  std::unordered_map<std::uint64_t, std::list<Entry>::iterator> index_;
};

// Allocates `bytes` and writes every page, so the allocation is resident
// (counted in RSS) rather than merely reserved.
std::unique_ptr<char[]> touched_block(std::size_t bytes);

}  // namespace lh::demo
