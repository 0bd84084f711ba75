// Public API of the client: the outside world the app needs besides the network, behind a
// small interface (leveldb's Env habit) so tests give a fixed day and predictable ids:
// the clock (Unix milliseconds and the local calendar day) and random bytes (for op ids).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "date.h"

namespace ej::web {

class Env {
 public:
  virtual ~Env() = default;
  // Milliseconds since 1970-01-01 UTC.
  virtual int64_t NowMs() = 0;
  // The calendar day on this device's clock, in its time zone.
  virtual Date Today() = 0;
  // Fills `out` with random bytes (cryptographic quality where the platform has it).
  virtual void RandomBytes(unsigned char* out, size_t n) = 0;
  // Opens an address of this server for the user (a file to download: the audit's CSV).
  virtual void OpenUrl(const std::string& url) { (void)url; }
  // Asks the user for a text file of the device (`accept`: ".csv,text/csv"): `done(name, text,
  // error)` once it is read — as UTF-8, or as Windows-1251 when it is not UTF-8 (Excel saves a
  // Russian CSV so); `error` is "" or a Russian message. Nothing is called if the user cancels.
  using FilePicked = std::function<void(std::string name, std::string text, std::string error)>;
  virtual void PickTextFile(const std::string& accept, FilePicked done) {
    (void)accept;
    done("", "", "Выбор файла здесь недоступен.");
  }
};

// The real clock and getentropy() (in the browser Emscripten maps it to
// crypto.getRandomValues).
Env& SystemEnv();

}  // namespace ej::web
