# Writes CLIENT_DIR/sw.js from TEMPLATE with EJ_BUILD_HASH: the first 16 hex digits of the SHA-256
# over the shell's files (a new build of any of them is a new service worker, a new cache).
set(all "")
foreach(f index.html ejournal.js ejournal.wasm ejournal.data)
  file(SHA256 "${CLIENT_DIR}/${f}" h)
  string(APPEND all "${f}:${h};")
endforeach()
string(SHA256 hash "${all}")
string(SUBSTRING "${hash}" 0 16 EJ_BUILD_HASH)
configure_file("${TEMPLATE}" "${CLIENT_DIR}/sw.js" @ONLY)
