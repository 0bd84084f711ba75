# Emscripten 3.1.6 (Debian) specifics, see ../shared/STACK.md:
# - never add /usr/include: header-only libraries are reached through a folder of symlinks;
# - tests compiled to wasm run under node with --no-experimental-fetch.
set(EJ_SYSINC "${CMAKE_BINARY_DIR}/sysinc")
file(MAKE_DIRECTORY "${EJ_SYSINC}")
foreach(lib nlohmann doctest)
  if(NOT EXISTS "${EJ_SYSINC}/${lib}")
    file(CREATE_LINK "/usr/include/${lib}" "${EJ_SYSINC}/${lib}" SYMBOLIC)
  endif()
endforeach()
include_directories(SYSTEM "${EJ_SYSINC}")
find_program(EJ_NODE node REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR "${EJ_NODE};--no-experimental-fetch" CACHE STRING "" FORCE)
add_compile_options(-fno-exceptions)
