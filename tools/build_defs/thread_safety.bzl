"""thread_safety_test: clang's -Wthread-safety analysis as a Bazel test.

GCC builds lockstep, but only clang checks Abseil's thread-safety annotations
(ABSL_GUARDED_BY, ABSL_EXCLUSIVE_LOCKS_REQUIRED, ...). This rule runs clang-14
with -fsyntax-only over each source and header of the given targets, using their
real include paths and defines, and fails with clang's diagnostics when any
annotation is violated.

    thread_safety_test(
        name = "client_thread_safety_test",
        deps = [":client"],
    )
"""

load(
    "//tools/build_defs:source_checks.bzl",
    "source_check_test_attrs",
    "source_check_test_impl",
)

THREAD_SAFETY_FLAGS = [
    "-fsyntax-only",
    "-std=c++17",
    "-Wthread-safety",
    "-Wthread-safety-beta",
    "-Werror",
    # Headers are checked on their own too (they must be self-contained), and
    # GCC-only options in copts must not fail a clang run.
    "-Wno-pragma-once-outside-header",
    "-Wno-unknown-warning-option",
]

def _thread_safety_test_impl(ctx):
    return source_check_test_impl(
        ctx,
        tool = ctx.executable._clang,
        tool_args = THREAD_SAFETY_FLAGS + ctx.attr.extra_flags +
                    ["{flags}", "-x", "c++", "{src}"],
        tool_inputs = [],
        mnemonic = "ThreadSafetyCheck",
    )

thread_safety_test = rule(
    implementation = _thread_safety_test_impl,
    test = True,
    attrs = source_check_test_attrs({
        "extra_flags": attr.string_list(doc = "More clang flags, e.g. -Wthread-safety-negative."),
        "_clang": attr.label(
            default = "@system_libs//:bin/clang++-14",
            executable = True,
            cfg = "exec",
            allow_single_file = True,
        ),
    }),
    doc = "Fails when clang-14's thread-safety analysis finds a violation in deps' sources.",
)
