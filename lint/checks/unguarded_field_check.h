// concurrency-unguarded-field: a field read or written without the mutex that
// guards it, where the guard is declared (GUARDED_BY, PT_GUARDED_BY) or
// inferred from the class's other accesses. See
// lint/docs/concurrency-unguarded-field.md.
#ifndef LOCKSTEP_LINT_CHECKS_UNGUARDED_FIELD_CHECK_H_
#define LOCKSTEP_LINT_CHECKS_UNGUARDED_FIELD_CHECK_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "clang/Lex/Preprocessor.h"
#include "lint/analysis/function_analyzer.h"
#include "lint/checks/translation_unit_check.h"

namespace lockstep::lint {

class UnguardedFieldCheck : public TranslationUnitCheck {
 public:
  UnguardedFieldCheck(llvm::StringRef name,
                      clang::tidy::ClangTidyContext* context);

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap& options) override;
  void registerPPCallbacks(const clang::SourceManager& sources,
                           clang::Preprocessor* preprocessor,
                           clang::Preprocessor* module_expander) override {
    preprocessor_ = preprocessor;
  }

 private:
  void CheckTranslationUnit(TranslationUnitIndex& index) override;

  struct Guard {
    std::string key;
    std::string display;
    // Mutexes that are equally good guesses (always held together, as by
    // std::scoped_lock): holding any of them counts.
    std::vector<std::string> equivalent_keys;
    bool declared = false;      // GUARDED_BY rather than inferred
    bool documented = false;    // declared by a comment ("guarded by mu_")
    bool pointee_only = false;  // PT_GUARDED_BY
    const FieldAccess* evidence = nullptr;  // an access that holds it
    // The same, in another file of the run, when no access here holds it.
    std::string external_evidence;
    int held_count = 0;
    int counted = 0;
    // Inferred from a write in a critical section for this field alone,
    // not from the share of accesses that hold it.
    bool from_dedicated_section = false;
  };

  void JudgeField(const clang::FieldDecl* field,
                  const std::vector<const FieldAccess*>& accesses,
                  const std::vector<const FieldAccess*>& other_objects,
                  clang::ASTContext& context);
  // The accesses to the field of another object of the class (`other.n_`
  // in operator=), held to the guard the class's own accesses show.
  void JudgeOtherObjects(const clang::FieldDecl* field,
                         const std::vector<const FieldAccess*>& accesses,
                         const Guard& guard);
  std::optional<Guard> DeclaredGuard(const clang::FieldDecl* field);
  // With no guard declared or inferred: a function that takes a lock for
  // this field alone and returns a reference into it (`{ lock_guard l(mu_);
  // return file_.name(); }`) shows the lock is meant for the field, and
  // hands its insides past it. Reported only for a field written while the
  // object is shared; an immutable one needs no lock.
  void ReportEscapesFromDedicatedSections(
      const clang::FieldDecl* field,
      const std::vector<const FieldAccess*>& accesses);
  // Some access writes the field while other threads may use it: not in a
  // constructor, destructor or teardown, nor before its threads start.
  bool WrittenWhileShared(
      const std::vector<const FieldAccess*>& accesses) const;
  std::optional<Guard> InferredGuard(
      const clang::FieldDecl* field,
      const std::vector<const FieldAccess*>& accesses,
      const clang::SourceManager& sources);
  // Adds the accesses to a header-declared field to the run's summary.
  void RecordForOtherFiles(const clang::FieldDecl* field,
                           const std::vector<const FieldAccess*>& accesses,
                           const clang::SourceManager& sources);
  void Report(const clang::FieldDecl* field, const FieldAccess& access,
              const Guard& guard, bool shared_only);
  // Suggests declaring an inferred guard that every access already holds, as
  // a fix-it that adds GUARDED_BY to the field's declaration.
  void SuggestAnnotation(const clang::FieldDecl* field, const Guard& guard,
                         clang::ASTContext& context);
  // The spelling of the guarded_by attribute this file already has.
  std::string GuardedBySpelling() const;
  void ReportEscape(const clang::FieldDecl* field, const FieldAccess& access,
                    const Guard& guard);

  // True when `access` comes after a join or a drain of the object's work
  // in its function (teardown: CloseHelper resetting what the jobs used).
  bool AfterTheWorkIsDone(const FieldAccess& access) const;

  // True when `access` writes the field holding `key` in a function whose
  // accesses under `key` touch no other field: the lock was taken for this
  // field alone (`{ lock_guard l(mu_); level_ = level; }`).
  bool InDedicatedSection(const FieldAccess& access,
                          const std::string& key) const;
  // True when the write `access` sits under an `if` that tests the field
  // itself: initialisation on first use, concurrency-lazy-init-race's to
  // judge, not evidence of what guards the field's later reads.
  bool IsFirstUseInit(const FieldAccess& access) const;

  // The translation unit being checked, while CheckTranslationUnit runs.
  TranslationUnitIndex* index_ = nullptr;
  // For each function and lock held in it, the fields accessed holding it
  // (locks, atomics and immutable fields aside), while
  // CheckTranslationUnit runs.
  std::map<std::pair<const clang::FunctionDecl*, std::string>,
           std::set<const clang::FieldDecl*>>
      fields_under_lock_;

  // Minimum number of accesses that must hold a mutex before it is inferred
  // to guard a field (option MinGuardedAccesses).
  const unsigned min_guarded_accesses_;
  // Option SuggestAnnotations: report unannotated fields whose inferred
  // guard every access holds, with a fix-it adding the annotation.
  const bool suggest_annotations_;
  // Option ReportClangDisagreements: also report clang's -Wthread-safety
  // warnings that the lint's lockset disputes, as disagreements.
  const bool report_clang_disagreements_;
  clang::Preprocessor* preprocessor_ = nullptr;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_CHECKS_UNGUARDED_FIELD_CHECK_H_
