#include "lint/checks/unguarded_field_check.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "clang/AST/Attr.h"
#include "clang/Lex/Lexer.h"
#include "lint/analysis/access_summary.h"
#include "lint/analysis/field_documentation.h"
#include "lint/analysis/lock_model.h"
#include "lint/analysis/thread_model.h"
#include "lint/analysis/user_code.h"
#include "lint/checks/clang_thread_safety_report.h"
#include "lint/checks/field_rules.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace lockstep::lint {
namespace {

// A pointer field a constructor makes the object for (`mu_(new Mutex)`,
// `mutex_(sqlite3_mutex_alloc(SQLITE_MUTEX_FAST))`), rather than one it is
// given.
bool CreatedByTheClass(const clang::FieldDecl* field) {
  const auto* record = llvm::dyn_cast<clang::CXXRecordDecl>(field->getParent());
  if (record == nullptr || !field->getType()->isPointerType()) return false;
  for (const clang::CXXConstructorDecl* constructor : record->ctors()) {
    for (const clang::CXXCtorInitializer* init : constructor->inits()) {
      if (init->getMember() != field || init->getInit() == nullptr) continue;
      const clang::Expr* value = init->getInit()->IgnoreImplicit();
      if (llvm::isa<clang::CXXNewExpr>(value)) return true;
      if (const auto* call = llvm::dyn_cast<clang::CallExpr>(value)) {
        if (!llvm::isa<clang::CXXMemberCallExpr>(call) &&
            call->getDirectCallee() != nullptr)
          return true;
      }
    }
  }
  return false;
}

// A lock, atomic, condition variable or thread held by value, or made by
// the class itself: the class synchronizes something of its own. A pointer
// or reference to one it is given is lent by the class's owner and shows
// only that the owner is shared.
bool OwnsSynchronization(const clang::RecordDecl* record) {
  for (const clang::FieldDecl* field : record->fields()) {
    clang::QualType type = field->getType();
    if (type->isPointerType() || type->isReferenceType()) {
      if ((CreatedByTheClass(field) ||
           IsOpaqueLockHandle(type->getPointeeType())) &&
          IsConcurrencyPrimitive(type->getPointeeType())) {
        return true;
      }
      continue;
    }
    if (IsConcurrencyPrimitive(type)) return true;
  }
  return false;
}

// "path:line:column" of `location`, the same in every translation unit of a
// run: the path as the compiler found it, without "./" or "..".
std::string LocationKey(const clang::SourceManager& sources,
                        clang::SourceLocation location) {
  clang::PresumedLoc presumed =
      sources.getPresumedLoc(sources.getFileLoc(location));
  if (presumed.isInvalid()) return "";
  llvm::SmallString<256> path(presumed.getFilename());
  llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
  // Relative to the working directory where possible: Bazel runs each file's
  // action in a sandbox of its own, under a different absolute path.
  static const std::string* const cwd = [] {
    llvm::SmallString<256> dir;
    llvm::sys::fs::current_path(dir);
    return new std::string(std::string(dir) + "/");
  }();
  std::string file(path);
  if (llvm::StringRef(file).startswith(*cwd)) file.erase(0, cwd->size());
  return file + ":" + std::to_string(presumed.getLine()) + ":" +
         std::to_string(presumed.getColumn());
}

}  // namespace

UnguardedFieldCheck::UnguardedFieldCheck(llvm::StringRef name,
                                         clang::tidy::ClangTidyContext* context)
    : TranslationUnitCheck(name, context),
      min_guarded_accesses_(Options.get("MinGuardedAccesses", 2U)),
      suggest_annotations_(BoolOption("SuggestAnnotations", false)),
      report_clang_disagreements_(
          BoolOption("ReportClangDisagreements", false)) {}

void UnguardedFieldCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap& options) {
  Options.store(options, "MinGuardedAccesses", min_guarded_accesses_);
  Options.store(options, "SuggestAnnotations",
                suggest_annotations_ ? "true" : "false");
  Options.store(options, "ReportClangDisagreements",
                report_clang_disagreements_ ? "true" : "false");
}

