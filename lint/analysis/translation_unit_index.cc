#include "lint/analysis/translation_unit_index.h"

#include <memory>
#include <vector>

#include "lint/analysis/thread_model.h"
#include "lint/analysis/user_code.h"

namespace lockstep::lint {
namespace {

thread_local const clang::ASTContext* cached_context = nullptr;
thread_local std::unique_ptr<TranslationUnitIndex> cached_index;

// Finds the thread starts in user code, and the named function each is in.
class ThreadStartCollector : public UserCodeVisitor<ThreadStartCollector> {
 public:
  explicit ThreadStartCollector(const clang::SourceManager& sources)
      : UserCodeVisitor(sources) {}

  bool VisitCXXConstructExpr(clang::CXXConstructExpr* construct) {
    Add(construct);
    return true;
  }
  bool VisitCallExpr(clang::CallExpr* call) {
    Add(call);
    return true;
  }

  std::vector<ThreadStart> starts;

 private:
  void Add(const clang::Expr* start) {
    const clang::Expr* callable = ThreadStartCallable(start);
    if (callable == nullptr || callable->isValueDependent()) return;
    starts.push_back(ThreadStart{start, callable, CallableFunction(callable),
                                 named_function()});
  }
};

}  // namespace

AccessesByField::AccessesByField(const AnalysisResults& results) {
  for (const FieldAccess& access : results.accesses) {
    std::vector<const FieldAccess*>& list = by_field_[access.field];
    if (list.empty()) fields_.push_back(access.field);
    list.push_back(&access);
  }
}

const std::vector<const FieldAccess*>& AccessesByField::Of(
    const clang::FieldDecl* field) const {
  static const std::vector<const FieldAccess*>* const kNone =
      new std::vector<const FieldAccess*>();
  auto it = by_field_.find(field);
  return it == by_field_.end() ? *kNone : it->second;
}

TranslationUnitIndex::TranslationUnitIndex(clang::ASTContext& context)
    : context_(context) {}

TranslationUnitIndex::~TranslationUnitIndex() = default;

TranslationUnitIndex& TranslationUnitIndex::For(clang::ASTContext& context) {
  if (cached_context != &context || cached_index == nullptr) {
    cached_index = std::make_unique<TranslationUnitIndex>(context);
    cached_context = &context;
  }
  return *cached_index;
}

void TranslationUnitIndex::ForgetCached() {
  cached_index.reset();
  cached_context = nullptr;
}

const TranslationUnitAnalysis& TranslationUnitIndex::analysis() {
  if (analysis_ == nullptr) {
    analysis_ =
        std::make_unique<TranslationUnitAnalysis>(context_, &expressions_);
  }
  return *analysis_;
}

const AccessesByField& TranslationUnitIndex::accesses_by_field() {
  if (!accesses_by_field_) accesses_by_field_.emplace(analysis().results());
  return *accesses_by_field_;
}

const ExpressionContext& TranslationUnitIndex::ExpressionsOf(
    const clang::FunctionDecl* function) {
  return expressions_.Of(function);
}

const std::vector<clang::SourceLocation>& TranslationUnitIndex::JoinsIn(
    const clang::FunctionDecl* function) {
  auto it = joins_.find(function);
  if (it == joins_.end())
    it = joins_.emplace(function, JoinLocations(function)).first;
  return it->second;
}

const SharedClasses& TranslationUnitIndex::shared_classes() {
  if (!shared_classes_)
    shared_classes_.emplace(analysis().results(), expressions_);
  return *shared_classes_;
}

const std::vector<ThreadStart>& TranslationUnitIndex::thread_starts() {
  if (!thread_starts_) {
    ThreadStartCollector collector(sources());
    collector.TraverseDecl(context_.getTranslationUnitDecl());
    thread_starts_ = std::move(collector.starts);
  }
  return *thread_starts_;
}

const std::vector<JudgedClangWarning>&
TranslationUnitIndex::clang_thread_safety() {
  if (!clang_thread_safety_) {
    clang_thread_safety_ = JudgeAgainstLockset(RunClangThreadSafety(context_),
                                               analysis().results());
  }
  return *clang_thread_safety_;
}

}  // namespace lockstep::lint
