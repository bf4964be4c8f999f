"""concurrency_lint_aspect: lockstep's concurrency lint over any C++ target.

Runs over targets that already exist, with no BUILD edits, like bazel_clang_tidy:

    bazel build //... \\
        --aspects=@lockstep//lint:aspect.bzl%concurrency_lint_aspect \\
        --output_groups=concurrency_lint

For every cc_library, cc_binary and cc_test reached (following `deps`
transitively; only the workspace's own hand-written files, never external
repositories) it lints each source file in its own cached action, with the
command line the C++ toolchain uses to compile that file (features, --copt,
--cxxopt, the target's copts and -std, includes and defines), minus GCC-only
flags. Headers are linted through the sources that include them; a header-only
library has its headers linted on their own. Each target gets, in the output
group `concurrency_lint`:

    <name>.concurrency_lint.txt         findings in clang-tidy's text format
    <name>.concurrency_lint.sarif       the same as SARIF 2.1.0
    <name>.concurrency_lint.fixes.yaml  fixes for clang-apply-replacements

Findings are deduplicated per target, and each target reports findings only in
its own files (a header's findings belong to the target that lists it).
Classes spread over several files of a target are judged on all their
accesses: a summary action per file runs first and every lint action of the
target imports the summaries (lint/analysis/access_summary.h).

`--@lockstep//lint:fail_on_findings` makes any finding fail the build;
`--@lockstep//lint:config=//:.clang-tidy` (a file or a filegroup of
.clang-tidy files) gives the lint the workspace's configuration. See
lint/docs/aspect.md.
"""

load(
    "//tools/build_defs:source_checks.bzl",
    "own_cc_files",
    "target_compilation_context",
    "toolchain_compile_flags",
)

# The mnemonics of the per-file actions; tests count them in execution logs.
LINT_MNEMONIC = "ConcurrencyLint"
SUMMARY_MNEMONIC = "ConcurrencyLintSummary"

_CC_RULES = ["cc_library", "cc_binary", "cc_test"]

ConcurrencyLintInfo = provider(
    doc = "The concurrency lint's results for a C++ target.",
    fields = {
        "logs": "list of File: one log per linted file of the target itself, " +
                "in //tools/build_defs:record_check.sh's format (exit_status=, " +
                "source=, then the findings), read by concurrency_lint_test",
        "outputs": "depset of File: the reports of the target and of its deps",
    },
)

LintFlagInfo = provider(
    doc = "The value of a lint build setting.",
    fields = {"value": "the setting's value"},
)

def _lint_bool_flag_impl(ctx):
    return [LintFlagInfo(value = ctx.build_setting_value)]

lint_bool_flag = rule(
    implementation = _lint_bool_flag_impl,
    build_setting = config.bool(flag = True),
    doc = "A boolean command-line flag of the lint (like bazel_skylib's bool_flag).",
)

# Runs the lint on one file and records its outcome; the action always
# succeeds, so that Bazel caches the result whatever the findings. The paths
# the tool prints are made relative to the execution root, which is the
# workspace root for the workspace's own files (the tool prints absolute paths,
# and a sandbox's absolute path differs from run to run).
# Arguments: LOG SARIF FIXES SOURCE TOOL ARG...
_LINT_COMMAND = r"""
set -u
log=$1
sarif=$2
fixes=$3
source_file=$4
shift 4
text=$("$@" 2>&1 >"${sarif}")
status=$?
root="${PWD}/"
text=${text//"${root}"/}
text=${text//"${PWD}"/.}
finding='^[^ ].*:[0-9]+:[0-9]+: (warning|error): .*\[[^]]+\]$'
# The log's status says whether the file is clean: any finding or a failed run
# makes it 1, as concurrency_lint_test's report expects.
if [[ ${status} -eq 0 ]] && grep -qE "${finding}" <<<"${text}"; then
  status=1
fi
{
  echo "exit_status=${status}"
  echo "source=${source_file}"
  printf '%s\n' "${text}"
} >"${log}"
content=$(<"${sarif}")
printf '%s\n' "${content//"file://${root}"/}" >"${sarif}"
if [[ -f "${fixes}" ]]; then
  content=$(<"${fixes}")
  content=${content//"${root}"/}
  # BuildDirectory: clang-apply-replacements resolves relative paths in it.
  printf '%s\n' "${content//"${PWD}"/.}" >"${fixes}"
else
  : >"${fixes}"
fi
exit 0
"""