void UnguardedFieldCheck::CheckTranslationUnit(TranslationUnitIndex& index) {
  index_ = &index;
  const AccessesByField& accesses = index.accesses_by_field();
  std::map<const clang::FieldDecl*, std::vector<const FieldAccess*>>
      other_objects;
  for (const FieldAccess& access :
       index.analysis().results().other_object_accesses) {
    other_objects[access.field].push_back(&access);
  }
  fields_under_lock_.clear();
  for (const clang::FieldDecl* field : accesses.fields()) {
    if (NeedsNoLock(field) || IsImmutable(field)) continue;
    for (const FieldAccess* access : accesses.Of(field)) {
      for (const auto& [key, exclusive] : access->held.held()) {
        fields_under_lock_[{access->context.named_function, key}].insert(field);
      }
    }
  }
  static const std::vector<const FieldAccess*> kNone;
  AccessSummary& summary = AccessSummary::Global();
  for (const clang::FieldDecl* field : accesses.fields()) {
    if (NeedsNoLock(field)) continue;
    if (summary.recording())
      RecordForOtherFiles(field, accesses.Of(field), index.sources());
    auto others = other_objects.find(field);
    JudgeField(field, accesses.Of(field),
               others == other_objects.end() ? kNone : others->second,
               index.context());
  }
  // What clang's own analysis proves from annotations, where the lint's
  // rules did not already say it.
  if (!summary.recording()) {
    ReportClangThreadSafety(*this, index,
                            {ClangThreadSafetyWarning::Kind::kAccess,
                             ClangThreadSafetyWarning::Kind::kCall},
                            report_clang_disagreements_);
  }
}

std::optional<UnguardedFieldCheck::Guard> UnguardedFieldCheck::DeclaredGuard(
    const clang::FieldDecl* field) {
  for (const auto* attr : field->specific_attrs<clang::GuardedByAttr>()) {
    if (std::optional<LockName> lock = NameLockExpr(attr->getArg())) {
      Guard guard;
      guard.key = lock->key;
      guard.display = lock->display;
      guard.declared = true;
      return guard;
    }
  }
  for (const auto* attr : field->specific_attrs<clang::PtGuardedByAttr>()) {
    if (std::optional<LockName> lock = NameLockExpr(attr->getArg())) {
      Guard guard;
      guard.key = lock->key;
      guard.display = lock->display;
      guard.declared = true;
      guard.pointee_only = true;
      return guard;
    }
  }
  std::string documented = DocumentedGuard(field);
  if (documented.empty()) return std::nullopt;
  for (const clang::FieldDecl* sibling : field->getParent()->fields()) {
    if (sibling->getName() == documented &&
        IsLockableType(sibling->getType())) {
      Guard guard;
      guard.key = ThisFieldKey(sibling);
      guard.display = documented;
      guard.declared = true;
      guard.documented = true;
      return guard;
    }
  }
  return std::nullopt;
}

void UnguardedFieldCheck::RecordForOtherFiles(
    const clang::FieldDecl* field,
    const std::vector<const FieldAccess*>& accesses,
    const clang::SourceManager& sources) {
  // Only fields declared in headers can be accessed by other files.
  if (sources.isInMainFile(sources.getFileLoc(field->getLocation()))) return;
  for (const FieldAccess* access : accesses) {
    if (!MayRunConcurrently(*access)) continue;
    SummarizedAccess summarized;
    summarized.field = FieldDisplayName(field);
    summarized.location = LocationKey(sources, access->expr->getMemberLoc());
    summarized.function = FunctionDisplayName(access->context.named_function);
    summarized.is_write = access->is_write;
    summarized.held = access->held;
    AccessSummary::Global().Record(std::move(summarized));
  }
}

namespace {

// A class's own fields, then those it inherits: a mutex from a base
// (LibreOffice's cppu::BaseMutex, spdlog's base_sink) guards the derived
// class's fields.
std::vector<const clang::FieldDecl*> FieldsWithInherited(
    const clang::RecordDecl* record) {
  std::vector<const clang::FieldDecl*> fields(record->field_begin(),
                                              record->field_end());
  if (const auto* cxx = llvm::dyn_cast<clang::CXXRecordDecl>(record)) {
    cxx->forallBases([&](const clang::CXXRecordDecl* base) {
      fields.insert(fields.end(), base->field_begin(), base->field_end());
      return true;
    });
  }
  return fields;
}

}  // namespace

