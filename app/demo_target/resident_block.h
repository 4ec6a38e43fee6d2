#pragma once

#include <cstddef>

namespace lh::demo {

// Memory the demo service holds on purpose (a leaked object, a cached
// document, a language model), mapped straight from the kernel and written
// to, so it is resident. Not from malloc: glibc keeps freed blocks in
// per-thread arenas, and a service whose cache evicts on one thread and
// allocates on another would see its RSS creep although it holds no more.
// Here releasing a block returns its pages at once, so the RSS the service
// reports follows exactly what it holds.
class ResidentBlock {
 public:
  explicit ResidentBlock(std::size_t bytes);
  ~ResidentBlock();
  ResidentBlock(ResidentBlock&& other) noexcept;
  ResidentBlock& operator=(ResidentBlock&& other) noexcept;
  ResidentBlock(const ResidentBlock&) = delete;
  ResidentBlock& operator=(const ResidentBlock&) = delete;

  std::size_t size() const { return bytes_; }

 private:
  void release();

  void* data_ = nullptr;
  std::size_t bytes_ = 0;
};

}  // namespace lh::demo
