#include "lint/analysis/translation_unit_index.h"

#include <memory>

namespace lockstep::lint {
namespace {

thread_local const clang::ASTContext* cached_context = nullptr;
thread_local std::unique_ptr<TranslationUnitIndex> cached_index;

}  // namespace

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
  if (analysis_ == nullptr)
    analysis_ = std::make_unique<TranslationUnitAnalysis>(context_);
  return *analysis_;
}

}  // namespace lockstep::lint
