// Public API of the core: teachers' recommendations to a student and their family (R19). A
// teacher writes one for a student of a group they teach (or of the one lesson they
// substitute in); the student and their parents read it in the diary. A recommendation is an
// operation in the log like every journal entry; its id is the op_id that created it.
//
// [SECTION] model        Recommendation, Recommendations
// [SECTION] operations   recommendation.add: payload, Apply with every rule
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "access.h"
#include "date.h"
#include "journal.h"
#include "ops.h"
#include "protocol.h"
#include "status.h"
#include "structure.h"

namespace ej {

// ---- [SECTION] model ----

struct Recommendation {
  std::string id;          // the op_id of the recommendation.add that made it
  int64_t student_id = 0;
  int64_t group_id = 0;    // the subject it is about
  int64_t lesson_id = 0;   // the lesson it was written at (0: none)
  int64_t author_id = 0;   // the teacher (a person)
  Date date;               // the day it was written (the lesson's date when a lesson is given)
  std::string text;
};

struct Recommendations {
  std::map<std::string, Recommendation> items;  // by id
  // A student's recommendations, newest first.
  std::vector<const Recommendation*> Of(int64_t student_id) const;
};

// ---- [SECTION] operations ----

namespace op_kind {
inline constexpr std::string_view kRecommendationAdd = "recommendation.add";
}  // namespace op_kind

bool IsRecommendationOp(std::string_view kind);

// lesson_id 0: written outside a lesson (then only the group's teacher may write it).
protocol::Json RecommendationAddPayload(int64_t student_id, int64_t group_id, int64_t lesson_id,
                                        const std::string& text);

// The longest recommendation, in characters.
inline constexpr size_t kMaxRecommendation = 2000;

// Checks and applies recommendation.add: the group exists and the student is in it (on the
// lesson's day, or on `today`); the author teaches the group by the workload, or — with a
// lesson of that group — may write that lesson's entries (its substitute: that one lesson
// only); the text is 1…2000 characters after trimming. Errors: kNotFound (group, lesson,
// student), kForbidden, kValidation with the field named. Nothing changes on error.
Result<Recommendation> ApplyRecommendationOp(Recommendations& r, const Structure& s, const Journal& j,
                                             const Operation& op, const Actor& actor, Date today);

}  // namespace ej
