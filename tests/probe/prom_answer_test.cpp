// The Prometheus HTTP API's answers as read by the prom: source: vectors,
// matrices, scalars, Go-formatted numbers, errors of the API, of a proxy
// and of no one, and answers over the limits.
#include <catch2/catch.hpp>
#include <cmath>

#include "probe/prom_answer.h"
#include "probe/prom_api_url.h"

using namespace lh::probe;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

HttpResponse answered(long status, std::string body) {
  HttpResponse r;
  r.outcome = HttpResponse::Outcome::answered;
  r.status = status;
  r.body = std::move(body);
  return r;
}

}  // namespace

TEST_CASE("a vector answer gives each series its sorted labels and one point") {
  const auto a = read_prom_answer_body(R"({"status":"success","data":{"resultType":"vector","result":[
    {"metric":{"pod":"seg-7f9-a","__name__":"container_memory_working_set_bytes","namespace":"seg"},
     "value":[1712345678.125,"1.5e+09"]},
    {"metric":{"pod":"seg-7f9-b"},"value":[1712345678.125,"2048"]}]}})");
  REQUIRE_FALSE(a.error);
  REQUIRE(a.series.size() == 2);
  const PromLabels want{{"__name__", "container_memory_working_set_bytes"}, {"namespace", "seg"}, {"pod", "seg-7f9-a"}};
  CHECK(a.series[0].labels == want);
  REQUIRE(a.series[0].points.size() == 1);
  CHECK(a.series[0].points[0].t_s == 1712345678.125);
  CHECK(a.series[0].points[0].value == 1.5e9);
  CHECK(a.series[1].points[0].value == 2048);
}

TEST_CASE("a matrix answer keeps every point in order: keys in any order") {
  const auto a = read_prom_answer_body(R"({"data":{"result":[{"values":[[10,"1"],[20,"2"],[30,"3"]],
    "metric":{"job":"x"}}],"resultType":"matrix"},"status":"success"})");
  REQUIRE_FALSE(a.error);
  REQUIRE(a.series.size() == 1);
  REQUIRE(a.series[0].points.size() == 3);
  CHECK(a.series[0].points[2].t_s == 30);
  CHECK(a.series[0].points[2].value == 3);
}

TEST_CASE("values are Go-formatted strings: NaN, ±Inf and exponents read: nonsense is a gap") {
  const auto a = read_prom_answer_body(R"({"status":"success","data":{"resultType":"matrix","result":[
    {"metric":{},"values":[[1,"NaN"],[2,"+Inf"],[3,"-Inf"],[4,"1e-3"],[5,"abc"],[6,"1_0"],[7,"-0"]]}]}})");
  REQUIRE_FALSE(a.error);
  const auto& p = a.series.at(0).points;
  REQUIRE(p.size() == 7);
  CHECK(std::isnan(p[0].value));
  CHECK(p[1].value == INFINITY);
  CHECK(p[2].value == -INFINITY);
  CHECK(p[3].value == 0.001);
  CHECK(std::isnan(p[4].value));
  CHECK(std::isnan(p[5].value));
  CHECK(p[6].value == 0);
}

TEST_CASE("a scalar answer is one series without labels") {
  const auto a = read_prom_answer_body(R"({"status":"success","data":{"resultType":"scalar","result":[5,"42"]}})");
  REQUIRE_FALSE(a.error);
  REQUIRE(a.series.size() == 1);
  CHECK(a.series[0].labels.empty());
  CHECK(a.series[0].points.at(0).value == 42);
}

TEST_CASE("an empty vector is an answer without series, not an error") {
  const auto a = read_prom_answer_body(R"({"status":"success","data":{"resultType":"vector","result":[]}})");
  CHECK_FALSE(a.error);
  CHECK(a.series.empty());
}

