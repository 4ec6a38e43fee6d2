// ${ENV:NAME} references: their syntax, expansion, the $${ escape, masking.
#include <catch2/catch.hpp>
#include <map>

#include "scenario/references.h"
#include "fake_env.h"

using namespace lh::scenario;
using lh::test::fake_env;

TEST_CASE("well-formed references, and what is wrong with the others") {
  CHECK_FALSE(reference_problem("Bearer ${ENV:API_TOKEN}"));
  CHECK_FALSE(reference_problem("${ENV:a}${ENV:_b9}"));
  CHECK_FALSE(reference_problem("costs $5, $$ and $${literal}"));
  CHECK_FALSE(reference_problem("no references at all"));
  for (const char* bad : {"${TOKEN}", "${ENV:}", "${ENV:9LIVES}", "${ENV:A-B}", "${ENV:OPEN", "x ${env:lower}"}) {
    INFO(bad);
    const auto problem = reference_problem(bad);
    REQUIRE(problem);
    CHECK(problem->starts_with("expected ${ENV:NAME} with NAME made of letters, digits and _, got \"${"));
  }
  CHECK(*reference_problem("a ${ENV:OPEN") == R"(expected ${ENV:NAME} with NAME made of letters, digits and _, got "${ENV:OPEN" (write $${ for a literal ${))");
}

TEST_CASE("expansion replaces references, keeps other text, and names what is missing") {
  const auto env = fake_env({{"TOKEN", "s3cr3t"}, {"EMPTY", ""}});
  auto e = expand_references("Bearer ${ENV:TOKEN}!", env);
  CHECK(e.text == "Bearer s3cr3t!");
  CHECK(e.missing.empty());
  e = expand_references("${ENV:EMPTY}|${ENV:NOPE}|${ENV:NOPE}|${ENV:ALSO_NOPE}", env);
  CHECK(e.text == "|||");
  CHECK(e.missing == std::vector<std::string>{"NOPE", "ALSO_NOPE"});
  CHECK(expand_references("$${ENV:TOKEN} costs $5", env).text == "${ENV:TOKEN} costs $5");
  CHECK(referenced_names("${ENV:B} ${ENV:A} ${ENV:B} $${ENV:C}") == std::vector<std::string>{"B", "A"});
  CHECK(has_references("x${ENV:A}"));
  CHECK_FALSE(has_references("$${ENV:A}"));
}

TEST_CASE("escaping a literal makes a scenario string that means exactly it") {
  const auto env = fake_env({});
  for (std::string literal : {"plain", "${ENV:X}", "$${", "a${b}c$", "$", "${"}) {
    INFO(literal);
    const std::string written = escape_literal(literal);
    CHECK_FALSE(reference_problem(written));
    CHECK(expand_references(written, env).text == literal);
  }
}

TEST_CASE("masking keeps references and blanks, hides literal text") {
  CHECK(mask_literals("hunter2", "•••") == "•••");
  CHECK(mask_literals("${ENV:USER}:hunter2", "•••") == "${ENV:USER}•••");
  CHECK(mask_literals("${ENV:A} ${ENV:B}", "•••") == "${ENV:A} ${ENV:B}");
  CHECK(mask_literals("a$${b", "•••") == "•••");
  CHECK(mask_literals("${broken", "•••") == "•••");
  CHECK(mask_literals("", "•••").empty());
}

TEST_CASE("the process environment is the default lookup") {
  const auto env = process_environment();
  CHECK(env("PATH").has_value());
  CHECK_FALSE(env("LH_TEST_SURELY_UNSET_VARIABLE").has_value());
}
