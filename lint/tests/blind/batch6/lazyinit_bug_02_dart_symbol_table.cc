// Dart VM-style isolate group: the symbol table is created on first use.
// The author double-checks around the group's symbols mutex, but the
// pointer is a plain pointer, so the unlocked first test races with the
// locked store and may see the table before its contents.
#include <cstdint>
#include <string>
#include <unordered_set>

#include "mock/dart_lock.h"

namespace dart {

class SymbolTable {
 public:
  SymbolTable() { symbols_.reserve(4096); }
  const std::string* Intern(const std::string& s) { return &*symbols_.insert(s).first; }

 private:
  std::unordered_set<std::string> symbols_;
};

class IsolateGroup {
 public:
  IsolateGroup() : symbols_mutex_("IsolateGroup::symbols_mutex_") {}
  ~IsolateGroup() { delete symbol_table_; }

  // Reached from every mutator and from background compiler threads.
  SymbolTable* symbol_table() {
    if (symbol_table_ == nullptr) {  // EXPECT: concurrency-lazy-init-race
      MutexLocker ml(&symbols_mutex_);
      if (symbol_table_ == nullptr) {
        symbol_table_ = new SymbolTable();
      }
    }
    return symbol_table_;  // EXPECT: concurrency-unguarded-field
  }

  const std::string* NewSymbol(const std::string& s) {
    SymbolTable* table = symbol_table();
    MutexLocker ml(&symbols_mutex_);
    ++symbols_created_;
    return table->Intern(s);
  }

  intptr_t symbols_created() {
    MutexLocker ml(&symbols_mutex_);
    return symbols_created_;
  }

 private:
  Mutex symbols_mutex_;
  SymbolTable* symbol_table_ = nullptr;
  intptr_t symbols_created_ = 0;
};

}  // namespace dart
