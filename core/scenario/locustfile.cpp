#include "scenario/locustfile.h"

#include <strings.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "common/version.h"
#include "scenario/export_load.h"
#include "scenario/references.h"
#include "scenario/script_literals.h"

namespace lh::scenario {
namespace {

std::string number_or_none(const std::optional<double>& v) { return v ? script_number(*v) : "None"; }

// Locust's @task takes a whole weight and repeats the task in a list that
// many times: the weights as they are when whole and at most kMaxTaskSlots
// together (over their greatest common divisor), else scaled to about
// kMaxTaskSlots in all, each at least 1. `exact` says whether the ratios held.
constexpr double kMaxTaskSlots = 1000;

std::vector<long long> task_weights(const ExportLoad& load, bool* exact) {
  std::vector<long long> out;
  const bool whole = std::all_of(load.requests.begin(), load.requests.end(),
                                 [](const ExportRequest& r) { return r.weight == std::floor(r.weight); });
  if (whole && load.total_weight <= kMaxTaskSlots) {
    long long divisor = 0;
    for (const auto& r : load.requests) divisor = std::gcd(divisor, static_cast<long long>(r.weight));
    for (const auto& r : load.requests) out.push_back(static_cast<long long>(r.weight) / divisor);
    *exact = true;
    return out;
  }
  *exact = true;
  for (const auto& r : load.requests) {
    const double scaled = r.weight / load.total_weight * kMaxTaskSlots;
    out.push_back(std::max(1LL, std::llround(scaled)));
    *exact = *exact && std::fabs(scaled - static_cast<double>(out.back())) < 1e-9;
  }
  return out;
}

// What this file cannot say as LeakHound would do it, one comment line each.
std::vector<std::string> not_expressed(const Scenario& s, const ExportLoad& load) {
  std::vector<std::string> out;
  bool exact = true;
  task_weights(load, &exact);
  if (!exact) out.push_back("the weights are rounded: Locust's @task takes whole numbers (about 1000 in all here).");
  if (load.count) {
    out.push_back("COUNT is checked on the master's totals, which workers report every 3 s: a distributed run "
                  "sends a few seconds of requests more.");
  }
  if (load.rate) {
    out.push_back("the rate is each user's constant_throughput: a user waits for its answer, so a server slower "
                  "than USERS / RATE gets less than RATE, and latency counts from the actual send, not the planned one.");
  }
  if (s.load->http2.value_or(false)) out.push_back("http2: python-requests speaks HTTP/1.1 only.");
  if (s.load->check_length.value_or(false)) out.push_back("check_length: Locust has no length check.");
  for (const auto& q : s.load->requests) {
    for (std::size_t i = 0; i < q.headers.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (strcasecmp(q.headers[i].name.c_str(), q.headers[j].name.c_str()) == 0) {
          out.push_back("a header named twice in one request is sent once (the last value): python-requests takes a dict.");
          return out;
        }
      }
    }
  }
  return out;
}

// The names of every variable the file reads, for its opening comment.
std::vector<std::string> variables(const Scenario& s) {
  std::vector<std::string> names;
  auto add = [&](const std::string& text) {
    for (auto& n : referenced_names(text)) {
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    }
  };
  auto add_json = [&](auto& self, const Json& v) -> void {
    if (v.is_string()) add(v.get<std::string>());
    if (v.is_structured()) for (const auto& item : v) self(self, item);
  };
  add(s.target);
  for (const auto& q : s.load->requests) {
    add(q.path), add(q.url), add(q.body_file), add(q.upload), add(q.content_type);
    for (const auto& h : q.headers) add(h.value);
    if (q.body) add_json(add_json, *q.body);
  }
  return names;
}

std::string headers_dict(const ExportRequest& r, const ExportLoad& load) {
  std::string out = "{";
  auto add = [&](const std::string& name, const std::string& value_expr) {
    out += (out.size() > 1 ? ", " : "") + python_string(name) + ": " + value_expr;
  };
  for (const Header& h : sent_headers(r)) add(h.name, python_text(h.value));
  if (!load.keep_alive) add("Connection", python_string("close"));
  return out + "}";
}

void write_task(std::string& out, std::size_t index, long long weight, const ExportRequest& r, const ExportLoad& load) {
  const Request& q = *r.request;
  const std::string i = std::to_string(index);
  out += "    @task(" + std::to_string(weight) + ")\n";
  out += "    def request_" + i + "(self):\n";
  std::string args = python_string(r.method) + ", " + (q.url.empty() ? python_text(q.path) : python_text(q.url)) +
                     ", name=" + python_string(r.name) + ", headers=" + headers_dict(r, load) + ", timeout=TIMEOUT_S";
  if (q.body) {
    args += ", data=(" + (q.body->is_string() ? python_text(q.body->get<std::string>()) : python_json_text(*q.body)) +
            ").encode(\"utf-8\")";
  } else if (!q.body_file.empty()) {
    args += ", data=_BODY_" + i;
  }
  if (q.upload.empty()) {
    out += "        self.client.request(" + args + ")\n\n";
    return;
  }
  const std::string field = python_string(q.upload_field.empty() ? "file" : q.upload_field);
  const std::string type = r.content_type.empty() ? "None" : python_text(r.content_type);
  out += "        path = next(self._uploads_" + i + ")\n";
  out += "        with open(path, \"rb\") as part:\n";
  out += "            self.client.request(" + args + ", files={" + field + ": (os.path.basename(path), part, " + type + ")})\n\n";
}

}  // namespace

