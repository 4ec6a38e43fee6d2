#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lh::probe {

// A URL of a Prometheus server's HTTP API: `server` (its URL as given,
// perhaps behind a path prefix: "http://host/prometheus") joined with
// "/api/v1/<endpoint>" and the parameters, percent-encoded:
//   prom_api_url("http://h:9090", "query", {{"query", "up{job=\"x\"}"}})
//     → "http://h:9090/api/v1/query?query=up%7Bjob%3D%22x%22%7D"
std::string prom_api_url(std::string_view server, std::string_view endpoint,
                         const std::vector<std::pair<std::string, std::string>>& parameters);

// RFC 3986: everything but unreserved characters as %XX.
std::string percent_encoded(std::string_view text);

}  // namespace lh::probe
