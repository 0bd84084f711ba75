#include "crypto.h"

#include <argon2.h>
#include <openssl/evp.h>
#include <sys/random.h>

#include <chrono>

namespace ej::server {

std::string RandomBytes(size_t n) {
  std::string out(n, '\0');
  size_t done = 0;
  while (done < n) {
    ssize_t got = getrandom(out.data() + done, n - done, 0);
    if (got > 0) done += static_cast<size_t>(got);
  }
  return out;
}

std::string NewSessionToken() {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string raw = RandomBytes(32);
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (unsigned char c : raw) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 6) {
      out += kAlphabet[(acc >> (bits - 6)) & 0x3F];
      bits -= 6;
    }
  }
  if (bits > 0) out += kAlphabet[(acc << (6 - bits)) & 0x3F];
  return out;
}

std::string NewReadablePassword() {
  static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";  // 31 characters
  constexpr size_t kSize = sizeof(kAlphabet) - 1;
  std::string out;
  while (out.size() < 12) {
    if (out.size() == 4 || out.size() == 9) {
      out += '-';
      continue;
    }
    unsigned char b = static_cast<unsigned char>(RandomBytes(1)[0]);
    if (b >= 256 - 256 % kSize) continue;  // no modulo bias
    out += kAlphabet[b % kSize];
  }
  return out;
}

std::string Sha256(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  // Fetched once: OpenSSL 3 looks an implicit EVP_sha256() up (under a lock) on every call,
  // and every request hashes its session token.
  static EVP_MD* const kSha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  EVP_Digest(data.data(), data.size(), digest, &len, kSha256 ? kSha256 : EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<char*>(digest), len);
}

std::string ToHex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
  }
  return out;
}

bool PasswordHasher::Acquire() {
  std::unique_lock lock(mutex_);
  return cv_.wait_for(lock, std::chrono::milliseconds(params_.max_wait_ms), [&] {
    if (running_ < params_.max_concurrent) {
      ++running_;
      return true;
    }
    return false;
  });
}

void PasswordHasher::Release() {
  {
    std::lock_guard lock(mutex_);
    --running_;
  }
  cv_.notify_one();
}

static Status Busy() {
  return Status(ErrorCode::kTooManyRequests, "Сервер занят проверкой паролей. Повторите через секунду.")
      .WithRetryAfter(1);
}

PasswordHasher::PasswordHasher(Params params) : params_(params) {
  auto h = HashNow("not a password of anyone");
  if (h.ok()) dummy_hash_ = *h;
}

Result<std::string> PasswordHasher::Hash(std::string_view password) {
  if (!Acquire()) return Busy();
  auto out = HashNow(password);
  Release();
  return out;
}

Result<std::string> PasswordHasher::HashNow(std::string_view password) {
  std::string salt = RandomBytes(16);
  constexpr size_t kHashLen = 32;
  size_t encoded_len = argon2_encodedlen(params_.time_cost, params_.memory_kib, params_.parallelism,
                                         static_cast<uint32_t>(salt.size()), kHashLen, Argon2_id);
  std::string encoded(encoded_len, '\0');
  int rc = argon2id_hash_encoded(params_.time_cost, params_.memory_kib, params_.parallelism,
                                 password.data(), password.size(), salt.data(), salt.size(),
                                 kHashLen, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) {
    return Status(ErrorCode::kInternal, std::string("Ошибка хеширования пароля: ") + argon2_error_message(rc));
  }
  encoded.resize(encoded.find('\0'));
  return encoded;
}

Result<bool> PasswordHasher::Verify(std::string_view password, const std::optional<std::string>& encoded) {
  if (!encoded || encoded->empty()) {
    // Spend the same work as a real check, then refuse.
    if (!dummy_hash_.empty()) {
      if (!Acquire()) return Busy();
      (void)argon2id_verify(dummy_hash_.c_str(), password.data(), password.size());
      Release();
    }
    return false;
  }
  if (!Acquire()) return Busy();
  int rc = argon2id_verify(encoded->c_str(), password.data(), password.size());
  Release();
  if (rc == ARGON2_OK) return true;
  if (rc == ARGON2_VERIFY_MISMATCH) return false;
  return Status(ErrorCode::kInternal, std::string("Ошибка проверки пароля: ") + argon2_error_message(rc));
}

}  // namespace ej::server
