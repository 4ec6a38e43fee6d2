#include "resident_block.h"

#include <sys/mman.h>

#include <cstring>
#include <new>
#include <utility>

namespace lh::demo {

ResidentBlock::ResidentBlock(std::size_t bytes) : bytes_(bytes) {
  if (bytes_ == 0) return;
  data_ = mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (data_ == MAP_FAILED) {
    data_ = nullptr;
    throw std::bad_alloc();
  }
  std::memset(data_, 0x5a, bytes_);  // touch every page: resident, not just reserved
}

ResidentBlock::~ResidentBlock() { release(); }

ResidentBlock::ResidentBlock(ResidentBlock&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), bytes_(std::exchange(other.bytes_, 0)) {}

ResidentBlock& ResidentBlock::operator=(ResidentBlock&& other) noexcept {
  if (this != &other) {
    release();
    data_ = std::exchange(other.data_, nullptr);
    bytes_ = std::exchange(other.bytes_, 0);
  }
  return *this;
}

void ResidentBlock::release() {
  if (data_ != nullptr) munmap(data_, bytes_);
  data_ = nullptr;
}

}  // namespace lh::demo
