//===- ParallelLink.cpp - Link object files with a parallel symbol pass ---===//
//
// Resolves symbols of the input files on a helper thread while the main
// thread lays out the sections.
//
//===----------------------------------------------------------------------===//

#include <map>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace lld {

struct InputFile {
  std::string Path;
  std::vector<std::string> Sections;
  std::vector<std::string> Undefined;
};

class LinkError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

class Linker {
public:
  void link(std::vector<InputFile> &Inputs) {
    std::map<std::string, size_t> SymbolTable;
    std::thread Resolver([&Inputs, &SymbolTable] { // EXPECT: concurrency-thread-leak
      for (size_t I = 0; I < Inputs.size(); ++I)
        for (const std::string &U : Inputs[I].Undefined)
          SymbolTable.emplace(U, I);
    });

    size_t Offset = 0;
    for (const InputFile &F : Inputs) {
      if (F.Sections.empty())
        throw LinkError(F.Path + ": no sections");
      for (const std::string &S : F.Sections) {
        SectionOffsets[F.Path + ":" + S] = Offset;
        Offset += 0x1000;
      }
    }

    Resolver.join();
    NumSymbols = SymbolTable.size();
  }

  size_t numSymbols() const { return NumSymbols; }

private:
  std::map<std::string, size_t> SectionOffsets;
  size_t NumSymbols = 0;
};

} // namespace lld

size_t linkAll(std::vector<lld::InputFile> &Inputs) {
  lld::Linker L;
  L.link(Inputs);
  return L.numSymbols();
}
