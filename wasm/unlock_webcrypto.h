// The browser's key derivation for the offline start on a shared computer
// (web/offline_unlock.h): PBKDF2-HMAC-SHA-256 by WebCrypto (crypto.subtle), asynchronous.
#pragma once

#include <functional>

namespace ej::wasm {

// Sets WebCrypto as the client's KeyDerivation; `wake` asks for a frame when a derivation ends.
// Without crypto.subtle (a page not served over HTTPS or from localhost) every derivation
// fails: no verifier is kept and the offline start is not offered.
void InstallKeyDerivation(std::function<void()> wake);

}  // namespace ej::wasm
