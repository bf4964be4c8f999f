"""concurrency_lint_test: lockstep's concurrency checks as a Bazel test.

Lints the sources and headers of the given cc_library / cc_binary / cc_test
targets with their real include paths and defines, one cached action per file
(see //tools/build_defs:source_checks.bzl), and fails listing the findings.

    load("//lint:concurrency_lint.bzl", "concurrency_lint_test")

    concurrency_lint_test(
        name = "client_concurrency_lint_test",
        deps = [":client"],
    )
"""

load(
    "//tools/build_defs:source_checks.bzl",
    "source_check_test_attrs",
    "source_check_test_impl",
)

def _concurrency_lint_test_impl(ctx):
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
    attrs = source_check_test_attrs({
        "checks": attr.string(
            doc = "A --checks glob added to the defaults (lockstep's checks).",
        ),
        "extra_flags": attr.string_list(doc = "More compiler flags for every file."),
        "merge_files": attr.bool(
            default = True,
            doc = "Judge a class on its accesses in all the files of the test " +
                  "(a summary action per file first), not file by file.",
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