std::optional<UnguardedFieldCheck::Guard> UnguardedFieldCheck::InferredGuard(
    const clang::FieldDecl* field,
    const std::vector<const FieldAccess*>& accesses,
    const clang::SourceManager& sources) {
  // Candidate guards: the lock fields of the class that declares the field,
  // held directly or through a pointer (ErrorHandler's `InstrumentedMutex*
  // db_mutex_`). A borrowed lock guards the lender's state; it guards the
  // borrower's own fields only when the borrower is itself shared (it owns
  // synchronization). A job object that a background thread creates, runs
  // and drops (RocksDB's FlushJob) holds the DB mutex for the DB's state.
  const clang::RecordDecl* record = field->getParent();
  bool owns_synchronization = OwnsSynchronization(record);
  std::map<std::string, Guard> candidates;
  for (const clang::FieldDecl* sibling : FieldsWithInherited(record)) {
    clang::QualType type = sibling->getType();
    bool borrowed = type->isPointerType() || type->isReferenceType();
    if (borrowed && !owns_synchronization) continue;
    // A plain struct holding a lock is one to the free functions that lock
    // it (GLib's GMutex).
    if (IsLockOrPointerToLock(type) ||
        (!borrowed && IsStructHoldingALock(type))) {
      std::string key = ThisFieldKey(sibling);
      Guard guard;
      guard.key = key;
      guard.display = sibling->getNameAsString();
      candidates[key] = guard;
    }
  }
  if (candidates.empty()) return std::nullopt;

  int counted = 0;
  // Accesses that hold a lock the class does not own (its callers' documented
  // "DB mutex"): when they are as many as the best guess's, that is the lock
  // that guards the field, and the lint cannot name it.
  int held_externally = 0;
  bool written_after_construction = WrittenWhileShared(accesses);
  std::map<std::string, bool> written_under;
  for (const FieldAccess* access : accesses) {
    if (!MayRunConcurrently(*access)) continue;
    ++counted;
    for (const auto& [key, exclusive] : access->held.held()) {
      if (IsExternalLockKey(key)) {
        ++held_externally;
        break;
      }
    }
    for (auto& [key, guard] : candidates) {
      if (!access->held.Holds(key)) continue;
      ++guard.held_count;
      if (access->is_write) written_under[key] = true;
      if (guard.evidence == nullptr ||
          (access->is_write && !guard.evidence->is_write)) {
        guard.evidence = access;
      }
    }
  }
  // Accesses in the other files of the run (a class whose methods are
  // defined in several .cc files), each counted once.
  if (const std::vector<SummarizedAccess>* others =
          AccessSummary::Global().Imported(FieldDisplayName(field))) {
    std::set<std::string> local;
    for (const FieldAccess* access : accesses)
      local.insert(LocationKey(sources, access->expr->getMemberLoc()));
    for (const SummarizedAccess& other : *others) {
      if (local.count(other.location) > 0) continue;
      ++counted;
      written_after_construction |= other.is_write;
      for (auto& [key, guard] : candidates) {
        if (!other.held.Holds(key)) continue;
        ++guard.held_count;
        if (other.is_write) written_under[key] = true;
        if (guard.evidence == nullptr && guard.external_evidence.empty()) {
          guard.external_evidence =
              std::string(other.is_write ? "written" : "read") +
              " while holding '" + guard.display + "' in '" + other.function +
              "' (" + other.location + ")";
        }
      }
    }
  }
  // Immutable after construction: sharing it needs no lock.
  if (!written_after_construction) return std::nullopt;

  // The rule (see the check's documentation): a mutex guards the field when
  // the field is written at least once while holding it, at least
  // MinGuardedAccesses accesses hold it, and at least half of all accesses
  // outside constructors and destructors hold it. Ties between mutexes are
  // ambiguous and infer nothing.
  // Mutexes held equally often (always together) are equivalent guesses.
  std::optional<Guard> best;
  // A write in a critical section that touches nothing else is evidence
  // enough, however often the field is read without the lock: whoever wrote
  // it took the lock for it alone (spdlog's backtracer pushes under its
  // mutex and pops without).
  // Only when no access holds another of the class's locks: accesses under
  // different locks leave it unclear which is meant (the closure check's
  // "each side holds a lock, but not the same one").
  std::set<std::string> dedicated;
  std::set<std::string> held_by_some;
  for (const FieldAccess* access : accesses) {
    if (!MayRunConcurrently(*access)) continue;
    for (const auto& [key, guard] : candidates) {
      if (access->held.Holds(key)) held_by_some.insert(key);
      if (access->is_write && access->held.HoldsExclusive(key) &&
          InDedicatedSection(*access, key) && !IsFirstUseInit(*access)) {
        dedicated.insert(key);
      }
    }
  }
  // A resource closed and reopened under the lock is
  // concurrency-use-after-close's to judge.
  if (held_by_some.size() > 1 || *ResourceKindOf(field) != '\0')
    dedicated.clear();
  for (auto& [key, guard] : candidates) {
    if (!written_under[key]) continue;
    if (dedicated.count(key) == 0 &&
        (guard.held_count < static_cast<int>(min_guarded_accesses_) ||
         guard.held_count * 2 < counted)) {
      continue;
    }
    guard.from_dedicated_section =
        dedicated.count(key) > 0 &&
        (guard.held_count < static_cast<int>(min_guarded_accesses_) ||
         guard.held_count * 2 < counted);
    if (!best || guard.held_count > best->held_count) {
      best = guard;
      best->equivalent_keys = {key};
    } else if (guard.held_count == best->held_count) {
      best->equivalent_keys.push_back(key);
    }
  }
  if (!best || held_externally >= best->held_count) return std::nullopt;
  // Written holding several locks, read holding any of them ("writes hold
  // both mutex_ and wal_write_mutex_, reads either"): every lock that all
  // writes hold keeps readers out of a write.
  std::set<std::string> held_by_every_write;
  bool first_write = true;
  for (const FieldAccess* access : accesses) {
    if (!MayRunConcurrently(*access) || !access->is_write) continue;
    std::set<std::string> held;
    for (const auto& [key, guard] : candidates) {
      if (access->held.HoldsExclusive(key)) held.insert(key);
    }
    if (first_write) {
      held_by_every_write = std::move(held);
      first_write = false;
    } else {
      std::set<std::string> both;
      for (const std::string& key : held_by_every_write) {
        if (held.count(key) > 0) both.insert(key);
      }
      held_by_every_write = std::move(both);
    }
  }
  if (held_by_every_write.size() > 1 &&
      held_by_every_write.count(best->key) > 0) {
    best->equivalent_keys.assign(held_by_every_write.begin(),
                                 held_by_every_write.end());
  }
  best->counted = counted;
  return best;
}

