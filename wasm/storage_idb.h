// The browser's DeviceStorage (web/local_store.h) over IndexedDB, and the print hook: see
// storage.js for the JS side.
#pragma once

#include "local_store.h"

namespace ej::wasm {

class IdbStorage : public web::DeviceStorage {
 public:
  std::optional<std::string> Get(const std::string& key) override;
  void Put(const std::string& key, const std::string& value) override;
  void Remove(const std::string& key) override;
  std::vector<std::string> Keys() override;
};

// Sets IdbStorage as the device's storage and the print hook (a new window; the print dialog
// unless `test_mode`).
void InstallDeviceStorage(bool test_mode);

}  // namespace ej::wasm