TEST_CASE("the API's errors carry the server's message, on one line") {
  const auto a = read_prom_answer(answered(400, R"({"status":"error","errorType":"bad_data",
    "error":"1:10: parse error: unexpected \"}\"\nin label matching"})"));
  REQUIRE(a.error);
  CHECK_THAT(*a.error, StartsWith("HTTP 400 bad_data: \"1:10: parse error: unexpected \\\"}\\\"\\nin label matching\""));
  CHECK(a.error->find('\n') == std::string::npos);

  const auto ok_status = read_prom_answer_body(R"({"status":"error","errorType":"execution","error":"query timed out"})");
  CHECK(ok_status.error == std::string("execution: \"query timed out\""));

  const std::string huge(100000, 'x');
  const auto long_message = read_prom_answer(answered(422, R"({"status":"error","errorType":"execution","error":")" + huge + "\"}"));
  REQUIRE(long_message.error);
  CHECK(long_message.error->size() < 400);
  CHECK_THAT(*long_message.error, Contains("…"));
}

TEST_CASE("a proxy's page, an empty body and other JSON are named as such") {
  const auto html = read_prom_answer(answered(502, "<html><body>Bad Gateway</body></html>\r\n"));
  CHECK(html.error == std::string("HTTP 502: \"<html><body>Bad Gateway</body></html>\\r\\n\""));

  const auto login = read_prom_answer(answered(200, "<!doctype html><title>Sign in</title>"));
  CHECK_THAT(login.error.value_or(""), StartsWith("not the Prometheus API's JSON: \"<!doctype html>"));

  const auto empty = read_prom_answer(answered(503, ""));
  CHECK(empty.error == std::string("HTTP 503: an empty body"));

  const auto other = read_prom_answer_body(R"({"memory": 5})");
  CHECK_THAT(other.error.value_or(""), StartsWith("JSON without the Prometheus API's \"status\""));

  const auto string_result = read_prom_answer_body(R"({"status":"success","data":{"resultType":"string","result":[1,"x"]}})");
  CHECK_THAT(string_result.error.value_or(""), Contains("expected a vector, matrix or scalar"));

  const auto cut = read_prom_answer_body(R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{})");
  CHECK_THAT(cut.error.value_or(""), StartsWith("not the Prometheus API's JSON"));
  CHECK(cut.series.empty());
}

TEST_CASE("answers past the limits are read in part and say so") {
  PromAnswerLimits limits;
  limits.max_series = 2;
  limits.max_points = 2;
  limits.max_label_bytes = 20;
  std::string body = R"({"status":"success","data":{"resultType":"matrix","result":[)";
  body += R"({"metric":{"a":"1"},"values":[[1,"1"],[2,"2"],[3,"3"]]},)";
  body += R"({"metric":{"a":"this label value is far too long"},"values":[[1,"1"]]},)";
  body += R"({"metric":{"a":"2"},"values":[[1,"1"]]},)";
  body += R"({"metric":{"a":"3"},"values":[[1,"1"]]}]}})";
  const auto a = read_prom_answer_body(body, limits);
  REQUIRE_FALSE(a.error);
  REQUIRE(a.series.size() == 2);
  CHECK(a.series[0].points.size() == 2);
  CHECK(a.points_left_out == 1);
  CHECK(a.labels_left_out == 1);
  CHECK(a.series[1].labels == PromLabels{{"a", "2"}});
  CHECK(a.series_left_out == 1);

  std::string deep(100, '[');
  const auto too_deep = read_prom_answer_body(R"({"status":"success","data":{"x":)" + deep);
  CHECK_THAT(too_deep.error.value_or(""), Contains("nested deeper than 16"));
}

TEST_CASE("API URLs join the server's path and percent-encode the query") {
  CHECK(prom_api_url("http://h:9090", "query", {{"query", "up{job=\"x\"}"}}) ==
        "http://h:9090/api/v1/query?query=up%7Bjob%3D%22x%22%7D");
  CHECK(prom_api_url("https://h/prometheus/", "query_range", {{"query", "a b"}, {"step", "15"}}) ==
        "https://h/prometheus/api/v1/query_range?query=a%20b&step=15");
}
