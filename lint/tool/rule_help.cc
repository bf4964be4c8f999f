#include "lint/tool/rule_help.h"

#include "lint/module/check_names.h"
#include "lint/tool/version.h"
#include "llvm/ADT/StringRef.h"

namespace lockstep::lint {
namespace {

struct FullHelp {
  const char* name;
  const char* full_description;
  const char* precision;  // SARIF/GitHub: very-high, high, medium, low
};

// One paragraph per check, from its page in lint/docs/.
constexpr FullHelp kFullHelp[] = {
    {"concurrency-unguarded-field",
     "A field is read or written without holding the mutex that guards it. "
     "The guard is declared (GUARDED_BY / PT_GUARDED_BY, or a comment such "
     "as 'guarded by mu_') or inferred because the class's other accesses "
     "hold one mutex. With several files in one run, a class defined over "
     "several .cc files is judged on all of its accesses. Hold the guard, "
     "or annotate the field if the access is safe for another reason.",
     "high"},
    {"concurrency-lazy-init-race",
     "Initialization on first use without synchronization: 'if (!p_) p_ = "
     "Make();', a non-atomic 'initialized' flag, double-checked locking on a "
     "plain pointer, or a non-atomic function-local static pointer filled on "
     "first call. Two threads can both see the value unset and both "
     "initialize it. Use absl::call_once, a function-local static, or hold a "
     "lock across the check and the assignment.",
     "high"},
    {"concurrency-closure-captures-mutable",
     "A lambda, bind or member function handed off with 'this' runs later or "
     "on another thread and touches state that other code changes with no "
     "lock held in common, or a thread captures locals by reference. Capture "
     "values, or guard every field the closure touches.",
     "medium"},
    {"concurrency-use-after-close",
     "A file, descriptor, stream or file-like member is closed or reset in "
     "one method and used in another with no lock held in common, so a use "
     "can run on a closed (or reused) resource. Hold one lock around both, "
     "or stop the users before closing.",
     "high"},
    {"concurrency-thread-leak",
     "A std::thread can be destroyed while still joinable (which calls "
     "std::terminate), a detached thread loops with no way to stop it, a "
     "member thread is not joined in the destructor, or a destructor joins "
     "a thread it never wakes. Give every thread an owner that stops and "
     "joins it.",
     "high"},
    {"concurrency-lock-balance",
     "A lock is acquired while held, released when not held, held on some "
     "paths into a statement and not others, or still held at the end of a "
     "function that does not declare it; also LOCKS_EXCLUDED violations and "
     "locks taken against their declared order. This is clang's own "
     "thread-safety analysis, run whatever the build's flags.",
     "very-high"},
    {"concurrency-process-global-in-test",
     "A test, fixture or thread body changes process-wide state (setenv, "
     "putenv, unsetenv, chdir, umask, signal handlers, the global locale) or "
     "uses a fixed temporary path or port, which breaks when tests run in "
     "parallel. Pass settings explicitly and use per-test temporary "
     "directories and port 0.",
     "high"},
};

}  // namespace

SarifRule RuleFor(const std::string& check) {
  SarifRule rule;
  rule.id = check;
  for (const CheckDescription& known : kCheckDescriptions) {
    if (check != known.name) continue;
    rule.short_description = known.description;
    for (const FullHelp& help : kFullHelp) {
      if (check == help.name) {
        rule.full_description = help.full_description;
        rule.precision = help.precision;
      }
    }
    rule.help_uri = std::string(kDocsBaseUrl) + check + ".md";
    rule.tags = {"concurrency", "reliability"};
    break;
  }
  if (rule.short_description.empty()) {
    llvm::StringRef name(check);
    if (name.startswith("clang-diagnostic-")) {
      rule.short_description = "A compiler diagnostic.";
      rule.full_description =
          "A diagnostic from clang while parsing the file; when it is an "
          "error, the file's findings may be incomplete.";
      rule.help_uri = "https://clang.llvm.org/docs/DiagnosticsReference.html";
      rule.tags = {"compiler"};
    } else {
      rule.short_description = "A clang-tidy check.";
      rule.full_description = "clang-tidy's check " + check + ".";
      rule.help_uri =
          "https://releases.llvm.org/14.0.0/tools/clang/tools/extra/docs/"
          "clang-tidy/checks/" +
          check + ".html";
      rule.tags = {"clang-tidy"};
    }
    rule.precision = "medium";
  }
  rule.help_text = rule.full_description + "\nSee " + rule.help_uri;
  return rule;
}

}  // namespace lockstep::lint
