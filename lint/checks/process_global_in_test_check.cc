#include "lint/checks/process_global_in_test_check.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"
#include "lint/analysis/expression_context.h"
#include "lint/analysis/lock_model.h"
#include "lint/analysis/thread_model.h"
#include "lint/analysis/user_code.h"

namespace lockstep::lint {
namespace {

// A call that changes process-wide state, what it changes, and what to do
// instead.
struct GlobalCall {
  llvm::StringRef name;
  llvm::StringRef state;
  llvm::StringRef alternative;
};

constexpr llvm::StringLiteral kEnvironmentFix =
    "pass the value explicitly (a settings struct or a parameter) instead of "
    "going through the environment";

const GlobalCall kGlobalCalls[] = {
    {"setenv", "the process's environment", kEnvironmentFix},
    {"putenv", "the process's environment", kEnvironmentFix},
    {"unsetenv", "the process's environment", kEnvironmentFix},
    {"clearenv", "the process's environment", kEnvironmentFix},
    {"chdir", "the process's working directory",
     "use absolute paths (or openat() on a directory descriptor) instead of "
     "changing directory"},
    {"fchdir", "the process's working directory",
     "use absolute paths (or openat() on a directory descriptor) instead of "
     "changing directory"},
    {"umask", "the process's file-creation mask",
     "pass the permissions to open()/mkdir() explicitly, or chmod() the file "
     "afterwards"},
    {"signal", "the process's signal handlers",
     "install handlers once in main(), or block the signal and wait for it "
     "with sigwait() on one thread"},
    {"sigaction", "the process's signal handlers",
     "install handlers once in main(), or block the signal and wait for it "
     "with sigwait() on one thread"},
    {"setlocale", "the process's global locale",
     "imbue the stream that needs it (stream.imbue(locale)) or pass the "
     "locale explicitly"},
};

constexpr llvm::StringLiteral kLocaleFix =
    "imbue the stream that needs it (stream.imbue(locale)) or pass the locale "
    "explicitly";

constexpr llvm::StringLiteral kSharedBy =
    "which every test and thread in the binary shares";

const GlobalCall* FindGlobalCall(const clang::FunctionDecl* callee) {
  if (callee == nullptr || !callee->getDeclName().isIdentifier())
    return nullptr;
  // The C library's functions, declared at global scope (std:: versions are
  // using-declarations of them); a project's own `signal()` in a namespace is
  // something else.
  const clang::DeclContext* scope =
      callee->getDeclContext()->getRedeclContext();
  if (!scope->isTranslationUnit() && !callee->isInStdNamespace())
    return nullptr;
  if (llvm::isa<clang::CXXMethodDecl>(callee)) return nullptr;
  for (const GlobalCall& call : kGlobalCalls) {
    if (callee->getName() == call.name) return &call;
  }
  return nullptr;
}

bool IsLocaleGlobal(const clang::FunctionDecl* callee) {
  const auto* method = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(callee);
  return method != nullptr && method->isStatic() &&
         method->getDeclName().isIdentifier() &&
         method->getName() == "global" &&
         method->getParent()->getDeclName().isIdentifier() &&
         method->getParent()->getName() == "locale" &&
         method->getParent()->isInStdNamespace();
}

bool IsTestingTest(const clang::CXXRecordDecl* record) {
  if (record == nullptr || !record->getDeclName().isIdentifier() ||
      record->getName() != "Test") {
    return false;
  }
  const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(
      record->getDeclContext()->getRedeclContext());
  return ns != nullptr && ns->getName() == "testing" &&
         ns->getParent()->getRedeclContext()->isTranslationUnit();
}

bool DerivesFromTestingTest(const clang::CXXRecordDecl* record, int depth = 0) {
  if (record == nullptr || !record->hasDefinition() || depth > 16) return false;
  for (const clang::CXXBaseSpecifier& base : record->getDefinition()->bases()) {
    const clang::CXXRecordDecl* base_record =
        base.getType()->getAsCXXRecordDecl();
    if (IsTestingTest(base_record) ||
        DerivesFromTestingTest(base_record, depth + 1)) {
      return true;
    }
  }
  return false;
}

// True when `location` is inside the statement of a death test
// (EXPECT_DEATH, ASSERT_EXIT, ...): GoogleTest runs it in a child process,
// whose process-wide state no other test shares.
bool InDeathTestStatement(clang::SourceLocation location,
                          const clang::SourceManager& sources,
                          const clang::LangOptions& options) {
  for (int steps = 0; location.isMacroID() && steps < 32; ++steps) {
    llvm::StringRef macro =
        clang::Lexer::getImmediateMacroName(location, sources, options);
    if (macro.contains("DEATH") || macro.endswith("_EXIT")) return true;
    location = sources.getImmediateMacroCallerLoc(location);
  }
  return false;
}

bool IsStringLikeType(clang::QualType type) {
  const clang::CXXRecordDecl* record =
      type.getNonReferenceType()->getAsCXXRecordDecl();
  return record != nullptr && record->getDeclName().isIdentifier() &&
         (record->getName() == "basic_string" ||
          record->getName() == "basic_string_view" ||
          record->getName() == "path" || record->getName() == "string_view");
}

// The text of a string literal argument, also when it was converted to a
// std::string or std::string_view parameter.
std::optional<std::string> StringLiteralValue(const clang::Expr* expr) {
  expr = StripWrappers(expr);
  if (const auto* construct =
          llvm::dyn_cast_or_null<clang::CXXConstructExpr>(expr)) {
    if (IsStringLikeType(construct->getType()) && construct->getNumArgs() > 0)
      expr = StripWrappers(construct->getArg(0));
  }
  const auto* literal = llvm::dyn_cast_or_null<clang::StringLiteral>(expr);
  if (literal == nullptr || !literal->isAscii()) return std::nullopt;
  return literal->getString().str();
}

// "Suite.Name" from the registration GoogleTest generates for a TEST, TEST_F
// or TEST_P class: the first call in a static member's initializer (or in
// AddToRegistry()) whose first two arguments are string literals.
std::optional<std::string> GoogleTestName(const clang::CXXRecordDecl* record) {
  std::optional<std::string> name;
  std::function<void(const clang::Stmt*)> visit = [&](const clang::Stmt* s) {
    if (s == nullptr || name) return;
    if (const auto* call = llvm::dyn_cast<clang::CallExpr>(s)) {
      if (call->getNumArgs() >= 2) {
        std::optional<std::string> suite = StringLiteralValue(call->getArg(0));
        std::optional<std::string> test = StringLiteralValue(call->getArg(1));
        if (suite && test) {
          name = *suite + "." + *test;
          return;
        }
      }
    }
    for (const clang::Stmt* child : s->children()) visit(child);
  };
  for (const clang::Decl* member : record->decls()) {
    if (const auto* var = llvm::dyn_cast<clang::VarDecl>(member)) {
      const clang::VarDecl* definition = var->getDefinition();
      if (definition != nullptr && definition->getInit() != nullptr)
        visit(definition->getInit());
    } else if (const auto* method =
                   llvm::dyn_cast<clang::CXXMethodDecl>(member)) {
      const clang::FunctionDecl* definition = nullptr;
      if (method->getDeclName().isIdentifier() &&
          method->getName() == "AddToRegistry" && method->hasBody(definition))
        visit(definition->getBody());
    }
    if (name) break;
  }
  return name;
}

// The description of a GoogleTest function for messages, or nothing when
// `function` is not a test body, fixture hook, or fixture constructor or
// destructor.
std::optional<std::string> TestFunctionDescription(
    const clang::FunctionDecl* function) {
  const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(function);
  if (method == nullptr || !DerivesFromTestingTest(method->getParent()))
    return std::nullopt;
  bool special = llvm::isa<clang::CXXConstructorDecl>(method) ||
                 llvm::isa<clang::CXXDestructorDecl>(method);
  llvm::StringRef name =
      method->getDeclName().isIdentifier() ? method->getName() : "";
  if (name == "TestBody") {
    if (std::optional<std::string> test = GoogleTestName(method->getParent()))
      return "test '" + *test + "'";
    return "test '" + method->getParent()->getNameAsString() + "'";
  }
  if (special || name == "SetUp" || name == "TearDown" ||
      name == "SetUpTestSuite" || name == "TearDownTestSuite" ||
      name == "SetUpTestCase" || name == "TearDownTestCase") {
    return "test fixture '" + FunctionDisplayName(method) + "'";
  }
  return std::nullopt;
}

// True when `location` is inside the arguments of a GoogleTest assertion:
// EXPECT_EQ(path, "/tmp/x") compares a path, it does not use one.
bool InAssertionMacro(clang::SourceLocation location,
                      const clang::SourceManager& sources,
                      const clang::LangOptions& options) {
  for (int steps = 0; location.isMacroID() && steps < 32; ++steps) {
    llvm::StringRef macro =
        clang::Lexer::getImmediateMacroName(location, sources, options);
    if (macro.startswith("EXPECT_") || macro.startswith("ASSERT_") ||
        macro.startswith("GTEST_")) {
      return true;
    }
    location = sources.getImmediateMacroCallerLoc(location);
  }
  return false;
}

// True when a string literal is used as a value: an argument to a call or a
// constructor, an assigned value, or a variable's initializer, possibly
// after conversion to a string and concatenation. Streaming it into a log or
// comparing it does not count.
bool IsUsedAsValue(const clang::StringLiteral* literal,
                   const ExpressionContext& expressions) {
  const clang::Stmt* child = literal;
  const clang::Stmt* parent = expressions.Parent(literal);
  for (int steps = 0; parent != nullptr && steps < 16; ++steps) {
    // A variable's initializer, or an init-capture's.
    if (llvm::isa<clang::DeclStmt>(parent) ||
        llvm::isa<clang::LambdaExpr>(parent)) {
      return true;
    }
    if (llvm::isa<clang::ImplicitCastExpr>(parent) ||
        llvm::isa<clang::ParenExpr>(parent) ||
        llvm::isa<clang::MaterializeTemporaryExpr>(parent) ||
        llvm::isa<clang::CXXBindTemporaryExpr>(parent) ||
        llvm::isa<clang::ExprWithCleanups>(parent) ||
        llvm::isa<clang::CXXFunctionalCastExpr>(parent)) {
      // A wrapper: look further up.
    } else if (const auto* op =
                   llvm::dyn_cast<clang::CXXOperatorCallExpr>(parent)) {
      if (op->getOperator() == clang::OO_Equal) return true;
      if (op->getOperator() != clang::OO_Plus) return false;
    } else if (const auto* construct =
                   llvm::dyn_cast<clang::CXXConstructExpr>(parent)) {
      if (!IsStringLikeType(construct->getType())) return true;
    } else if (const auto* call = llvm::dyn_cast<clang::CallExpr>(parent)) {
      return call->getCallee() != child;
    } else if (llvm::isa<clang::InitListExpr>(parent)) {
      return true;
    } else {
      return false;
    }
    child = parent;
    parent = expressions.Parent(parent);
  }
  return false;
}

// A literal naming a fixed file or directory in a shared temporary
// directory. A mkstemp()/mkdtemp() template ("/tmp/x-XXXXXX") is made unique
// by the call that fills it in.
bool IsFixedTempPath(llvm::StringRef text) {
  if (text.contains("XXXXXX")) return false;
  return text.startswith("/tmp/") || text.startswith("/var/tmp/") ||
         text.startswith("/dev/shm/");
}

// The non-zero port of "host:1234", "[::]:50051", "0.0.0.0:8080".
std::optional<unsigned> FixedPortOfAddress(llvm::StringRef address) {
  size_t colon = address.rfind(':');
  if (colon == llvm::StringRef::npos) return std::nullopt;
  unsigned port = 0;
  if (address.substr(colon + 1).getAsInteger(10, port) || port == 0)
    return std::nullopt;
  return port;
}

// The constant non-zero port a `sin_port = htons(N)` stores.
std::optional<unsigned> FixedPortValue(const clang::Expr* value,
                                       clang::ASTContext& context) {
  value = StripWrappers(value);
  // htons(N), or the macro's __bswap_16(N) / __uint16_identity(N).
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(value)) {
    if (call->getNumArgs() != 1) return std::nullopt;
    value = call->getArg(0);
  }
  if (value->isValueDependent()) return std::nullopt;
  clang::Expr::EvalResult result;
  if (!value->EvaluateAsInt(result, context)) return std::nullopt;
  int64_t port = result.Val.getInt().getExtValue();
  if (port <= 0) return std::nullopt;
  return static_cast<unsigned>(port);
}

// Finds the GoogleTest bodies, fixture hooks, and fixture constructors and
// destructors.
class TestCollector : public UserCodeVisitor<TestCollector> {
 public:
  explicit TestCollector(const clang::SourceManager& sources)
      : UserCodeVisitor(sources) {}

