// The offline start on a shared computer: see offline_unlock.h.
#include "offline_unlock.h"

#include "protocol.h"

namespace ej::web {
namespace {

using protocol::Json;

KeyDerivation* derivation = nullptr;

std::string VerifierKey(int64_t account) { return LocalStore::Prefix(account) + "verifier"; }
std::string TriesKey(int64_t account) { return LocalStore::Prefix(account) + "unlock"; }

std::string Hex(const unsigned char* bytes, size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 15];
  }
  return out;
}

// Compares without stopping at the first difference.
bool SameSecret(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

struct Verifier {
  std::string salt;
  int iterations = 0;
  std::string hash;
};

std::optional<Verifier> ReadVerifier(DeviceStorage& storage, int64_t account) {
  auto text = storage.Get(VerifierKey(account));
  if (!text) return std::nullopt;
  auto json = protocol::ParseJson(*text);
  if (!json.ok() || !json->is_object()) return std::nullopt;
  const Json& j = *json;
  if (!j.contains("salt") || !j["salt"].is_string() || !j.contains("iterations") || !j["iterations"].is_number_integer() ||
      !j.contains("hash") || !j["hash"].is_string()) {
    return std::nullopt;
  }
  Verifier v{j["salt"].get<std::string>(), j["iterations"].get<int>(), j["hash"].get<std::string>()};
  if (v.salt.size() < 32 || v.iterations < 1 || v.hash.empty()) return std::nullopt;
  return v;
}

}  // namespace

KeyDerivation* Derivation() { return derivation; }
void SetKeyDerivation(KeyDerivation* d) { derivation = d; }

void OfflineUnlock::Remember(int64_t account, const std::string& password) {
  if (!derivation || password.empty()) return;
  unsigned char salt[16];
  env_.RandomBytes(salt, sizeof salt);
  std::string salt_hex = Hex(salt, sizeof salt);
  DeviceStorage* storage = &storage_;
  derivation->Derive(password, salt_hex, kUnlockIterations, [storage, account, salt_hex](std::string hash) {
    if (hash.empty()) return;
    storage->Put(VerifierKey(account), Json{{"salt", salt_hex}, {"iterations", kUnlockIterations}, {"hash", hash}}.dump());
    storage->Remove(TriesKey(account));
  });
}

bool OfflineUnlock::HasVerifier(int64_t account) { return derivation && ReadVerifier(storage_, account).has_value(); }

OfflineUnlock::Tries OfflineUnlock::LoadTries(int64_t account) {
  Tries t;
  auto text = storage_.Get(TriesKey(account));
  if (!text) return t;
  auto json = protocol::ParseJson(*text);
  if (!json.ok() || !json->is_object()) return t;
  if (json->contains("failures") && (*json)["failures"].is_number_integer()) t.failures = (*json)["failures"].get<int>();
  if (json->contains("locked_until") && (*json)["locked_until"].is_number_integer()) {
    t.locked_until_ms = (*json)["locked_until"].get<int64_t>();
  }
  return t;
}

void OfflineUnlock::SaveTries(int64_t account, const Tries& t) {
  storage_.Put(TriesKey(account), Json{{"failures", t.failures}, {"locked_until", t.locked_until_ms}}.dump());
}

std::string OfflineUnlock::LockMessage(int64_t until_ms) {
  int64_t left_s = (until_ms - env_.NowMs() + 999) / 1000;
  int64_t minutes = (left_s + 59) / 60;
  return "Пять раз подряд введён неверный пароль. Вход без сети заблокирован ещё на " + std::to_string(minutes) +
         " мин. Записи на устройстве сохранены.";
}

std::optional<std::string> OfflineUnlock::Locked(int64_t account) {
  Tries t = LoadTries(account);
  if (t.locked_until_ms > env_.NowMs()) return LockMessage(t.locked_until_ms);
  return std::nullopt;
}

void OfflineUnlock::Check(int64_t account, const std::string& password,
                          std::function<void(bool ok, std::string error)> done) {
  if (auto locked = Locked(account)) {
    done(false, *locked);
    return;
  }
  auto verifier = ReadVerifier(storage_, account);
  if (!derivation || !verifier) {
    done(false, "Без сети журнал на этом устройстве не открыть: войдите, когда появится связь.");
    return;
  }
  if (password.empty()) {
    done(false, "Введите пароль.");
    return;
  }
  OfflineUnlock self = *this;
  derivation->Derive(password, verifier->salt, verifier->iterations,
                     [self, account, expected = verifier->hash, done = std::move(done)](std::string hash) mutable {
                       if (SameSecret(hash, expected)) {
                         self.storage_.Remove(TriesKey(account));
                         done(true, "");
                         return;
                       }
                       Tries t = self.LoadTries(account);
                       ++t.failures;
                       if (t.failures >= kUnlockMaxTries) {
                         t.failures = 0;
                         t.locked_until_ms = self.env_.NowMs() + kUnlockLockMs;
                         self.SaveTries(account, t);
                         done(false, self.LockMessage(t.locked_until_ms));
                         return;
                       }
                       self.SaveTries(account, t);
                       const int left = kUnlockMaxTries - t.failures;
                       done(false, "Неверный пароль. Осталось попыток: " + std::to_string(left) + ".");
                     });
}

}  // namespace ej::web
