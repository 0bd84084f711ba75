// Internal to the server: teachers' recommendations (shared/journal_recommendations.h) and
// when each account last saw each student's diary, in SQLite (migration 10).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "db.h"
#include "journal_recommendations.h"
#include "ops.h"

namespace ej::server {

Result<Recommendations> LoadRecommendations(Connection& c, int64_t school_id);
// Writes one recommendation just made by an operation.
Status PersistRecommendation(Connection& c, int64_t school_id, const Recommendation& r);

// The seq up to which the account has seen the student's diary; nullopt before the first visit.
Result<std::optional<int64_t>> DiarySeenSeq(Connection& c, int64_t account_id, int64_t student_id);
Status SetDiarySeenSeq(Connection& c, int64_t account_id, int64_t student_id, int64_t seq);
// The school's largest op_log seq (0 for an empty log).
Result<int64_t> LastLogSeq(Connection& c, int64_t school_id);
// The operations of the school logged after `seq` whose kind is one of `kinds`, in log order.
Result<std::vector<Operation>> LoggedOpsAfter(Connection& c, int64_t school_id, int64_t seq,
                                              const std::vector<std::string_view>& kinds);

}  // namespace ej::server