# Merges a target's per-file results into its three reports, deduplicating
# findings reported through several files (a header included by two sources).
# Arguments: TEXT SARIF FIXES then LOG FILE_SARIF FILE_FIXES for each file.
_MERGE_SCRIPT = r'''
import json
import re
import sys

FINDING = re.compile(r"^[^ ].*:[0-9]+:[0-9]+: (warning|error): .*\[[^]]+\]$")
NOISE = re.compile(r"^[0-9]+ (warning|error)s?( and [0-9]+ errors?)? generated\.$")
TOOL_ERROR = re.compile(r"^concurrency-lint: ")

out_text, out_sarif, out_fixes = sys.argv[1:4]
files = sys.argv[4:]
groups = [files[i:i + 3] for i in range(0, len(files), 3)]

blocks, seen, failures = [], set(), []
for log, _, _ in groups:
    with open(log) as f:
        lines = f.read().splitlines()
    status = lines[0].partition("=")[2]
    source = lines[1].partition("=")[2]
    current, found_any, tool_errors = None, False, []
    for line in lines[2:]:
        # Headers found through -iquote . are spelled ./pkg/file.h.
        if line.startswith("./"):
            line = line[2:]
        if FINDING.match(line):
            found_any = True
            if line in seen:
                current = None
            else:
                seen.add(line)
                current = [line]
                blocks.append(current)
        elif NOISE.match(line) or not line.strip():
            continue
        elif TOOL_ERROR.match(line):
            tool_errors.append(line)
        elif current is not None:
            current.append(line)
    if status != "0" and not found_any:
        detail = "; ".join(tool_errors) or "no diagnostics"
        failures.append("%s: error: concurrency-lint could not analyse this file "
                        "(exit status %s): %s" % (source, status, detail))

with open(out_text, "w") as f:
    for block in blocks:
        f.write("\n".join(block) + "\n")
    for failure in failures:
        f.write(failure + "\n")

def result_key(result):
    region, uri = {}, ""
    for location in result.get("locations", [])[:1]:
        physical = location.get("physicalLocation", {})
        uri = physical.get("artifactLocation", {}).get("uri", "")
        region = physical.get("region", {})
    return (result.get("ruleId"), result.get("message", {}).get("text"), uri,
            region.get("startLine"), region.get("startColumn"))

def relative_to_srcroot(value):
    # Relative URIs are the workspace's files: say so for code scanning. The
    # tool writes file:// before paths it was given relative (headers found
    # through -iquote . are ./pkg/file.h).
    if isinstance(value, dict):
        location = value.get("artifactLocation")
        if isinstance(location, dict):
            uri = location.get("uri", "")
            if uri.startswith("file://") and not uri.startswith("file:///"):
                uri = uri[len("file://"):]
            if uri.startswith("./"):
                uri = uri[2:]
            location["uri"] = uri
            if uri and "://" not in uri and not uri.startswith("/"):
                location.setdefault("uriBaseId", "%SRCROOT%")
        for item in value.values():
            relative_to_srcroot(item)
    elif isinstance(value, list):
        for item in value:
            relative_to_srcroot(item)

merged, results, keys, rules, successful = None, [], set(), [], True
notifications = []
for _, sarif, _ in groups:
    with open(sarif) as f:
        text = f.read().strip()
    if not text:
        successful = False
        continue
    for run in json.loads(text).get("runs", []):
        relative_to_srcroot(run)
        if merged is None:
            merged = run
        run_rules = run.get("tool", {}).get("driver", {}).get("rules", [])
        ids = [rule.get("id") for rule in rules]
        for rule in run_rules:
            if rule.get("id") not in ids:
                rules.append(rule)
                ids.append(rule.get("id"))
        for invocation in run.get("invocations", []):
            successful = successful and invocation.get("executionSuccessful", True)
            notifications += invocation.get("toolExecutionNotifications", [])
        for result in run.get("results", []):
            key = result_key(result)
            if key in keys:
                continue
            keys.add(key)
            if "ruleIndex" in result:
                result["ruleIndex"] = ids.index(result.get("ruleId"))
            results.append(result)
if merged is None:
    merged = {"tool": {"driver": {"name": "concurrency-lint"}}}
merged.setdefault("tool", {}).setdefault("driver", {})["rules"] = rules
merged["results"] = results
invocation = {"executionSuccessful": successful and not failures}
if notifications:
    invocation["toolExecutionNotifications"] = notifications
merged["invocations"] = [invocation]
merged.pop("artifacts", None)
relative_to_srcroot(merged)
merged.setdefault("originalUriBaseIds", {})
if "%SRCROOT%" not in merged["originalUriBaseIds"]:
    merged["originalUriBaseIds"]["%SRCROOT%"] = {
        "description": {"text": "The root of the Bazel workspace."}}
for key, base in list(merged["originalUriBaseIds"].items()):
    if not base.get("uri", "x"):
        del base["uri"]
with open(out_sarif, "w") as f:
    json.dump({"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
               "version": "2.1.0", "runs": [merged]}, f, indent=2)
    f.write("\n")

# clang-apply-replacements reads one document per file: the target's
# diagnostics go into one, each diagnostic once.
main_file, items, item_keys = "", [], set()
for _, _, fixes in groups:
    with open(fixes) as f:
        lines = f.read().splitlines()
    in_list, item = False, None
    for line in lines:
        if line.startswith("MainSourceFile:") and not main_file:
            main_file = line.partition(":")[2].strip()
        elif line.startswith("Diagnostics:"):
            in_list = True
        elif in_list and line.startswith("  - "):
            item = [line]
            items.append(item)
        elif in_list and line.startswith("    ") and item is not None:
            item.append(line)
        elif line in ("...", "---") or not line.startswith(" "):
            in_list, item = False, None
unique = []
for item in items:
    key = "\n".join(line for line in item if "BuildDirectory:" not in line)
    if key not in item_keys:
        item_keys.add(key)
        unique.append(item)
with open(out_fixes, "w") as f:
    f.write("---\nMainSourceFile:  %s\n" % (main_file or "''"))
    if unique:
        f.write("Diagnostics:\n")
        for item in unique:
            f.write("\n".join(item) + "\n")
    else:
        f.write("Diagnostics:     []\n")
    f.write("...\n")
'''

