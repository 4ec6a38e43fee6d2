#include "sys/tcp_listeners.h"

#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace lh::sys {
namespace {

constexpr std::string_view kListenState = "0A";  // TCP_LISTEN in include/net/tcp_states.h

// Splits at runs of spaces.
std::vector<std::string_view> words(std::string_view line) {
  std::vector<std::string_view> out;
  while (!line.empty()) {
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (line.empty()) break;
    const auto end = std::min(line.find(' '), line.size());
    out.push_back(line.substr(0, end));
    line.remove_prefix(end);
  }
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  return text.str();
}

// "socket:[12345]" -> 12345
std::optional<std::uint64_t> socket_inode(std::string_view link) {
  if (!link.starts_with("socket:[") || !link.ends_with("]")) return std::nullopt;
  link = link.substr(8, link.size() - 9);
  std::uint64_t inode = 0;
  auto [end, ec] = std::from_chars(link.data(), link.data() + link.size(), inode);
  if (ec != std::errc{} || end != link.data() + link.size()) return std::nullopt;
  return inode;
}

// The first descriptor of `pid` that is one of `inodes`.
std::optional<SocketHolder> find_in_fds(pid_t pid, std::span<const std::uint64_t> inodes) {
  const std::string fd_dir = "/proc/" + std::to_string(pid) + "/fd";
  DIR* dir = opendir(fd_dir.c_str());
  if (dir == nullptr) return std::nullopt;
  std::optional<SocketHolder> found;
  char target[64];
  while (!found) {
    const dirent* entry = readdir(dir);
    if (entry == nullptr) break;
    if (entry->d_name[0] == '.') continue;
    const std::string link = fd_dir + "/" + entry->d_name;
    const ssize_t n = readlink(link.c_str(), target, sizeof target - 1);
    if (n <= 0) continue;
    const auto inode = socket_inode(std::string_view(target, static_cast<std::size_t>(n)));
    if (inode && std::find(inodes.begin(), inodes.end(), *inode) != inodes.end()) {
      found = SocketHolder{pid, std::atoi(entry->d_name), *inode};
    }
  }
  closedir(dir);
  return found;
}

}  // namespace

std::vector<std::uint64_t> parse_listening_inodes(std::string_view table, int port) {
  std::vector<std::uint64_t> inodes;
  while (!table.empty()) {
    const auto nl = std::min(table.find('\n'), table.size());
    const auto fields = words(table.substr(0, nl));
    table.remove_prefix(std::min(nl + 1, table.size()));
    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
    if (fields.size() < 10 || fields[3] != kListenState) continue;
    const auto colon = fields[1].rfind(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view port_hex = fields[1].substr(colon + 1);
    int local_port = -1;
    auto [pend, pec] = std::from_chars(port_hex.data(), port_hex.data() + port_hex.size(), local_port, 16);
    if (pec != std::errc{} || pend != port_hex.data() + port_hex.size() || local_port != port) continue;
    std::uint64_t inode = 0;
    auto [iend, iec] = std::from_chars(fields[9].data(), fields[9].data() + fields[9].size(), inode);
    // Inode 0: a socket being torn down, owned by nobody.
    if (iec == std::errc{} && inode != 0) inodes.push_back(inode);
  }
  return inodes;
}

std::vector<std::uint64_t> listening_inodes(int port) {
  auto inodes = parse_listening_inodes(read_file("/proc/net/tcp"), port);
  const auto v6 = parse_listening_inodes(read_file("/proc/net/tcp6"), port);
  inodes.insert(inodes.end(), v6.begin(), v6.end());
  return inodes;
}

std::vector<SocketHolder> socket_holders(std::span<const std::uint64_t> inodes) {
  std::vector<SocketHolder> holders;
  if (inodes.empty()) return holders;
  DIR* proc = opendir("/proc");
  if (proc == nullptr) return holders;
  while (const dirent* entry = readdir(proc)) {
    pid_t pid = 0;
    const std::string_view name(entry->d_name);
    auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), pid);
    if (ec != std::errc{} || end != name.data() + name.size()) continue;
    if (auto holder = find_in_fds(pid, inodes)) holders.push_back(*holder);
  }
  closedir(proc);
  std::sort(holders.begin(), holders.end(), [](const SocketHolder& a, const SocketHolder& b) { return a.pid < b.pid; });
  return holders;
}

bool holds_socket(pid_t pid, int fd, std::uint64_t inode) {
  const std::string link = "/proc/" + std::to_string(pid) + "/fd/" + std::to_string(fd);
  char target[64];
  const ssize_t n = readlink(link.c_str(), target, sizeof target - 1);
  return n > 0 && socket_inode(std::string_view(target, static_cast<std::size_t>(n))) == inode;
}

}  // namespace lh::sys