namespace {

// True when a call in `function` is given the lock named `key` as an
// argument, other than to lock, unlock or assert it: the lock is held there
// because the callee's protocol asks for it (RocksDB's
// `LogAndApply(..., &mutex_)`), not for the fields around the call.
bool HandsLockToACalleeIn(const clang::FunctionDecl* function,
                          const std::string& key) {
  if (function == nullptr || function->getBody() == nullptr) return false;
  bool hands = false;
  ForEachStmt(function->getBody(), [&](const clang::Stmt* stmt) {
    const auto* call = llvm::dyn_cast<clang::CallExpr>(stmt);
    if (hands || call == nullptr || call->getNumArgs() == 0) return;
    const clang::FunctionDecl* callee = call->getDirectCallee();
    if (callee == nullptr || LockEffectOf(callee) != LockEffect::kNone ||
        ParameterLockOperation(callee)) {
      return;
    }
    if (callee->getDeclName().isIdentifier()) {
      llvm::StringRef name = callee->getName();
      if (PlatformLockOperation(name) || IsPlatformLockLifetimeFunction(name) ||
          AssertsHeldNamed(name) || LockOperationNamed(name)) {
        return;
      }
    }
    for (const clang::Expr* argument : call->arguments()) {
      std::optional<LockName> lock = NameLockExpr(argument);
      if (lock && lock->key == key &&
          IsLockOrPointerToLock(argument->getType().getNonReferenceType())) {
        hands = true;
        return;
      }
    }
  });
  return hands;
}

}  // namespace

bool UnguardedFieldCheck::IsFirstUseInit(const FieldAccess& access) const {
  if (index_ == nullptr) return false;
  const ExpressionContext& expressions =
      index_->ExpressionsOf(access.context.named_function);
  for (const clang::Stmt* parent = expressions.Parent(access.expr);
       parent != nullptr; parent = expressions.Parent(parent)) {
    const auto* test = llvm::dyn_cast<clang::IfStmt>(parent);
    if (test == nullptr || test->getCond() == nullptr) continue;
    bool tests_field = false;
    ForEachStmt(test->getCond(), [&](const clang::Stmt* stmt) {
      const auto* member = llvm::dyn_cast<clang::MemberExpr>(stmt);
      tests_field |=
          member != nullptr && member->getMemberDecl() == access.field;
    });
    if (tests_field) return true;
  }
  return false;
}