std::string locustfile(const Scenario& s, const std::filesystem::path& base_dir) {
  const ExportLoad load = export_load(s);
  const bool staged_rate = load.rate && !load.stages.empty();
  std::string out;
  out += "# A locustfile written by LeakHound " + std::string(kVersion) + " (leakhound-cli export locust) from the\n";
  out += "# scenario named in SCENARIO below, for Locust 2.12. Change the scenario and export again.\n#\n";
  out += "#   one process:  locust -f locustfile.py --headless\n";
  out += "#   distributed:  locust -f locustfile.py --headless --master --expect-workers N\n";
  out += "#                 locust -f locustfile.py --worker --master-host MASTER    (N times)\n#\n";
  out += "# The users, the rate and the end are ScenarioShape's below, not -u, -r or -t: Locust\n";
  out += "# ignores -u and -r with a shape and refuses -t.\n";
  const auto names = variables(s);
  if (!names.empty()) {
    out += "# Read from the environment when the file runs (never written here):";
    for (const auto& n : names) out += " " + n;
    out += "\n";
  }
  out += "# Files are read under FILES_DIR: set LEAKHOUND_FILES_DIR where they are on another machine.\n";
  const auto missing = not_expressed(s, load);
  if (!missing.empty()) {
    out += "#\n# Not as LeakHound's own engine does it:\n";
    for (const auto& line : missing) out += "# - " + line + "\n";
  }
  out += "\nimport itertools\nimport json\nimport os\nimport time\n\n";
  out += "import locust.runners\nfrom locust import HttpUser, LoadTestShape, constant, constant_throughput, events, task\n\n";
  out += "# Debian 12's python3-locust 2.12.1 has an empty version, and a master refuses a worker whose version\n";
  out += "# is empty as \"an old (pre 2.0) worker\": master and workers run this file, so both say the same one.\n";
  out += "if not locust.runners.__version__:\n    locust.runners.__version__ = \"2.12.1\"\n\n";
  out += "SCENARIO = " + python_string(s.name) + "\n";
  out += "FILES_DIR = os.environ.get(\"LEAKHOUND_FILES_DIR\", " + python_string(base_dir.string()) + ")\n";
  out += "TARGET = (" + (s.target.empty() ? std::string("\"\"") : python_text(s.target)) + ").rstrip(\"/\")\n";
  out += "USERS = " + std::to_string(load.concurrency) + "  # LeakHound's connections\n";
  out += "RATE = " + number_or_none(load.rate) + "  # requests per second, all users together; None: each user sends as soon as answered\n";
  out += "START_TARGET = " + script_number(load.start_target) + "\n";
  out += "STAGES = [";
  for (std::size_t k = 0; k < load.stages.size(); ++k) {
    out += (k ? ", " : "") + std::string("(") + script_number(load.stages[k].first) + ", " + script_number(load.stages[k].second) + ")";
  }
  out += "]  # (seconds, target): from START_TARGET, linearly, to each target: the users, or with RATE the rate\n";
  out += "DURATION_S = " + number_or_none(load.duration_s) + "\n";
  out += "COUNT = " + (load.count ? std::to_string(*load.count) : std::string("None")) + "  # requests in all\n";
  out += "TIMEOUT_S = " + script_number(load.timeout_s) + "\n\n";
  for (std::size_t k = 0; k < load.requests.size(); ++k) {
    const Request& q = *load.requests[k].request;
    if (!q.body_file.empty()) {
      out += "with open(os.path.join(FILES_DIR, " + python_text(q.body_file) + "), \"rb\") as _file:\n";
      out += "    _BODY_" + std::to_string(k) + " = _file.read()\n\n";
    }
  }
  out += R"PY(

def _json_escape(text):
    """A variable's value inside a JSON string of a body, as LeakHound sends it."""
    return json.dumps(text, ensure_ascii=False)[1:-1]


def _files_of(path):
    """A file, or the regular files of a folder in name order: what LeakHound uploads in turn."""
    path = os.path.join(FILES_DIR, path)
    if not os.path.isdir(path):
        return [path]
    return sorted(p for p in (os.path.join(path, n) for n in os.listdir(path)) if os.path.isfile(p))


def _target_at(t):
    """What STAGES aim at t seconds into the run; after the last stage, its target."""
    value, start = START_TARGET, 0.0
    for seconds, target in STAGES:
        if t < start + seconds:
            return value + (target - value) * (t - start) / seconds
        value, start = target, start + seconds
    return value


_started = [time.monotonic()]


@events.test_start.add_listener
def _on_test_start(environment, **_kwargs):
    _started[0] = time.monotonic()


class ScenarioUser(HttpUser):
    host = TARGET
)PY";
  if (staged_rate) {
    out += "\n    def wait_time(self):\n";
    out += "        rate = max(_target_at(time.monotonic() - _started[0]), 0.01)\n";
    out += "        return constant_throughput(rate / USERS)(self)\n";
  } else if (load.rate) {
    out += "    wait_time = constant_throughput(RATE / USERS)\n";
  } else {
    out += "    wait_time = constant(0)\n";
  }
  out += "\n    def on_start(self):\n";
  if (load.insecure) out += "        self.client.verify = False\n";
  for (std::size_t k = 0; k < load.requests.size(); ++k) {
    const Request& q = *load.requests[k].request;
    if (!q.upload.empty()) {
      out += "        self._uploads_" + std::to_string(k) + " = itertools.cycle(_files_of(" + python_text(q.upload) + "))\n";
    }
  }
  out += "        pass\n\n";
  bool exact = true;
  const auto weights = task_weights(load, &exact);
  for (std::size_t k = 0; k < load.requests.size(); ++k) write_task(out, k, weights[k], load.requests[k], load);
  out += R"PY(
class ScenarioShape(LoadTestShape):
    """The users over time, and the end: DURATION_S, COUNT, or the end of STAGES, whichever comes first."""

    def tick(self):
        t = self.get_run_time()
        if DURATION_S is not None and t >= DURATION_S:
            return None
        if COUNT is not None and self.runner.stats.total.num_requests >= COUNT:
            return None
        if DURATION_S is None and COUNT is None and t >= sum(seconds for seconds, _ in STAGES):
            return None
        users = USERS if RATE is not None or not STAGES else max(0, round(_target_at(t)))
        return (users, max(users, 1))
)PY";
  return out;
}

}  // namespace lh::scenario