  bool VisitFunctionDecl(clang::FunctionDecl* function) {
    if (function->doesThisDeclarationHaveABody() &&
        !function->isDependentContext()) {
      if (std::optional<std::string> where =
              TestFunctionDescription(function)) {
        tests.emplace_back(function, *where);
      }
    }
    return true;
  }

  std::vector<std::pair<const clang::FunctionDecl*, std::string>> tests;
};

// What one body does to process-wide state.
struct Finding {
  clang::SourceLocation location;
  std::string message;
  std::string note;
};

class BodyScanner : public clang::RecursiveASTVisitor<BodyScanner> {
 public:
  BodyScanner(clang::ASTContext& context, const ExpressionContext& expressions,
              const std::string& where)
      : context_(context), expressions_(expressions), where_(where) {}

  bool VisitCallExpr(clang::CallExpr* call) {
    const clang::FunctionDecl* callee = call->getDirectCallee();
    if (const GlobalCall* global = FindGlobalCall(callee)) {
      Add(call->getBeginLoc(),
          "'" + global->name.str() + "' in " + where_ + " changes " +
              global->state.str() + ", " + kSharedBy.str(),
          global->alternative.str());
    } else if (IsLocaleGlobal(callee)) {
      Add(call->getBeginLoc(),
          "'std::locale::global' in " + where_ +
              " changes the process's global locale, " + kSharedBy.str(),
          kLocaleFix.str());
    } else if (const auto* member =
                   llvm::dyn_cast<clang::CXXMemberCallExpr>(call)) {
      const clang::CXXMethodDecl* method = member->getMethodDecl();
      if (method != nullptr && method->getDeclName().isIdentifier() &&
          method->getName() == "AddListeningPort" && call->getNumArgs() > 0) {
        std::optional<std::string> address =
            StringLiteralValue(call->getArg(0));
        if (address) {
          if (std::optional<unsigned> port = FixedPortOfAddress(*address))
            AddPort(call->getArg(0)->getBeginLoc(), *port);
        }
      }
    }
    return true;
  }