bool UnguardedFieldCheck::InDedicatedSection(const FieldAccess& access,
                                             const std::string& key) const {
  auto fields = fields_under_lock_.find({access.context.named_function, key});
  return fields != fields_under_lock_.end() && fields->second.size() == 1 &&
         *fields->second.begin() == access.field &&
         !HandsLockToACalleeIn(access.context.named_function, key);
}

bool UnguardedFieldCheck::WrittenWhileShared(
    const std::vector<const FieldAccess*>& accesses) const {
  for (const FieldAccess* access : accesses) {
    // A write after the threads that used the field are done (a reset in
    // teardown), or before they start, leaves it unchanged for as long as
    // they run.
    if (MayRunConcurrently(*access) && access->is_write &&
        !AfterTheWorkIsDone(*access) &&
        !(index_ != nullptr && BeforeItsThreadStarts(*access, *index_))) {
      return true;
    }
  }
  return false;
}

void UnguardedFieldCheck::ReportEscapesFromDedicatedSections(
    const clang::FieldDecl* field,
    const std::vector<const FieldAccess*>& accesses) {
  if (!WrittenWhileShared(accesses)) return;
  for (const FieldAccess* access : accesses) {
    if (!access->escapes || access->context.no_analysis ||
        !MayRunConcurrently(*access)) {
      continue;
    }
    for (const clang::FieldDecl* lock :
         FieldsWithInherited(field->getParent())) {
      std::string key = ThisFieldKey(lock);
      if (!IsLockOrPointerToLock(lock->getType()) || !access->held.Holds(key) ||
          access->entry_held.Holds(key) || !InDedicatedSection(*access, key)) {
        continue;
      }
      Guard guard;
      guard.key = key;
      guard.display = lock->getNameAsString();
      ReportEscape(field, *access, guard);
      break;
    }
  }
}

bool UnguardedFieldCheck::AfterTheWorkIsDone(const FieldAccess& access) const {
  return index_ != nullptr && AfterItsThreadsAreJoined(access, *index_);
}

void UnguardedFieldCheck::JudgeField(
    const clang::FieldDecl* field,
    const std::vector<const FieldAccess*>& accesses,
    const std::vector<const FieldAccess*>& other_objects,
    clang::ASTContext& context) {
  std::optional<Guard> guard = DeclaredGuard(field);
  if (!guard && !IsImmutable(field))
    guard = InferredGuard(field, accesses, context.getSourceManager());
  if (!guard) {
    if (!IsImmutable(field))
      ReportEscapesFromDedicatedSections(field, accesses);
    return;
  }
  if (guard->equivalent_keys.empty()) guard->equivalent_keys = {guard->key};
  // Whether clang's -Wthread-safety would accept GUARDED_BY on this field:
  // every access holds the guard in a way it can see.
  bool annotation_holds = !guard->declared && !guard->pointee_only &&
                          guard->equivalent_keys.size() == 1;
  for (const FieldAccess* access : accesses) {
    if (access->context.no_analysis) continue;
    const clang::FunctionDecl* function = access->context.named_function;
    bool in_structor = llvm::isa<clang::CXXConstructorDecl>(function) ||
                       llvm::isa<clang::CXXDestructorDecl>(function);
    if (!in_structor || access->context.in_lambda) {
      bool held = access->is_write ? access->held.HoldsExclusive(guard->key)
                                   : access->held.Holds(guard->key);
      bool visible_to_clang =
          held && !access->escapes && !access->context.in_lambda &&
          (!access->entry_held.Holds(guard->key) ||
           function->hasAttr<clang::RequiresCapabilityAttr>());
      annotation_holds &= visible_to_clang;
    }
    if (!MayRunConcurrently(*access)) continue;
    if (guard->pointee_only && !access->is_dereference) continue;
    // A closure touching a field that only a dedicated section locks is
    // concurrency-closure-captures-mutable's finding: it has no guard by
    // the majority of its accesses.
    if (guard->from_dedicated_section && access->context.deferred) continue;
    std::string held_key;  // the guard (of the equivalent ones) that is held
    for (const std::string& key : guard->equivalent_keys) {
      if (access->held.Holds(key)) held_key = key;
    }
    if (held_key.empty()) {
      // An inferred guard yields to reads in a window the code opened on
      // purpose (the writer at the head of a queue reading the log it owns
      // while I/O runs unlocked); a write there races with every writer
      // that holds the lock.
      if (!guard->declared && !access->is_write &&
          access->in_unlock_window.count(guard->key) > 0) {
        continue;
      }
      // So does a read after the function joined the threads (a total
      // printed once every worker is joined): what they wrote under the
      // lock is complete. The accesses it is inferred from stay counted.
      if (!guard->declared && !access->is_write && AfterTheWorkIsDone(*access))
        continue;
      // And to what a function does before it starts the thread that
      // shares the object (Start() setting the state its thread reads).
      if (!guard->declared && index_ != nullptr &&
          BeforeItsThreadStarts(*access, *index_)) {
        continue;
      }
      Report(field, *access, *guard, /*shared_only=*/false);
    } else if (access->is_write && !guard->pointee_only &&
               !access->held.HoldsExclusive(held_key)) {
      Report(field, *access, *guard, /*shared_only=*/true);
    } else if (access->escapes && !access->entry_held.Holds(held_key)) {
      ReportEscape(field, *access, *guard);
    }
  }
  // clang's analysis checks other objects' fields against a declared guard.
  if (!guard->declared || guard->documented)
    JudgeOtherObjects(field, other_objects, *guard);
  if (annotation_holds && suggest_annotations_)
    SuggestAnnotation(field, *guard, context);
}

