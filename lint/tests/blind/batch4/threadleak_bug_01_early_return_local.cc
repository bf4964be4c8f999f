//===- ParallelArchiveWriter.cpp - Writes archive members in parallel ---===//
//
// The symbol table is computed on a helper thread while the members are
// written on the calling thread.
//
//===----------------------------------------------------------------------===//

#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace llvm {
namespace object {

struct ArchiveMember {
  std::string Name;
  std::vector<uint8_t> Data;
};

class OutputFile {
public:
  virtual ~OutputFile() = default;
  virtual bool write(const void *Data, size_t Size) = 0;
  virtual bool commit() = 0;
};

std::vector<uint8_t> computeSymbolTable(const std::vector<ArchiveMember> &Members);

bool writeArchive(OutputFile &Out, const std::vector<ArchiveMember> &Members) {
  std::vector<uint8_t> SymTab;
  std::thread SymTabThread([&] { SymTab = computeSymbolTable(Members); }); // EXPECT: concurrency-thread-leak

  static const char Magic[] = "!<arch>\n";
  if (!Out.write(Magic, sizeof(Magic) - 1))
    return false;

  for (const ArchiveMember &M : Members) {
    std::string Header = M.Name + "/";
    Header.resize(60, ' ');
    if (!Out.write(Header.data(), Header.size()) ||
        !Out.write(M.Data.data(), M.Data.size()))
      return false;
  }

  SymTabThread.join();
  if (!Out.write(SymTab.data(), SymTab.size()))
    return false;
  return Out.commit();
}

} // namespace object
} // namespace llvm