  bool VisitBinaryOperator(clang::BinaryOperator* binary) {
    if (binary->getOpcode() != clang::BO_Assign) return true;
    const auto* member = llvm::dyn_cast<clang::MemberExpr>(
        binary->getLHS()->IgnoreParenImpCasts());
    if (member == nullptr ||
        !member->getMemberDecl()->getDeclName().isIdentifier())
      return true;
    llvm::StringRef field = member->getMemberDecl()->getName();
    if (field != "sin_port" && field != "sin6_port") return true;
    if (std::optional<unsigned> port =
            FixedPortValue(binary->getRHS(), context_)) {
      AddPort(binary->getRHS()->getBeginLoc(), *port);
    }
    return true;
  }

  bool VisitStringLiteral(clang::StringLiteral* literal) {
    if (!literal->isAscii() || !IsFixedTempPath(literal->getString()))
      return true;
    const clang::SourceManager& sources = context_.getSourceManager();
    // __FILE__ and friends expand to the source's own path, which is under
    // /tmp when the checkout is: that is no path the test chose.
    if (sources.isWrittenInScratchSpace(
            sources.getSpellingLoc(literal->getBeginLoc()))) {
      return true;
    }
    if (InAssertionMacro(literal->getBeginLoc(), sources,
                         context_.getLangOpts()) ||
        !IsUsedAsValue(literal, expressions_)) {
      return true;
    }
    Add(literal->getBeginLoc(),
        "hard-coded temporary path '" + literal->getString().str() + "' in " +
            where_ +
            ": every test and thread in the binary, and every "
            "concurrent run of it, shares the file",
        "build the path from testing::TempDir() (or a mkdtemp() directory) "
        "plus a name unique to this test and process");
    return true;
  }

