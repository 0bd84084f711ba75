// Internal to the server: the deterministic demo school. Fills an empty database with a
// realistic Russian school (about 700 students, their parents, 55 staff, 26 classes, the
// curriculum per ФООП/ФБУП, groups and workload, a weekly timetable, a КТП for every group
// and the control works of the first half-year) so that every screen can be shown and tried
// without real data.
// The same seed gives byte-identical data on every platform: the generator uses its own
// PRNG and its own shuffles, never <random> distributions or std::shuffle.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "db.h"
#include "status.h"

namespace ej::server {

// The password of the seven demo logins (and only of them; every other account is created
// without a password and cannot log in until one is issued).
inline constexpr std::string_view kDemoPassword = "demo2026";
// The school's names as stored (a no-break space after «№», as Russian typesetting wants).
inline constexpr std::string_view kDemoSchoolName =
    "МБОУ «Средняя общеобразовательная школа №\u00A017»";
inline constexpr std::string_view kDemoSchoolShortName = "СОШ №\u00A017";

struct DemoLogin {
  std::string login;
  std::string password;
  std::string role_title;  // "Учитель, классный руководитель"
  std::string full_name;   // "Соколова Анна Викторовна"
};

struct DemoSummary {
  int students = 0;
  int parents = 0;  // mothers, fathers and guardians
  int staff = 0;
  int classes = 0;
  int accounts = 0;
  int64_t lessons = 0;  // for the whole year
  int64_t marks = 0;    // up to the demo's date
  int64_t finals = 0;   // period marks of the periods that have ended
  // In this order: direktor, zavuch, uchitel, klruk, admin, roditel, uchenik.
  std::vector<DemoLogin> logins;
};

struct DemoOptions {
  uint64_t seed = 20260901;
  std::string year_name = "2026/2027";
  std::string year_start = "2026-09-01";
  std::string year_end = "2027-08-31";
  int64_t now = 0;  // Unix seconds, for accounts.created_at and schools.created_at
};

// Fills an EMPTY database (schema already migrated) with the demo school, in one
// transaction. Refuses (kValidation, a Russian message) if the database already has a school,
// or if the year's dates are not ISO dates in order. `hash_password` turns a password into a
// stored hash (Argon2id in production; tests may pass a cheap fake); it is called once, before
// the transaction, and the seven demo accounts share that hash (their password is public).
// `summary` may be null.
// The demo logins that still exist with a password in the database (none in a real school's
// database), for `serve` to print.
Result<std::vector<DemoLogin>> FindDemoLogins(Database& db);

Status CreateDemoSchool(Database& db, const DemoOptions& options,
                        const std::function<std::string(std::string_view)>& hash_password,
                        DemoSummary* summary);

}  // namespace ej::server
