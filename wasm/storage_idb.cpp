// The browser's DeviceStorage over IndexedDB: see storage_idb.h and storage.js.
#include "storage_idb.h"

#include <emscripten.h>

namespace ej::wasm {
namespace {

// -1: no such key; else the UTF-8 length of the value.
EM_JS(int, ej_js_store_length, (const char* key), {
  var v = Module.ejStore.get(UTF8ToString(key));
  return v === undefined ? -1 : lengthBytesUTF8(v);
});

EM_JS(void, ej_js_store_copy, (const char* key, char* out, int size), {
  var v = Module.ejStore.get(UTF8ToString(key));
  stringToUTF8(v === undefined ? "" : v, out, size);
});

EM_JS(void, ej_js_store_write, (const char* key, const char* value, int remove), {
  Module.ejStoreWrite(UTF8ToString(key), remove ? null : UTF8ToString(value));
});

EM_JS(int, ej_js_store_keys_length, (), {
  Module.ejKeysJson = JSON.stringify(Array.from(Module.ejStore.keys()));
  return lengthBytesUTF8(Module.ejKeysJson);
});

EM_JS(void, ej_js_store_keys_copy, (char* out, int size), {
  stringToUTF8(Module.ejKeysJson || "[]", out, size);
});

EM_JS(int, ej_js_online, (), { return navigator.onLine ? 1 : 0; });

EM_JS(void, ej_js_print, (const char* html, int print), { Module.ejPrint(UTF8ToString(html), !!print); });

IdbStorage g_storage;

}  // namespace

std::optional<std::string> IdbStorage::Get(const std::string& key) {
  int n = ej_js_store_length(key.c_str());
  if (n < 0) return std::nullopt;
  std::string out(static_cast<size_t>(n) + 1, '\0');
  ej_js_store_copy(key.c_str(), out.data(), n + 1);
  out.resize(static_cast<size_t>(n));
  return out;
}

void IdbStorage::Put(const std::string& key, const std::string& value) { ej_js_store_write(key.c_str(), value.c_str(), 0); }

void IdbStorage::Remove(const std::string& key) { ej_js_store_write(key.c_str(), "", 1); }

std::vector<std::string> IdbStorage::Keys() {
  int n = ej_js_store_keys_length();
  std::string text(static_cast<size_t>(n) + 1, '\0');
  ej_js_store_keys_copy(text.data(), n + 1);
  text.resize(static_cast<size_t>(n));
  std::vector<std::string> keys;
  auto json = protocol::ParseJson(text);
  if (!json.ok() || !json->is_array()) return keys;
  for (const auto& k : *json) {
    if (k.is_string()) keys.push_back(k.get<std::string>());
  }
  return keys;
}

void InstallDeviceStorage(bool test_mode) {
  web::SetStorage(&g_storage);
  web::SetNetworkProbe([] { return ej_js_online() != 0; });
  web::SetPrintHook([test_mode](const std::string& html) { ej_js_print(html.c_str(), test_mode ? 0 : 1); });
}

}  // namespace ej::wasm