  std::vector<Finding> findings;

 private:
  void AddPort(clang::SourceLocation location, unsigned port) {
    Add(location,
        "fixed port " + std::to_string(port) + " in " + where_ +
            ": every test and thread in the binary, and every concurrent "
            "run of it, competes for it",
        "listen on port 0 and read back the port the kernel chose "
        "(getsockname(), or AddListeningPort's selected_port)");
  }

  void Add(clang::SourceLocation location, std::string message,
           std::string note) {
    const clang::SourceManager& sources = context_.getSourceManager();
    if (InDeathTestStatement(location, sources, context_.getLangOpts())) return;
    location = sources.getExpansionLoc(location);
    if (!IsUserCode(sources, location)) return;
    findings.push_back(Finding{location, std::move(message), std::move(note)});
  }

  clang::ASTContext& context_;
  const ExpressionContext& expressions_;
  const std::string& where_;
};

}  // namespace

void ProcessGlobalInTestCheck::CheckTranslationUnit(
    TranslationUnitIndex& index) {
  TestCollector tests(index.sources());
  tests.TraverseDecl(index.context().getTranslationUnitDecl());
  for (const auto& [function, where] : tests.tests)
    CheckBody(function, where, index);
  for (const ThreadStart& start : index.thread_starts()) {
    if (start.runs == nullptr || start.runs->getBody() == nullptr ||
        !IsUserCode(index.sources(), start.runs->getLocation())) {
      continue;
    }
    std::string where = "code run on a thread";
    if (start.started_in != nullptr)
      where += " started in '" + FunctionDisplayName(start.started_in) + "'";
    CheckBody(start.runs, where, index);
  }
}

void ProcessGlobalInTestCheck::CheckBody(const clang::FunctionDecl* function,
                                         const std::string& where,
                                         TranslationUnitIndex& index) {
  BodyScanner scanner(index.context(), index.ExpressionsOf(function), where);
  scanner.TraverseStmt(function->getBody());
  for (const Finding& finding : scanner.findings) {
    if (!FirstReport(finding.location)) continue;
    diag(finding.location, "%0") << finding.message;
    diag(finding.location, "%0", clang::DiagnosticIDs::Note) << finding.note;
  }
}

}  // namespace lockstep::lint
