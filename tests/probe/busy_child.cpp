// lh-test-busy-child: a process for the pid: and port: tests to watch. It
// listens on a loopback port (printing it), and on signals moves its own
// figures: SIGUSR1 allocates and touches 64 MiB, SIGUSR2 spins one core for
// a second. It answers each with a line on stdout, and exits on SIGTERM.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

int main(int argc, char** argv) {
  const int port = argc > 1 ? std::atoi(argv[1]) : 0;
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGUSR1);
  sigaddset(&signals, SIGUSR2);
  sigaddset(&signals, SIGTERM);
  sigprocmask(SIG_BLOCK, &signals, nullptr);

  const int sock = socket(AF_INET, SOCK_STREAM, 0);
  const int yes = 1;
  setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  socklen_t len = sizeof addr;
  if (bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(sock, 4) != 0 ||
      getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    std::fprintf(stderr, "busy child: cannot listen: %s\n", std::strerror(errno));
    return 1;
  }
  std::printf("listening %d\n", ntohs(addr.sin_port));
  std::fflush(stdout);

  std::vector<std::unique_ptr<char[]>> blocks;
  for (;;) {
    int received = 0;
    sigwait(&signals, &received);
    if (received == SIGTERM) return 0;
    if (received == SIGUSR1) {
      constexpr std::size_t kBytes = 64u << 20;
      blocks.push_back(std::make_unique<char[]>(kBytes));
      std::memset(blocks.back().get(), 1, kBytes);
      std::printf("allocated\n");
    } else {
      const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(1);
      volatile unsigned long spin = 0;
      while (std::chrono::steady_clock::now() < until) spin = spin + 1;
      std::printf("spun\n");
    }
    std::fflush(stdout);
  }
}
