#include "demo_target.h"

#include <httplib.h>

#include <regex>
#include <stdexcept>

namespace lh::test {

DemoTarget::DemoTarget(const std::vector<std::string>& flags) {
  std::vector<std::string> argv{LH_DEMO_TARGET_BIN, "--port", "0"};
  argv.insert(argv.end(), flags.begin(), flags.end());
  process_ = std::make_unique<ChildProcess>(argv);
  const auto line = process_->read_line(milliseconds(10000));
  const std::string prefix = "listening on http://127.0.0.1:";
  const auto at = line ? line->find(prefix) : std::string::npos;
  if (at == std::string::npos) {
    throw std::runtime_error("demo target did not start: " + line.value_or("(no output)") + " " + process_->err());
  }
  port_ = std::stoi(line->substr(at + prefix.size()));
}

std::string DemoTarget::url(std::string_view path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
}

double DemoTarget::served(const std::string& endpoint) const {
  httplib::Client client("127.0.0.1", port_);
  const auto res = client.Get("/metrics");
  if (!res) throw std::runtime_error("the demo target's /metrics did not answer");
  std::smatch m;
  const std::regex line("demo_requests_total\\{endpoint=\"" + endpoint + "\"\\} ([0-9]+)");
  if (!std::regex_search(res->body, m, line))
    throw std::runtime_error("the demo target's /metrics has no demo_requests_total for " + endpoint);
  return std::stod(m[1]);
}

}  // namespace lh::test
