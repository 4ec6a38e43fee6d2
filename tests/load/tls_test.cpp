// TLS: certificates are verified unless the plan says otherwise.
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>

#include "run_plan.h"
#include "loopback_server.h"

using lh::load::FailureCause;
using lh::load::RunState;
using lh::test::plan_for;
using lh::test::run_plan;
using lh::test::LoopbackServer;

namespace {

// A self-signed certificate for 127.0.0.1, valid for an hour, written as
// PEM files in a folder removed at the end of the test.
struct SelfSigned {
  std::filesystem::path folder = std::filesystem::temp_directory_path() / ("lh_tls_" + std::to_string(getpid()));
  std::string cert = (folder / "cert.pem").string();
  std::string key = (folder / "key.pem").string();

  SelfSigned() {
    std::filesystem::create_directories(folder);
    EVP_PKEY* pkey = EVP_EC_gen("P-256");
    X509* x = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
    X509_gmtime_adj(X509_getm_notBefore(x), 0);
    X509_gmtime_adj(X509_getm_notAfter(x), 3600);
    X509_set_pubkey(x, pkey);
    X509_NAME* name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
    X509_set_issuer_name(x, name);
    X509_sign(x, pkey, EVP_sha256());
    FILE* f = std::fopen(cert.c_str(), "w");
    PEM_write_X509(f, x);
    std::fclose(f);
    f = std::fopen(key.c_str(), "w");
    PEM_write_PrivateKey(f, pkey, nullptr, nullptr, 0, nullptr, nullptr);
    std::fclose(f);
    X509_free(x);
    EVP_PKEY_free(pkey);
  }
  ~SelfSigned() { std::filesystem::remove_all(folder); }
};

}  // namespace

TEST_CASE("TLS certificates are verified unless insecure is asked for") {
  SelfSigned certificate;
  LoopbackServer server([](httplib::Server& s) { s.Get("/", [](const auto&, auto& res) { res.set_content("{}", "application/json"); }); },
                    certificate.cert, certificate.key);
  auto plan = plan_for(server.url("/"), 20, 2);

  SECTION("a self-signed certificate is refused, as a connect failure") {
    const auto s = run_plan(plan, std::chrono::seconds(20));
    CHECK(s.state == RunState::unreachable);
    CHECK(s.totals.failures[static_cast<std::size_t>(FailureCause::connect)] >= 1);
    CHECK(s.totals.status[200] == 0);
    CHECK(s.first_error.find("certificate") != std::string::npos);
  }
  SECTION("with insecure, the same server is load-tested") {
    plan.insecure = true;
    const auto s = run_plan(plan, std::chrono::seconds(20));
    CHECK(s.state == RunState::finished);
    CHECK(s.totals.status[200] == 20);
    CHECK(s.totals.failed() == 0);
    CHECK(s.totals.connections_opened <= 10);  // kept alive (httplib closes one after 5 requests)
  }
}
