// shared/API.md is the one description of the API: it must name every route, error code and
// operation kind the code has.
#include <doctest/doctest.h>

#include "journal_recommendations.h"

#include <fstream>
#include <sstream>

#include "api.h"
#include "school_rules.h"
#include "structure.h"
#include "control_works.h"
#include "thematic_plan.h"
#include "timetable.h"
#include "journal.h"

namespace ej::server {

static std::string ApiDoc() {
  std::ifstream in(EJ_SOURCE_DIR "/shared/API.md");
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("the API page documents every route with its method") {
  std::string doc = ApiDoc();
  for (const Route& r : Routes()) {
    std::string heading = "### `" + std::string(r.method) + " " + std::string(r.path) + "`";
    CHECK_MESSAGE(doc.find(heading) != std::string::npos, "API.md lacks " << heading);
  }
}

TEST_CASE("the API page documents every error code with its HTTP status") {
  std::string doc = ApiDoc();
  for (int i = static_cast<int>(ErrorCode::kBadRequest); i <= static_cast<int>(ErrorCode::kInternal); ++i) {
    auto code = static_cast<ErrorCode>(i);
    std::string row = "| `" + std::string(protocol::ErrorCodeName(code)) + "` | " +
                      std::to_string(protocol::HttpStatus(code)) + " |";
    CHECK_MESSAGE(doc.find(row) != std::string::npos, "API.md lacks " << row);
  }
}

TEST_CASE("the API page documents every operation kind") {
  std::string doc = ApiDoc();
  std::vector<std::string_view> kinds = StructureOpKinds();
  kinds.push_back(op_kind::kRulesUpdate);
  for (auto k : TimetableOpKinds()) kinds.push_back(k);
  for (auto k : JournalOpKinds()) kinds.push_back(k);
  for (auto k : PlanOpKinds()) kinds.push_back(k);
  for (auto k : ControlWorkOpKinds()) kinds.push_back(k);
  kinds.push_back(op_kind::kRecommendationAdd);
  for (std::string_view kind : kinds) {
    std::string row = "| `" + std::string(kind) + "` |";
    CHECK_MESSAGE(doc.find(row) != std::string::npos, "API.md lacks " << row);
  }
}

TEST_CASE("the API page documents every field of the user that /me answers with") {
  std::string doc = ApiDoc();
  const std::string heading = "### `GET " + std::string(protocol::route::kMe) + "`";
  size_t at = doc.find(heading);
  REQUIRE(at != std::string::npos);
  const std::string section = doc.substr(at, doc.find("###", at + heading.size()) - at);
  protocol::Json user = protocol::ToJson(protocol::UserInfo{});
  CHECK(user.contains("person_id"));
  for (auto it = user.begin(); it != user.end(); ++it) {
    CHECK_MESSAGE(section.find("\"" + it.key() + "\"") != std::string::npos, "API.md's /me lacks " << it.key());
  }
}

TEST_CASE("the API page documents every list of the structure snapshot") {
  std::string doc = ApiDoc();
  protocol::Json snapshot = ToJson(Structure{}, {.personal_data = true});
  for (auto it = snapshot.begin(); it != snapshot.end(); ++it) {
    CHECK_MESSAGE(doc.find("\"" + it.key() + "\": [") != std::string::npos, "API.md lacks the snapshot's " << it.key());
  }
}

}  // namespace ej::server
