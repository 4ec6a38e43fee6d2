// Where a new session goes: the CLI in the current folder, the desktop
// app under its sessions folder; never over an existing session.
#include <catch2/catch.hpp>

#include "session/session_folder.h"
#include "synthetic_session.h"

using lh::session::new_session_folder;

TEST_CASE("a new session folder is named after the plan and the time, under its parent") {
  lh::test::TempFolder dir("folders");
  const auto first = new_session_folder(dir.path(), "Demo target / v2");
  CHECK(first.parent_path() == dir.path());
  const std::string name = first.filename().string();
  CHECK(name.starts_with("leakhound-Demo-target-v2-"));
  CHECK(name.size() == std::string("leakhound-Demo-target-v2-20260121-221500").size());
  CHECK_FALSE(std::filesystem::exists(first));

  // Taken (a second run in the same second): the next free one.
  std::filesystem::create_directories(first);
  const auto second = new_session_folder(dir.path(), "Demo target / v2");
  CHECK(second != first);
  CHECK_FALSE(std::filesystem::exists(second));
  // Within the same second it gets "-2"; a second later, the new time.
  const std::string second_name = second.filename().string();
  CHECK((second_name == name + "-2" || (second_name.size() == name.size() && second_name > name)));

  // No parent: the current folder, as the CLI writes; no name: none in it.
  CHECK(new_session_folder({}, "").parent_path().empty());
  CHECK(new_session_folder({}, "").filename().string().starts_with("leakhound-2"));
}
