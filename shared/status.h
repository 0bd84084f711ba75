// Public API of the core: error values. The core never throws (it builds with
// -fno-exceptions and runs in wasm, where a throw aborts); every fallible call returns a
// Status or a Result<T>, and callers check it: `if (!s.ok()) return s;`.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace ej {

// The kinds of failure. The wire spelling and the HTTP status of each live in protocol.h.
enum class ErrorCode {
  kOk = 0,
  kBadRequest,       // malformed input: not JSON, a wrong type, a missing field
  kValidation,       // well-formed but breaks a rule (the message names the rule)
  kUnauthenticated,  // no session, expired session, wrong login or password
  kForbidden,        // the user may not do this
  kNotFound,         // no such thing (or the user may not know it exists)
  kConflict,         // the state changed since the caller's version
  kPayloadTooLarge,
  kTooManyRequests,
  kUnavailable,      // a dependency (storage) is not available
  kInternal,
};

class Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message, std::string field = {})
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  // A message for a person, in Russian.
  const std::string& message() const { return message_; }
  // The input field the error is about, if any (a JSON key or a form field).
  const std::string& field() const { return field_; }
  // Seconds the caller should wait before retrying (kTooManyRequests), 0 if not set.
  int retry_after() const { return retry_after_; }
  Status& WithRetryAfter(int seconds) {
    retry_after_ = seconds;
    return *this;
  }

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  std::string field_;
  int retry_after_ = 0;
};

// A value or the Status that says why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "a Result made from a Status must carry an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace ej
