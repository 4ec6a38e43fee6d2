// lh::read_http_url: the one place URLs people give LeakHound are read.
#include <catch2/catch.hpp>

#include "common/http_url.h"

using lh::read_http_url;

namespace {

std::string problem(const char* text) { return read_http_url(text, "http://127.0.0.1:8000/path").problem; }

}  // namespace

TEST_CASE("an http or https URL reads into its parts") {
  const auto url = read_http_url("http://user:pw@127.0.0.1:8080/a/b?x=1#frag").url;
  REQUIRE(url);
  CHECK(url->scheme == "http");
  CHECK(url->user == "user");
  CHECK(url->password == "pw");
  CHECK(url->host == "127.0.0.1");
  CHECK(url->port == "8080");
  CHECK(url->port_number == 8080);
  CHECK(url->target() == "/a/b?x=1");
  CHECK(url->authority() == "127.0.0.1:8080");
  CHECK(url->origin() == "http://user:pw@127.0.0.1:8080");
  const auto plain = read_http_url("HTTPS://Example.org").url;
  REQUIRE(plain);
  CHECK(plain->scheme == "https");
  CHECK(plain->port_number == 443);
  CHECK(plain->target() == "/");
  CHECK(plain->authority() == "Example.org");
  CHECK(read_http_url("http://[::1]:9/").url->host == "[::1]");
}

TEST_CASE("forms libcurl reads another way than people mean are refused, each in its own words") {
  // libcurl reads one or three slashes as two, and what follows as the host.
  CHECK(problem("http:///ok") == "expected a host after http://, got \"http:///ok\"");
  CHECK(problem("http:/ok") == "expected a host after http://, got \"http:/ok\"");
  CHECK(problem("https://") == "expected a host after https://, got \"https://\"");
  CHECK(problem("http:\\\\h/") == "expected a host after http://, got \"http:\\\\\\\\h/\"");
  CHECK(problem("http://h:0/") == "expected a port from 1 to 65535, got \"http://h:0/\"");
  CHECK(problem("http://h:65536/") == "expected a URL such as http://127.0.0.1:8000/path, got \"http://h:65536/\"");
  CHECK(problem("http://h/a b") == "expected a URL such as http://127.0.0.1:8000/path, got \"http://h/a b\"");
  CHECK(problem("http://h/\r\nHost: x") == "expected a URL such as http://127.0.0.1:8000/path, got \"http://h/\\r\\nHost: x\"");
  CHECK(problem("ftp://h/") == "expected an http:// or https:// URL such as http://127.0.0.1:8000/path, got \"ftp://h/\"");
  CHECK(problem("file:///etc/passwd").starts_with("expected an http:// or https:// URL"));
  CHECK(problem("127.0.0.1:8000/x").starts_with("expected an http:// or https:// URL"));
  CHECK(problem("") == "expected an http:// or https:// URL such as http://127.0.0.1:8000/path, got nothing");
}
