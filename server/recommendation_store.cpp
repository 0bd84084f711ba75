#include "recommendation_store.h"

namespace ej::server {

Result<Recommendations> LoadRecommendations(Connection& c, int64_t school_id) {
  Recommendations out;
  Status s = c.Query(
      "SELECT id, student_id, group_id, lesson_id, author_id, day, text FROM recommendations WHERE school_id = ?",
      {school_id}, [&](const Row& r) {
        Recommendation rec;
        rec.id = r.Text(0);
        rec.student_id = r.Int(1);
        rec.group_id = r.Int(2);
        rec.lesson_id = r.Int(3);
        rec.author_id = r.Int(4);
        rec.date = Date::ParseIso(r.Text(5)).value_or(Date());
        rec.text = r.Text(6);
        out.items[rec.id] = std::move(rec);
      });
  if (!s.ok()) return s;
  return out;
}

Status PersistRecommendation(Connection& c, int64_t school_id, const Recommendation& r) {
  return c.Query(
      "INSERT INTO recommendations (id, school_id, student_id, group_id, lesson_id, author_id, day, text) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {r.id, school_id, r.student_id, r.group_id, r.lesson_id, r.author_id, r.date.Iso(), r.text});
}

Result<std::optional<int64_t>> DiarySeenSeq(Connection& c, int64_t account_id, int64_t student_id) {
  std::optional<int64_t> out;
  Status s = c.Query("SELECT seq FROM diary_seen WHERE account_id = ? AND student_id = ?", {account_id, student_id},
                     [&](const Row& r) { out = r.Int(0); });
  if (!s.ok()) return s;
  return out;
}

Status SetDiarySeenSeq(Connection& c, int64_t account_id, int64_t student_id, int64_t seq) {
  return c.Query(
      "INSERT INTO diary_seen (account_id, student_id, seq) VALUES (?, ?, ?) "
      "ON CONFLICT(account_id, student_id) DO UPDATE SET seq = max(seq, excluded.seq)",
      {account_id, student_id, seq});
}

Result<int64_t> LastLogSeq(Connection& c, int64_t school_id) {
  return c.QueryInt("SELECT coalesce(max(seq), 0) FROM op_log WHERE school_id = ?", {school_id});
}

Result<std::vector<Operation>> LoggedOpsAfter(Connection& c, int64_t school_id, int64_t seq,
                                              const std::vector<std::string_view>& kinds) {
  std::vector<Operation> out;
  Status s = c.Query("SELECT op_id, kind, payload FROM op_log WHERE school_id = ? AND seq > ? ORDER BY seq",
                     {school_id, seq}, [&](const Row& r) {
                       std::string kind = r.Text(1);
                       bool wanted = false;
                       for (auto k : kinds) wanted = wanted || k == kind;
                       if (!wanted) return;
                       Operation op;
                       op.op_id = r.Text(0);
                       op.kind = std::move(kind);
                       auto payload = protocol::ParseJson(r.Text(2));
                       if (payload.ok()) op.payload = std::move(payload).value();
                       out.push_back(std::move(op));
                     });
  if (!s.ok()) return s;
  return out;
}

}  // namespace ej::server
