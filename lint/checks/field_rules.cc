#include "lint/checks/field_rules.h"

#include <string>

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "lint/analysis/field_documentation.h"
#include "lint/analysis/lock_model.h"
#include "lint/analysis/thread_model.h"

namespace lockstep::lint {
namespace {

bool HasCloseMethod(const clang::CXXRecordDecl* record) {
  if (record == nullptr || !record->hasDefinition()) return false;
  for (const clang::CXXMethodDecl* method : record->methods()) {
    if (method->getDeclName().isIdentifier() &&
        (method->getName() == "Close" || method->getName() == "close")) {
      return true;
    }
  }
  return false;
}

bool IsFileStruct(clang::QualType type) {
  const clang::RecordDecl* record = type.getCanonicalType()->getAsRecordDecl();
  return record != nullptr && record->getName() == "_IO_FILE";
}

bool LooksLikeDescriptorName(llvm::StringRef name) {
  std::string lower = name.rtrim('_').lower();
  llvm::StringRef trimmed(lower);
  return trimmed == "fd" || trimmed.endswith("_fd") || trimmed.endswith("fd") ||
         trimmed.contains("socket") || trimmed.contains("descriptor") ||
         trimmed == "sock";
}

}  // namespace

const char* ResourceKindOf(const clang::FieldDecl* field) {
  clang::QualType type = field->getType();
  if (type->isPointerType()) {
    clang::QualType pointee = type->getPointeeType();
    if (IsFileStruct(pointee)) return "FILE";
    if (HasCloseMethod(pointee->getAsCXXRecordDecl())) return "object";
    return "";
  }
  if (type->isIntegerType() && !type->isBooleanType()) {
    return LooksLikeDescriptorName(field->getName()) ? "file descriptor" : "";
  }
  const auto* record =
      llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
          type.getCanonicalType()->getAsCXXRecordDecl());
  if (record == nullptr) return "";
  std::string name = record->getQualifiedNameAsString();
  if (name == "std::basic_fstream" || name == "std::basic_ifstream" ||
      name == "std::basic_ofstream" || name == "std::basic_filebuf") {
    return "stream";
  }
  if ((name == "std::unique_ptr" || name == "std::shared_ptr") &&
      record->getTemplateArgs().size() > 0 &&
      record->getTemplateArgs()[0].getKind() == clang::TemplateArgument::Type) {
    clang::QualType owned = record->getTemplateArgs()[0].getAsType();
    if (IsFileStruct(owned)) return "FILE";
    if (HasCloseMethod(owned->getAsCXXRecordDecl())) return "object";
  }
  return "";
}

bool NeedsNoLock(const clang::FieldDecl* field) {
  clang::QualType type = field->getType();
  if (IsConcurrencyPrimitive(type)) return true;
  // A plain struct holding a lock (GLib's GMutex, OpenMP's omp_lock_t) is a
  // lock to the functions that take it; its own fields are judged apart.
  if (!type->isPointerType() && IsStructHoldingALock(type)) return true;
  return IsDocumentedThreadConfined(field);
}

bool IsImmutable(const clang::FieldDecl* field) {
  clang::QualType type = field->getType();
  return type.isConstQualified() || type->isReferenceType();
}

bool HasDeclaredGuard(const clang::FieldDecl* field) {
  return field->hasAttr<clang::GuardedByAttr>() ||
         field->hasAttr<clang::PtGuardedByAttr>() ||
         !DocumentedGuard(field).empty();
}

bool MayRunConcurrently(const FieldAccess& access) {
  return !access.context.init_only && !access.context.no_analysis;
}

bool AfterItsThreadsAreJoined(const FieldAccess& access,
                              TranslationUnitIndex& index) {
  if (access.context.deferred || access.context.named_function == nullptr)
    return false;
  for (clang::SourceLocation join :
       index.JoinsIn(access.context.named_function)) {
    if (index.sources().isBeforeInTranslationUnit(join,
                                                  access.expr->getMemberLoc()))
      return true;
  }
  return false;
}

bool BeforeItsThreadStarts(const FieldAccess& access,
                           TranslationUnitIndex& index) {
  if (access.context.in_lambda || access.context.named_function == nullptr)
    return false;
  for (const ThreadStart& start : index.thread_starts()) {
    if (start.started_in == access.context.named_function &&
        index.sources().isBeforeInTranslationUnit(access.expr->getMemberLoc(),
                                                  start.start->getBeginLoc())) {
      return true;
    }
  }
  return false;
}

std::string WhereAccessed(const FieldAccess& access) {
  std::string where =
      "'" + FunctionDisplayName(access.context.named_function) + "'";
  if (access.context.deferred) {
    where = "a lambda in " + where + " that runs later or on another thread";
  }
  return where;
}

}  // namespace lockstep::lint