void UnguardedFieldCheck::JudgeOtherObjects(
    const clang::FieldDecl* field,
    const std::vector<const FieldAccess*>& accesses, const Guard& guard) {
  if (guard.pointee_only) return;
  llvm::StringRef this_prefix = "this.";
  for (const FieldAccess* access : accesses) {
    if (access->context.no_analysis) continue;
    bool held = false;
    for (llvm::StringRef key : guard.equivalent_keys) {
      if (!key.startswith(this_prefix)) continue;
      std::string theirs =
          access->object + "." + key.drop_front(this_prefix.size()).str();
      held |= access->is_write ? access->held.HoldsExclusive(theirs)
                               : access->held.Holds(theirs);
    }
    if (held || guard.equivalent_keys.empty() ||
        !llvm::StringRef(guard.equivalent_keys.front()).startswith(this_prefix))
      continue;
    clang::SourceLocation location = access->expr->getMemberLoc();
    if (!FirstReport(location, field->getNameAsString())) continue;
    std::string object = "the other object";
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(
            access->expr->getBase()->IgnoreParenImpCasts())) {
      object = ref->getDecl()->getNameAsString();
    }
    diag(location,
         "field '%0' of '%1' is %2 in %3 without holding '%1%4%5', which "
         "guards '%0' in every object; '%1' may be in use on another thread")
        << field->getNameAsString() << object
        << (access->is_write ? "written" : "read") << WhereAccessed(*access)
        << (access->expr->isArrow() ? "->" : ".") << guard.display;
    diag(location,
         "lock '%0%1%2' first, as the accesses to this object's fields hold "
         "'%2'",
         clang::DiagnosticIDs::Note)
        << object << (access->expr->isArrow() ? "->" : ".") << guard.display;
  }
}

void UnguardedFieldCheck::Report(const clang::FieldDecl* field,
                                 const FieldAccess& access, const Guard& guard,
                                 bool shared_only) {
  clang::SourceLocation location = access.expr->getMemberLoc();
  if (!FirstReport(location, field->getNameAsString())) return;
  std::string verb = access.is_write ? "written" : "read";
  if (guard.pointee_only) verb = "dereferenced";
  std::string field_name = field->getNameAsString();
  if (shared_only) {
    diag(location,
         "field '%0' is written in %1 while holding '%2' only shared; "
         "writes need it exclusively")
        << field_name << WhereAccessed(access) << guard.display;
  } else if (guard.declared) {
    diag(location,
         "field '%0' is %1 in %2 without holding '%3', which guards it")
        << field_name << verb << WhereAccessed(access) << guard.display;
  } else if (guard.from_dedicated_section) {
    diag(location,
         "field '%0' is %1 in %2 without holding '%3'; it is written in a "
         "critical section of '%3' that touches nothing else, so '%3' is "
         "inferred to guard '%0'")
        << field_name << verb << WhereAccessed(access) << guard.display;
  } else {
    diag(location,
         "field '%0' is %1 in %2 without holding '%3'; %4 of its %5 accesses "
         "hold '%3', so it is inferred to guard '%0'")
        << field_name << verb << WhereAccessed(access) << guard.display
        << guard.held_count << guard.counted;
  }
  if (guard.documented) {
    diag(field->getLocation(), "'%0' is documented as guarded by '%1' here",
         clang::DiagnosticIDs::Note)
        << field_name << guard.display;
  } else if (guard.declared) {
    diag(field->getLocation(), "'%0' is declared guarded by '%1' here",
         clang::DiagnosticIDs::Note)
        << field_name << guard.display;
  } else if (guard.evidence == nullptr && !guard.external_evidence.empty()) {
    diag(field->getLocation(), "'%0' is %1", clang::DiagnosticIDs::Note)
        << field_name << guard.external_evidence;
  } else if (guard.evidence != nullptr) {
    diag(guard.evidence->expr->getMemberLoc(),
         "'%0' is %1 while holding '%2' here, in %3",
         clang::DiagnosticIDs::Note)
        << field_name << (guard.evidence->is_write ? "written" : "read")
        << guard.display << WhereAccessed(*guard.evidence);
  }
}

