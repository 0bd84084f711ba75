#include <doctest/doctest.h>

#include "ops.h"

namespace ej {

TEST_CASE("an operation round-trips through JSON and needs a UUID op_id") {
  unsigned char bytes[16];
  for (int i = 0; i < 16; ++i) bytes[i] = static_cast<unsigned char>(i * 17);
  Operation op;
  op.op_id = FormatUuid(bytes);
  CHECK(IsValidOpId(op.op_id));
  CHECK(op.op_id[14] == '4');  // version 4
  op.kind = "class.create";
  op.payload = protocol::Json{{"grade", 5}};
  op.client_time = 1790000000000;
  op.device = "web";
  auto back = OperationFromJson(ToJson(op));
  REQUIRE(back.ok());
  CHECK(back->op_id == op.op_id);
  CHECK(back->payload == op.payload);
  CHECK(back->client_time == op.client_time);

  auto j = ToJson(op);
  j["op_id"] = "1";
  CHECK(OperationFromJson(j).status().field() == "op_id");
  j = ToJson(op);
  j["payload"] = "not an object";
  CHECK(OperationFromJson(j).status().field() == "payload");
  CHECK_FALSE(IsValidOpId("ZZZZZZZZ-0000-4000-8000-000000000000"));
}

TEST_CASE("a push carries at most 500 operations and its results keep the error shape") {
  PushRequest big;
  Operation op;
  op.op_id = "00000000-0000-4000-8000-000000000001";
  op.kind = "x";
  op.payload = protocol::Json::object();
  big.ops.assign(kMaxOpsPerPush + 1, op);
  CHECK(PushRequestFromJson(ToJson(big)).status().code() == ErrorCode::kPayloadTooLarge);

  PushResponse r;
  r.results.push_back({"a", OpOutcome::kApplied, Status(), 7, 3});
  r.results.push_back({"b", OpOutcome::kRejected, Status(ErrorCode::kValidation, "Класс 5А уже есть.", "letter"), 0, 0});
  auto j = ToJson(r);
  CHECK(j["results"][1]["error"]["code"] == "validation");
  auto back = PushResponseFromJson(j);
  REQUIRE(back.ok());
  CHECK(back->results[0].created_id == 7);
  CHECK(back->results[0].seq == 3);
  CHECK(back->results[1].outcome == OpOutcome::kRejected);
  CHECK(back->results[1].error.message() == "Класс 5А уже есть.");
  CHECK(back->results[1].error.field() == "letter");
}

}  // namespace ej
