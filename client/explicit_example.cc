#include "client/explicit_example.h"

#include <cxxabi.h>

#include <cstdlib>
#include <memory>

#include "absl/strings/str_cat.h"

namespace lockstep {

std::string Example::TypeName(const std::type_info& type) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> demangled(
      abi::__cxa_demangle(type.name(), nullptr, nullptr, &status), std::free);
  std::string name = status == 0 ? demangled.get() : type.name();
  // The one type users meet spelled out in full.
  if (name.rfind("std::__cxx11::basic_string<char", 0) == 0)
    return "std::string";
  return name;
}

std::string Example::Mismatch(size_t number, size_t index,
                              std::string_view name,
                              const std::type_info& drawn,
                              const std::string& problem) {
  return absl::StrCat(
      "explicit example ", number, " does not fit draw ", index + 1,
      name.empty() ? "" : absl::StrCat(" ('", std::string(name), "')"),
      ", which draws a ", TypeName(drawn), ": the example ", problem);
}

}  // namespace lockstep