std::string UnguardedFieldCheck::GuardedBySpelling() const {
  if (preprocessor_ != nullptr) {
    if (preprocessor_->isMacroDefined("ABSL_GUARDED_BY"))
      return "ABSL_GUARDED_BY";
    if (preprocessor_->isMacroDefined("GUARDED_BY")) return "GUARDED_BY";
  }
  return "";
}

void UnguardedFieldCheck::SuggestAnnotation(const clang::FieldDecl* field,
                                            const Guard& guard,
                                            clang::ASTContext& context) {
  // clang only accepts guards whose type is a capability (absl::Mutex, an
  // annotated mutex class), not std::mutex.
  const clang::FieldDecl* lock = nullptr;
  for (const clang::FieldDecl* sibling : field->getParent()->fields()) {
    if (ThisFieldKey(sibling) == guard.key) lock = sibling;
  }
  if (lock == nullptr) return;
  const clang::CXXRecordDecl* lock_type =
      lock->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (lock_type == nullptr || !lock_type->hasAttr<clang::CapabilityAttr>())
    return;
  const clang::SourceManager& sources = context.getSourceManager();
  if (field->getLocation().isMacroID() || field->isBitField() ||
      !IsUserCode(sources, field->getLocation())) {
    return;
  }
  if (!FirstReport(field->getLocation(), "annotate")) return;
  // The attribute goes after the whole declarator: `int counts_[4] ATTR;`.
  clang::SourceLocation end = field->getLocation();
  if (clang::TypeSourceInfo* type = field->getTypeSourceInfo()) {
    clang::SourceLocation type_end = type->getTypeLoc().getEndLoc();
    if (type_end.isValid() && !type_end.isMacroID() &&
        sources.isBeforeInTranslationUnit(end, type_end)) {
      end = type_end;
    }
  }
  clang::SourceLocation insert_at =
      clang::Lexer::getLocForEndOfToken(end, 0, sources, context.getLangOpts());
  std::string spelling = GuardedBySpelling();
  std::string attribute =
      spelling.empty() ? "__attribute__((guarded_by(" + guard.display + ")))"
                       : spelling + "(" + guard.display + ")";
  diag(field->getLocation(),
       "field '%0' is always accessed holding '%1'; declare it %2 so that "
       "clang's -Wthread-safety enforces that on every build")
      << field->getNameAsString() << guard.display << attribute
      << clang::FixItHint::CreateInsertion(insert_at, " " + attribute);
}

void UnguardedFieldCheck::ReportEscape(const clang::FieldDecl* field,
                                       const FieldAccess& access,
                                       const Guard& guard) {
  std::string field_name = field->getNameAsString();
  // At the return, where the reference leaves the lock's scope.
  clang::SourceLocation location = access.escaping_return != nullptr
                                       ? access.escaping_return->getBeginLoc()
                                       : access.expr->getMemberLoc();
  if (!FirstReport(location, "escape:" + field_name)) return;
  diag(location,
       "a reference to field '%0' escapes %1 past the release of '%2', which "
       "guards it; callers use it unlocked")
      << field_name << WhereAccessed(access) << guard.display;
  diag(location,
       "return a copy, or require the caller to hold '%0' "
       "(ABSL_EXCLUSIVE_LOCKS_REQUIRED)",
       clang::DiagnosticIDs::Note)
      << guard.display;
}

}  // namespace lockstep::lint