_CHECK_COMMAND = r"""
set -u
report=$1
stamp=$2
label=$3
if [[ -s "${report}" ]]; then
  echo "${label}: concurrency lint findings (--@lockstep//lint:fail_on_findings):" >&2
  cat "${report}" >&2
  exit 1
fi
: >"${stamp}"
"""

def _regex_escape(text):
    escaped = ""
    for c in text.elems():
        if c in ".^$*+?()[]{}|\\":
            escaped += "\\"
        escaped += c
    return escaped

def _header_filter(target, headers):
    """A --header-filter regex matching exactly the target's own headers.

    A header is seen at its workspace path, or, with include_prefix or
    strip_include_prefix, through the target's own _virtual_includes
    directory, which holds nothing but the target's headers.
    """
    if not headers:
        # Matches no file: the target has no headers to report on.
        return "^$"
    paths = [_regex_escape(h.short_path) for h in headers]
    package = target.label.package
    paths.append("%s_virtual_includes/%s/.*" % (
        _regex_escape(package) + "/" if package else "",
        _regex_escape(target.label.name),
    ))
    return "(^|/)(%s)$" % "|".join(paths)

def _config_files(ctx):
    files = ctx.attr._config.files.to_list()
    for f in files:
        if f.basename != ".clang-tidy":
            fail(("//lint:config must name .clang-tidy files (the lint finds each " +
                  "file's configuration in the directories above it, as " +
                  "clang-tidy does); got %s") % f.short_path)
    return files

def _declare(ctx, target, src, suffix):
    return ctx.actions.declare_file("%s.concurrency_lint/%s%s" % (
        target.label.name,
        src.short_path,
        suffix,
    ))

def _lint_units(ctx, target):
    """The files linted as translation units, each with its compile flags."""
    sources, headers = own_cc_files(ctx.rule.attr)
    context = target_compilation_context(target, ctx.rule.attr)
    units = []
    flags_by_language = {}
    for src in sources:
        c_source = src.extension == "c"
        if c_source not in flags_by_language:
            flags_by_language[c_source] = toolchain_compile_flags(
                ctx,
                context,
                ctx.rule.attr,
                c_source = c_source,
            )
        units.append((src, flags_by_language[c_source]))
    if not sources:
        # A header-only library: nothing includes its headers in this target,
        # so each is linted as a C++ file of its own.
        flags = toolchain_compile_flags(ctx, context, ctx.rule.attr)
        header_flags = flags + ["-x", "c++", "-Wno-pragma-once-outside-header"]
        units = [(h, header_flags) for h in headers]
    inputs = depset(sources + headers + _config_files(ctx), transitive = [context.headers])
    return units, headers, inputs

