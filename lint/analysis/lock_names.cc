#include "lint/analysis/lock_names.h"

#include <string>
#include <vector>

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/StringMap.h"

namespace lockstep::lint {
namespace {

// The words of an identifier, lower case: "rte_spinlock_t" -> rte,
// spinlock, t; "SpinLock" -> spin, lock.
std::vector<std::string> WordsOf(llvm::StringRef identifier) {
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i < identifier.size(); ++i) {
    char c = identifier[i];
    bool upper = c >= 'A' && c <= 'Z';
    bool starts_word =
        upper && i > 0 && identifier[i - 1] >= 'a' && identifier[i - 1] <= 'z';
    if (c == '_' || starts_word) {
      if (!word.empty()) words.push_back(word);
      word.clear();
      if (c == '_') continue;
    }
    word.push_back(upper ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

// The last word, a typedef's `t` left out.
std::string LastWord(llvm::StringRef identifier) {
  std::vector<std::string> words = WordsOf(identifier);
  // C's type and struct-tag suffixes: `pthread_mutex_t`, `struct
  // os_unfair_lock_s`, OpenSSL's `struct crypto_rwlock_st`.
  if (words.size() > 1 &&
      (words.back() == "t" || words.back() == "s" || words.back() == "st")) {
    words.pop_back();
  }
  return words.empty() ? std::string() : words.back();
}

}  // namespace

std::optional<NamedLockOperation> LockOperationNamed(llvm::StringRef name) {
  static const llvm::StringMap<NamedLockOperation> kOperations = {
      {"lock", {LockEffect::kAcquires, true}},
      {"Lock", {LockEffect::kAcquires, true}},
      {"Acquire", {LockEffect::kAcquires, true}},
      {"WriterLock", {LockEffect::kAcquires, true}},
      {"WriteLock", {LockEffect::kAcquires, true}},
      {"lockForWrite", {LockEffect::kAcquires, true}},
      {"lock_shared", {LockEffect::kAcquires, false}},
      {"LockShared", {LockEffect::kAcquires, false}},
      {"ReaderLock", {LockEffect::kAcquires, false}},
      {"ReadLock", {LockEffect::kAcquires, false}},
      {"lockForRead", {LockEffect::kAcquires, false}},
      // Boost's upgrade ownership: shared with readers until upgraded.
      {"lock_upgrade", {LockEffect::kAcquires, false}},
      {"unlock_upgrade_and_lock", {LockEffect::kAcquires, true}},
      {"unlock_upgrade", {LockEffect::kReleases, false}},
      {"unlock_and_lock_upgrade", {LockEffect::kReleases, true}},
      {"unlock", {LockEffect::kReleases, true}},
      {"Unlock", {LockEffect::kReleases, true}},
      {"Release", {LockEffect::kReleases, true}},
      {"WriterUnlock", {LockEffect::kReleases, true}},
      {"WriteUnlock", {LockEffect::kReleases, true}},
      {"unlock_shared", {LockEffect::kReleases, false}},
      {"UnlockShared", {LockEffect::kReleases, false}},
      {"ReaderUnlock", {LockEffect::kReleases, false}},
      {"ReadUnlock", {LockEffect::kReleases, false}},
  };
  auto it = kOperations.find(name);
  if (it == kOperations.end()) return std::nullopt;
  return it->second;
}

std::optional<NamedLockOperation> PlatformLockOperation(llvm::StringRef name) {
  static const llvm::StringMap<NamedLockOperation> kOperations = {
      {"pthread_mutex_lock", {LockEffect::kAcquires, true}},
      {"pthread_rwlock_wrlock", {LockEffect::kAcquires, true}},
      {"pthread_spin_lock", {LockEffect::kAcquires, true}},
      {"pthread_rwlock_rdlock", {LockEffect::kAcquires, false}},
      {"pthread_mutex_unlock", {LockEffect::kReleases, true}},
      {"pthread_rwlock_unlock", {LockEffect::kReleases, true}},
      {"pthread_spin_unlock", {LockEffect::kReleases, true}},
      {"EnterCriticalSection", {LockEffect::kAcquires, true}},
      {"LeaveCriticalSection", {LockEffect::kReleases, true}},
      {"AcquireSRWLockExclusive", {LockEffect::kAcquires, true}},
      {"AcquireSRWLockShared", {LockEffect::kAcquires, false}},
      {"ReleaseSRWLockExclusive", {LockEffect::kReleases, true}},
      {"ReleaseSRWLockShared", {LockEffect::kReleases, false}},
  };
  auto it = kOperations.find(name);
  if (it == kOperations.end()) return std::nullopt;
  return it->second;
}

bool IsPlatformLockLifetimeFunction(llvm::StringRef name) {
  return name == "pthread_mutex_init" || name == "pthread_mutex_destroy" ||
         name == "pthread_rwlock_init" || name == "pthread_rwlock_destroy" ||
         name == "pthread_spin_init" || name == "pthread_spin_destroy" ||
         name == "mtx_init" || name == "mtx_destroy" ||
         name == "InitializeCriticalSection" ||
         name == "InitializeCriticalSectionAndSpinCount" ||
         name == "InitializeCriticalSectionEx" ||
         name == "DeleteCriticalSection" || name == "InitializeSRWLock";
}

std::optional<bool> AssertsHeldNamed(llvm::StringRef name) {
  if (name == "AssertHeld" || name == "AssertAcquired" ||
      name == "assertIsHeld" || name == "AssertLockHeld" ||
      name == "assert_held" || name == "AssertWriterHeld") {
    return true;
  }
  if (name == "AssertReaderHeld" || name == "AssertSharedHeld") return false;
  return std::nullopt;
}

bool IsPlatformLockType(clang::QualType type) {
  type = type.getNonReferenceType();
  while (const auto* typedef_type = type->getAs<clang::TypedefType>()) {
    llvm::StringRef name = typedef_type->getDecl()->getName();
    if (name == "pthread_mutex_t" || name == "pthread_rwlock_t" ||
        name == "pthread_spinlock_t" || name == "CRITICAL_SECTION" ||
        name == "RTL_CRITICAL_SECTION" || name == "SRWLOCK" ||
        name == "RTL_SRWLOCK") {
      return true;
    }
    type = typedef_type->getDecl()->getUnderlyingType();
  }
  return false;
}

bool IsLockName(llvm::StringRef identifier) {
  std::string last = LastWord(identifier);
  return last == "mutex" || last == "mtx" || last == "lock" ||
         last == "spinlock" || last == "rwlock" || last == "futex" ||
         last == "critsec";
}

bool IsLockNamedStruct(clang::QualType type) {
  type = type.getNonReferenceType();
  while (true) {
    if (const auto* typedef_type = type->getAs<clang::TypedefType>()) {
      if (IsLockName(typedef_type->getDecl()->getName())) break;
      type = typedef_type->getDecl()->getUnderlyingType();
      continue;
    }
    const clang::RecordDecl* record = type->getAsRecordDecl();
    if (record == nullptr || record->getIdentifier() == nullptr ||
        !IsLockName(record->getName())) {
      return false;
    }
    break;
  }
  // An opaque handle: `typedef void CRYPTO_RWLOCK;`, used through pointers.
  if (type->isVoidType()) return true;
  const clang::RecordDecl* record = type->getAsRecordDecl();
  if (record == nullptr) return false;
  const clang::RecordDecl* definition = record->getDefinition();
  if (definition == nullptr) return true;  // opaque: `struct sqlite3_mutex;`
  const auto* cxx = llvm::dyn_cast<clang::CXXRecordDecl>(definition);
  if (cxx == nullptr) return true;
  // Methods the compiler declared (a union's copy constructor) are no API.
  for (const clang::CXXMethodDecl* method : cxx->methods()) {
    if (!method->isImplicit()) return false;
  }
  return true;
}

bool IsOpaqueLockHandle(clang::QualType type) {
  if (!IsLockNamedStruct(type)) return false;
  clang::QualType canonical = type.getCanonicalType();
  if (canonical->isVoidType()) return true;
  const clang::RecordDecl* record = canonical->getAsRecordDecl();
  return record != nullptr && record->getDefinition() == nullptr;
}

std::optional<NamedLockOperation> FreeLockOperationNamed(llvm::StringRef name) {
  std::string last = LastWord(name);
  if (last == "lock" || last == "enter" || last == "acquire") {
    // CRYPTO_THREAD_read_lock, g_rw_lock_reader_lock: shared.
    std::vector<std::string> words = WordsOf(name);
    std::string before = words.size() > 1 ? words[words.size() - 2] : "";
    bool shared = before == "read" || before == "reader" || before == "shared";
    return NamedLockOperation{LockEffect::kAcquires, !shared};
  }
  if (last == "wrlock" || last == "wlock") {
    return NamedLockOperation{LockEffect::kAcquires, true};
  }
  if (last == "rdlock" || last == "rlock")
    return NamedLockOperation{LockEffect::kAcquires, false};
  if (last == "unlock" || last == "leave" || last == "release" ||
      last == "wrunlock" || last == "rdunlock" || last == "runlock" ||
      last == "wunlock") {
    return NamedLockOperation{LockEffect::kReleases, true};
  }
  return std::nullopt;
}

bool IsTryLockName(llvm::StringRef name) {
  return name == "try_lock" || name == "TryLock" || name == "TryAcquire" ||
         name == "tryLock";
}

std::optional<TryLockFunction> PlatformTryLockNamed(llvm::StringRef name) {
  if (name == "TryEnterCriticalSection" || name == "TryAcquireSRWLockExclusive")
    return TryLockFunction{true, false};
  if (name == "TryAcquireSRWLockShared") return TryLockFunction{false, false};
  if (name == "pthread_mutex_trylock" || name == "pthread_rwlock_trywrlock" ||
      name == "pthread_spin_trylock" || name == "mtx_trylock" ||
      name == "uv_mutex_trylock" || name == "uv_rwlock_trywrlock") {
    return TryLockFunction{true, true};
  }
  if (name == "pthread_rwlock_tryrdlock" || name == "uv_rwlock_tryrdlock")
    return TryLockFunction{false, true};
  // A C library's own, by its last word (rte_spinlock_trylock returns 1).
  std::string last = LastWord(name);
  if (last == "trylock") return TryLockFunction{true, false};
  return std::nullopt;
}

bool IsLockLifetimeNamed(llvm::StringRef name) {
  std::string last = LastWord(name);
  return last == "init" || last == "destroy" || last == "free" ||
         last == "alloc" || last == "create" || last == "fini";
}

bool IsPlatformSynchronizationType(clang::QualType type) {
  type = type.getNonReferenceType();
  while (const auto* typedef_type = type->getAs<clang::TypedefType>()) {
    llvm::StringRef name = typedef_type->getDecl()->getName();
    if (name == "pthread_cond_t" || name == "cnd_t" ||
        name == "CONDITION_VARIABLE" || name == "sem_t" ||
        name == "pthread_barrier_t" || name == "pthread_once_t" ||
        name == "once_flag") {
      return true;
    }
    type = typedef_type->getDecl()->getUnderlyingType();
  }
  return false;
}

}  // namespace lockstep::lint
