"""concurrency_lint_test: lockstep's concurrency checks as a Bazel test.

Lints the sources of the given cc_library / cc_binary / cc_test targets and
fails listing the findings. It reads the per-file actions of
concurrency_lint_aspect (//lint:aspect.bzl): the same cached actions, with the
command line the C++ toolchain uses for each file, so a test and
`bazel build --aspects=...` never lint a file twice. With merge_files = False,
checks or extra_flags, it runs actions of its own instead (one per source and
header, include paths and defines only, see
//tools/build_defs:source_checks.bzl).

    load("//lint:concurrency_lint.bzl", "concurrency_lint_test")

    concurrency_lint_test(
        name = "client_concurrency_lint_test",
        deps = [":client"],
    )
"""

load(":aspect.bzl", "ConcurrencyLintInfo", "concurrency_lint_aspect")
load(
    "//tools/build_defs:source_checks.bzl",
    "source_check_report",
    "source_check_test_attrs",
    "source_check_test_impl",
)

def _concurrency_lint_test_impl(ctx):
    if ctx.attr.merge_files and not ctx.attr.checks and not ctx.attr.extra_flags:
        logs = []
        for dep in ctx.attr.deps:
            logs += dep[ConcurrencyLintInfo].logs

        # The aspect reports findings at clang-tidy's level, warnings (the test
        # fails on any of them); an expected "error:" matches the warning.
        expected = [
            text.replace(": error: ", ": warning: ")
            for text in ctx.attr.expected_diagnostics
        ]
        return source_check_report(ctx, logs, expected_diagnostics = expected)
    return _own_actions(ctx)

def _own_actions(ctx):
    checks = []
    if ctx.attr.checks:
        checks = ["--checks=" + ctx.attr.checks]
    compiler_flags = ["--", "-std=c++17", "-x", "c++", "-Wno-pragma-once-outside-header"] + \
                     ctx.attr.extra_flags + ["{flags}"]
    summary_args = None
    imports = []
    if ctx.attr.merge_files:
        # Classes spread over several files are judged on all their accesses:
        # every file is summarized first, every check reads all summaries.
        summary_args = ["{src}", "--quiet", "--export-summary", "{out}",
                        "--checks=-*,concurrency-unguarded-field"] + compiler_flags
        imports = ["--import-summaries", "{summaries}"]
    return source_check_test_impl(
        ctx,
        tool = ctx.executable._lint,
        tool_args = ["{src}", "--quiet", "--warnings-as-errors=*"] + checks + imports +
                    compiler_flags,
        tool_inputs = [],
        mnemonic = "ConcurrencyLint",
        summary_args = summary_args,
    )

concurrency_lint_test = rule(
    implementation = _concurrency_lint_test_impl,
    test = True,
    attrs = source_check_test_attrs(aspects = [concurrency_lint_aspect], extra = {
        "checks": attr.string(
            doc = "A --checks glob added to the defaults (lockstep's checks).",
        ),
        "extra_flags": attr.string_list(doc = "More compiler flags for every file."),
        "merge_files": attr.bool(
            default = True,
            doc = "Judge a class on its accesses in all the files of each " +
                  "target (concurrency_lint_aspect's summary action per file " +
                  "first), not file by file.",
        ),
        "_lint": attr.label(
            default = "//lint/tool:concurrency-lint",
            executable = True,
            # The lint runs on the machine that builds; building it once for
            # the target configuration avoids compiling it twice.
            cfg = "target",
        ),
    }),
    doc = "Fails when lockstep's concurrency lint finds a problem in deps' sources.",
)
