#include "lint/checks/field_rules.h"

#include <string>

#include "clang/AST/Attr.h"
#include "lint/analysis/field_documentation.h"
#include "lint/analysis/lock_model.h"
#include "lint/analysis/thread_model.h"

namespace lockstep::lint {

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

std::string WhereAccessed(const FieldAccess& access) {
  std::string where =
      "'" + FunctionDisplayName(access.context.named_function) + "'";
  if (access.context.deferred) {
    where = "a lambda in " + where + " that runs later or on another thread";
  }
  return where;
}

}  // namespace lockstep::lint