def _concurrency_lint_aspect_impl(target, ctx):
    dep_outputs = [
        dep[ConcurrencyLintInfo].outputs
        for dep in getattr(ctx.rule.attr, "deps", [])
        if ConcurrencyLintInfo in dep
    ]
    if ctx.rule.kind not in _CC_RULES or target.label.workspace_name != "":
        outputs = depset(transitive = dep_outputs)
        return [
            ConcurrencyLintInfo(logs = [], outputs = outputs),
            OutputGroupInfo(concurrency_lint = outputs),
        ]

    tool = ctx.executable._lint
    units, headers, inputs = _lint_units(ctx, target)
    header_filter = "--header-filter=" + _header_filter(target, headers)

    summaries = []
    if len(units) > 1:
        for src, flags in units:
            summary = _declare(ctx, target, src, ".summary")
            ctx.actions.run(
                executable = tool,
                arguments = [
                    src.path,
                    "--quiet",
                    "--export-summary",
                    summary.path,
                    "--checks=-*,concurrency-unguarded-field",
                    "--",
                ] + flags,
                inputs = inputs,
                outputs = [summary],
                mnemonic = SUMMARY_MNEMONIC,
                progress_message = "%s %s" % (SUMMARY_MNEMONIC, src.short_path),
            )
            summaries.append(summary)

    logs = []
    per_file = []
    for src, flags in units:
        log = _declare(ctx, target, src, ".log")
        sarif = _declare(ctx, target, src, ".sarif")
        fixes = _declare(ctx, target, src, ".fixes.yaml")
        args = [log.path, sarif.path, fixes.path, src.short_path, tool.path, src.path]
        args += ["--quiet", "--format=sarif", "--export-fixes=" + fixes.path, header_filter]
        if summaries:
            args.append("--import-summaries=" + ",".join([s.path for s in summaries]))
        ctx.actions.run_shell(
            command = _LINT_COMMAND,
            arguments = args + ["--"] + flags,
            inputs = depset(summaries, transitive = [inputs]),
            tools = [tool],
            outputs = [log, sarif, fixes],
            mnemonic = LINT_MNEMONIC,
            progress_message = "%s %s" % (LINT_MNEMONIC, src.short_path),
        )
        logs.append(log)
        per_file += [log, sarif, fixes]

    prefix = target.label.name + ".concurrency_lint"
    text = ctx.actions.declare_file(prefix + ".txt")
    sarif = ctx.actions.declare_file(prefix + ".sarif")
    fixes = ctx.actions.declare_file(prefix + ".fixes.yaml")
    script = ctx.actions.declare_file(prefix + "/merge.py")
    ctx.actions.write(output = script, content = _MERGE_SCRIPT)
    ctx.actions.run_shell(
        command = 'exec python3 "$@"',
        arguments = [script.path, text.path, sarif.path, fixes.path] +
                    [f.path for f in per_file],
        inputs = [script] + per_file,
        outputs = [text, sarif, fixes],
        mnemonic = "ConcurrencyLintReport",
        progress_message = "ConcurrencyLintReport %s" % target.label,
    )
    reports = [text, sarif, fixes]
    if ctx.attr._fail_on_findings[LintFlagInfo].value:
        stamp = ctx.actions.declare_file(prefix + ".ok")
        ctx.actions.run_shell(
            command = _CHECK_COMMAND,
            arguments = [text.path, stamp.path, str(target.label)],
            inputs = [text],
            outputs = [stamp],
            mnemonic = "ConcurrencyLintCheck",
            progress_message = "ConcurrencyLintCheck %s" % target.label,
        )
        reports.append(stamp)
    outputs = depset(reports, transitive = dep_outputs)
    return [
        ConcurrencyLintInfo(logs = logs, outputs = outputs),
        OutputGroupInfo(concurrency_lint = outputs),
    ]

concurrency_lint_aspect = aspect(
    implementation = _concurrency_lint_aspect_impl,
    attr_aspects = ["deps"],
    fragments = ["cpp"],
    attrs = {
        "_cc_toolchain": attr.label(
            default = Label("@bazel_tools//tools/cpp:current_cc_toolchain"),
        ),
        "_config": attr.label(
            default = Label("//lint:config"),
            allow_files = True,
            doc = "The .clang-tidy files the lint reads (--@lockstep//lint:config).",
        ),
        "_fail_on_findings": attr.label(
            default = Label("//lint:fail_on_findings"),
            providers = [LintFlagInfo],
        ),
        "_lint": attr.label(
            default = Label("//lint/tool:concurrency-lint"),
            executable = True,
            # Built for the target configuration, like concurrency_lint_test's:
            # `bazel build //...` builds the tool there anyway, so it is not
            # compiled a second time for the exec configuration.
            cfg = "target",
        ),
    },
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
    doc = "Lints the C++ sources of the targets reached with lockstep's concurrency checks.",
)
