#include "document_cache.h"

namespace lh::demo {

void DocumentCache::put(std::uint64_t key) {
  if (limit_ == 0) return;
  if (auto it = index_.find(key); it != index_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second);
    return;
  }
  if (index_.size() >= limit_) {
    index_.erase(lru_.back().key);
    lru_.pop_back();
  }
  lru_.push_front(Entry{key, ResidentBlock(entry_bytes_)});
  index_.emplace(key, lru_.begin());
}

}  // namespace lh::demo
