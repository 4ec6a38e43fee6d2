#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include <sys/types.h>

namespace lh::sys {

// Finding the process behind a TCP port, as `ss -ltnp` does: the kernel's
// socket tables (/proc/net/tcp and tcp6) give the inode of the socket that
// listens on the port, and the process holding that inode among its open
// files (/proc/PID/fd/N -> "socket:[inode]") is the one serving it.

// Inodes of the sockets listening on `port` in the text of one table.
// Lines that do not parse are skipped: the header, and anything a future
// kernel might add.
std::vector<std::uint64_t> parse_listening_inodes(std::string_view table, int port);

// Both tables of this network namespace (IPv4 and IPv6) for `port`.
std::vector<std::uint64_t> listening_inodes(int port);

struct SocketHolder {
  pid_t pid = 0;
  int fd = -1;
  std::uint64_t inode = 0;
};

// Processes whose open files include one of `inodes` (by pid, one entry
// each, with the first such descriptor). Only processes we may inspect are
// seen: our own, or every one when running as root.
std::vector<SocketHolder> socket_holders(std::span<const std::uint64_t> inodes);

// Whether descriptor `fd` of `pid` is still the socket `inode`: one
// readlink, so the owner of a port can be re-checked every tick for nearly
// nothing (reading the socket tables costs milliseconds on a busy host).
bool holds_socket(pid_t pid, int fd, std::uint64_t inode);

}  // namespace lh::sys
