# One warning policy for every target of the project.
function(ej_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wno-missing-field-initializers)
  if(EJ_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
