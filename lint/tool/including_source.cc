#include "lint/tool/including_source.h"

#include <algorithm>
#include <memory>
#include <tuple>
#include <vector>

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace lockstep::lint {
namespace {

// Length of the common leading directories of two absolute paths.
size_t SharedDirectoryLength(llvm::StringRef a, llvm::StringRef b) {
  size_t shared = 0;
  for (size_t i = 0; i < a.size() && i < b.size() && a[i] == b[i]; ++i) {
    if (a[i] == '/') shared = i + 1;
  }
  return shared;
}

// The spelling of an #include in `text` whose quoted or bracketed name is a
// suffix of `header` on a path-component boundary, if there is one.
std::optional<std::string> IncludesHeader(llvm::StringRef text,
                                          llvm::StringRef header) {
  llvm::StringRef base = llvm::sys::path::filename(header);
  while (!text.empty()) {
    llvm::StringRef line;
    std::tie(line, text) = text.split('\n');
    line = line.ltrim();
    if (!line.consume_front("#")) continue;
    line = line.ltrim();
    if (!line.consume_front("include") && !line.consume_front("import"))
      continue;
    line = line.ltrim();
    if (line.empty() || (line[0] != '"' && line[0] != '<')) continue;
    char close = line[0] == '"' ? '"' : '>';
    llvm::StringRef name =
        line.drop_front().take_until([close](char c) { return c == close; });
    if (llvm::sys::path::filename(name) != base) continue;
    if (!header.endswith(name)) continue;
    // "bar/foo.h" must not match ".../xbar/foo.h".
    size_t before = header.size() - name.size();
    if (before == 0 || header[before - 1] == '/') return name.str();
  }
  return std::nullopt;
}

}  // namespace

bool IsHeaderFileName(llvm::StringRef path) {
  llvm::StringRef ext = llvm::sys::path::extension(path);
  return llvm::StringSwitch<bool>(ext.lower())
      .Cases(".h", ".hh", ".hpp", ".hxx", ".h++", true)
      .Cases(".inc", ".inl", ".ipp", ".tcc", true)
      .Default(false);
}

std::optional<IncludingSource> FindIncludingSource(
    const std::string& header,
    const clang::tooling::CompilationDatabase& compilations) {
  llvm::StringRef stem = llvm::sys::path::stem(header);
  struct Candidate {
    bool same_stem;
    size_t shared;
    std::string path;
  };
  std::vector<Candidate> candidates;
  for (const std::string& file : compilations.getAllFiles()) {
    if (file == header || IsHeaderFileName(file)) continue;
    candidates.push_back({llvm::sys::path::stem(file) == stem,
                          SharedDirectoryLength(file, header), file});
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) {
              return std::tie(b.same_stem, b.shared, a.path) <
                     std::tie(a.same_stem, a.shared, b.path);
            });
  for (const Candidate& candidate : candidates) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> text =
        llvm::MemoryBuffer::getFile(candidate.path);
    if (!text) continue;
    if (std::optional<std::string> spelling =
            IncludesHeader((*text)->getBuffer(), header))
      return IncludingSource{candidate.path, *spelling};
  }
  return std::nullopt;
}

}  // namespace lockstep::lint
