// The /proc readers behind pid: and port: sources, on fixture text (real
// lines, and malformed ones) and on this test process itself.
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstring>
#include <memory>

#include "sys/host_cpu.h"
#include "sys/proc_memory.h"
#include "sys/proc_stat.h"
#include "sys/tcp_listeners.h"

using namespace lh::sys;

TEST_CASE("a stat line is read from the last parenthesis on") {
  // A command name with spaces and parentheses, as a process may choose.
  const char* line =
      "4242 (my (odd) server) S 1 4242 4242 0 -1 4194560 1234 0 5 0 377 52 0 0 20 0 17 0 9876543 "
      "123456789 3000 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0\n";
  const auto stat = parse_proc_stat(line);
  REQUIRE(stat);
  CHECK(stat->state == 'S');
  CHECK(stat->utime_ticks == 377);
  CHECK(stat->stime_ticks == 52);
  CHECK(stat->cpu_ticks() == 429);
  CHECK(stat->threads == 17);
  CHECK(stat->start_ticks == 9876543);
}

TEST_CASE("malformed stat lines read as nothing") {
  CHECK_FALSE(parse_proc_stat(""));
  CHECK_FALSE(parse_proc_stat("4242 no parenthesis S 1 2 3"));
  CHECK_FALSE(parse_proc_stat("4242 (short) S 1 2 3"));
  CHECK_FALSE(parse_proc_stat("4242 (x) S 1 4242 4242 0 -1 4194560 1234 0 5 0 abc 52 0 0 20 0 17 0 9876543"));
  CHECK_FALSE(parse_proc_stat("4242 (x) SS 1 4242 4242 0 -1 4194560 1234 0 5 0 1 52 0 0 20 0 17 0 9876543"));
  CHECK_FALSE(parse_proc_stat(") ( S"));
}

TEST_CASE("our own stat shows CPU time that grows while we spin") {
  const auto before = read_proc_stat(getpid());
  REQUIRE(before);
  CHECK(before->state == 'R');
  CHECK(before->threads >= 1);
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
  volatile std::uint64_t spin = 0;
  while (std::chrono::steady_clock::now() < until) spin = spin + 1;
  const auto after = read_proc_stat(getpid());
  REQUIRE(after);
  CHECK(after->cpu_ticks() > before->cpu_ticks());
  CHECK(after->start_ticks == before->start_ticks);
  CHECK_FALSE(read_proc_stat(999999999));
  CHECK(clock_ticks_per_second() > 0);
}

TEST_CASE("host CPU times and the busy share between two readings") {
  const auto a = parse_host_cpu("cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 1 2 3 4\n");
  REQUIRE(a);
  CHECK(a->total == 1000);
  CHECK(a->busy == 150);
  const auto b = parse_host_cpu("cpu  200 0 100 850 50 0 0 0 0 0");
  REQUIRE(b);
  CHECK(busy_percent(*a, *b) == Approx(75.0));
  CHECK_FALSE(busy_percent(*b, *a));
  CHECK_FALSE(busy_percent(*a, *a));

  CHECK_FALSE(parse_host_cpu(""));
  CHECK_FALSE(parse_host_cpu("cpu0 1 2 3 4"));
  CHECK_FALSE(parse_host_cpu("cpu  1 2 x"));
  CHECK(read_host_cpu().has_value());
}

TEST_CASE("our own PSS and descriptors are readable and move") {
  const auto pss = read_pss_kib(getpid());
  REQUIRE(pss);
  CHECK(*pss > 0);
  CHECK_FALSE(read_pss_kib(999999999));

  const auto fds = count_open_fds(getpid());
  REQUIRE(fds);
  int extra[5];
  for (int& fd : extra) fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  CHECK(count_open_fds(getpid()) == *fds + 5);
  for (int fd : extra) close(fd);
  CHECK_FALSE(count_open_fds(999999999));
}

TEST_CASE("listening sockets are found by port in the kernel's tables") {
  const char* table =
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
      "   0: 0100007F:1F42 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 41001 1 0 100 0 0 10 0\n"
      "   1: 0100007F:1F42 0100007F:C350 01 00000000:00000000 00:00000000 00000000  1000        0 41002 1 0 20 4 30 10 -1\n"
      "   2: 00000000:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 41003 1 0 100 0 0 10 0\n"
      "   3: 00000000:1F42 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 0 1 0 100 0 0 10 0\n"
      "   garbage line\n"
      "   4: 0100007F:ZZZZ 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 41004 1\n";
  CHECK(parse_listening_inodes(table, 8002) == std::vector<std::uint64_t>{41001});  // 0x1F42; established and inode 0 skipped
  CHECK(parse_listening_inodes(table, 80) == std::vector<std::uint64_t>{41003});
  CHECK(parse_listening_inodes(table, 9).empty());
  CHECK(parse_listening_inodes("", 8002).empty());

  const char* v6 =
      "  sl  local_address                         remote_address                        st tx_queue rx_queue tr "
      "tm->when retrnsmt   uid  timeout inode\n"
      "   0: 00000000000000000000000001000000:1F42 00000000000000000000000000000000:0000 0A 00000000:00000000 "
      "00:00000000 00000000  1000        0 52001 1 0 100 0 0 10 0\n";
  CHECK(parse_listening_inodes(v6, 8002) == std::vector<std::uint64_t>{52001});
}

TEST_CASE("the process listening on a port is found through its descriptors") {
  const int sock = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  REQUIRE(sock >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  socklen_t len = sizeof addr;
  REQUIRE(getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
  const int port = ntohs(addr.sin_port);
  CHECK(listening_inodes(port).empty());  // bound, not yet listening
  REQUIRE(listen(sock, 4) == 0);

  const auto inodes = listening_inodes(port);
  REQUIRE(inodes.size() == 1);
  const auto holders = socket_holders(inodes);
  REQUIRE(holders.size() == 1);
  CHECK(holders[0].pid == getpid());
  CHECK(holders[0].fd == sock);
  CHECK(holders[0].inode == inodes[0]);
  CHECK(holds_socket(getpid(), sock, inodes[0]));
  CHECK_FALSE(holds_socket(getpid(), sock, inodes[0] + 1));
  close(sock);
  CHECK(listening_inodes(port).empty());
  CHECK_FALSE(holds_socket(getpid(), sock, inodes[0]));
}
