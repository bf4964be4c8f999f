#!/usr/bin/env python3
"""Runs the concurrency lint on real, historical, fixed concurrency bugs.

Each entry of lint_real_bugs/manifest.json names a public repository, the
commit that fixed a concurrency bug, the translation unit to lint and the
lines where the defect was (in the fix commit's parent) and where the fix is
(in the fix commit).  For every entry this driver

  1. extracts the parent tree and the fixed tree from a bare mirror of the
     repository (git archive, cached under --work),
  2. writes the entry's generated_files (small config headers the project's
     build would have generated) into both trees,
  3. runs the lint on the file in both trees: `LINT FILE -- FLAGS -I<root>`,
     with the accesses of the other files of its class imported (a summary
     exported from them first; see class_files, and --alone to skip it),
  4. scores the entry:
       FOUND    a finding of the entry's check on a buggy line (+-2 lines),
       ANY      a finding of any check on a buggy line (reported separately),
       CLEAN    no finding of the entry's check on a fixed line (+-2 lines),
       NOPARSE  the lint exited 1 or printed compiler errors for a version;
                counted on its own, never as a pass or a miss.

Nothing of the benchmarked projects is stored in this repository: the
manifest holds only ids, commit hashes, paths, line numbers, flags and
one-line summaries.  The mirrors come from the workplace's snapshot fetcher
(see lint_real_bugs/README.md).
"""

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_MANIFEST = os.path.join(HERE, "lint_real_bugs", "manifest.json")

CHECKS = (
    "concurrency-unguarded-field",
    "concurrency-lazy-init-race",
    "concurrency-closure-captures-mutable",
    "concurrency-use-after-close",
    "concurrency-thread-leak",
    "concurrency-process-global-in-test",
)
SCOPES = (
    "single-function",
    "single-TU",
    "needs-interprocedural",
    "needs-cross-TU",
    "needs-annotations-knowledge",
)
REQUIRED = ("id", "repo", "fix_commit", "file", "buggy_lines", "fixed_lines",
            "check", "flags", "summary", "scope")
TOLERANCE = 2

FINDING_RE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>warning|error): "
    r"(?P<msg>.*) \[(?P<check>[^\]]+)\]$")


class BenchError(Exception):
    pass


def load_manifest(path):
    try:
        with open(path) as f:
            entries = json.load(f)
    except (OSError, ValueError) as e:
        raise BenchError("cannot read manifest %s: %s" % (path, e))
    if not isinstance(entries, list) or not entries:
        raise BenchError("manifest %s: expected a non-empty JSON list" % path)
    seen = set()
    for i, e in enumerate(entries):
        where = "manifest entry #%d (%s)" % (i, e.get("id", "?") if isinstance(e, dict) else "?")
        if not isinstance(e, dict):
            raise BenchError(where + ": not an object")
        for k in REQUIRED:
            if k not in e:
                raise BenchError(where + ": missing field %r" % k)
        if e["id"] in seen:
            raise BenchError(where + ": duplicate id")
        seen.add(e["id"])
        if e["check"] not in CHECKS:
            raise BenchError(where + ": unknown check %r" % e["check"])
        if e["scope"] not in SCOPES:
            raise BenchError(where + ": unknown scope %r" % e["scope"])
        if not re.fullmatch(r"[0-9a-f]{40}", e["fix_commit"]):
            raise BenchError(where + ": fix_commit must be a full 40-hex sha")
        if not re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", e["repo"]):
            raise BenchError(where + ": repo must be owner/name")
        for k in ("buggy_lines", "fixed_lines"):
            v = e[k]
            if not isinstance(v, list) or not v or not all(
                    isinstance(x, int) and x > 0 for x in v):
                raise BenchError(where + ": %s must be a non-empty list of "
                                 "positive line numbers" % k)
        if not isinstance(e["flags"], list) or not all(
                isinstance(x, str) for x in e["flags"]):
            raise BenchError(where + ": flags must be a list of strings")
        gen = e.get("generated_files", {})
        if not isinstance(gen, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in gen.items()):
            raise BenchError(where + ": generated_files must map path -> text")
        for k in list(gen) + [e["file"], e.get("buggy_file", e["file"])]:
            if os.path.isabs(k) or ".." in k.split("/"):
                raise BenchError(where + ": path %r must be relative" % k)
    return entries


def mirror_dir(mirrors, repo):
    return os.path.join(mirrors, repo.replace("/", "+"), "repo")


def git(gitdir, *args, **kw):
    return subprocess.run(["git", "--git-dir=" + gitdir] + list(args),
                          capture_output=True, text=kw.get("text", True))


def resolve_parent(gitdir, entry):
    r = git(gitdir, "rev-parse", "--verify", "-q", entry["fix_commit"] + "^{commit}")
    if r.returncode != 0:
        raise BenchError("entry %s: commit %s is not in the mirror %s" %
                         (entry["id"], entry["fix_commit"], gitdir))
    r = git(gitdir, "rev-parse", "--verify", "-q", entry["fix_commit"] + "^1")
    if r.returncode != 0:
        raise BenchError("entry %s: commit %s has no parent in %s" %
                         (entry["id"], entry["fix_commit"], gitdir))
    return r.stdout.strip()


def extract(gitdir, sha, dest, entry):
    """git archive SHA into DEST (cached: DEST/.complete marks a whole tree)."""
    if os.path.exists(os.path.join(dest, ".complete")):
        return
    if os.path.exists(dest):
        shutil.rmtree(dest)
    parent = os.path.dirname(dest)
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".extract-", dir=parent)
    arch = subprocess.Popen(["git", "--git-dir=" + gitdir, "archive", "--format=tar", sha],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    tar = subprocess.run(["tar", "-x", "-C", tmp], stdin=arch.stdout,
                         capture_output=True)
    arch.stdout.close()
    err = arch.stderr.read().decode(errors="replace")
    arch.wait()
    if arch.returncode != 0 or tar.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        raise BenchError("entry %s: cannot extract %s from %s: %s %s" %
                         (entry["id"], sha, gitdir, err.strip(),
                          tar.stderr.decode(errors="replace").strip()))
    with open(os.path.join(tmp, ".complete"), "w") as f:
        f.write(sha + "\n")
    os.rename(tmp, dest)


def write_generated(root, entry):
    for rel, text in entry.get("generated_files", {}).items():
        p = os.path.join(root, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        old = None
        if os.path.exists(p):
            with open(p) as f:
                old = f.read()
        if old != text:
            with open(p, "w") as f:
                f.write(text)


INCLUDE_RE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)


def class_files(root, relpath):
    """The other files that implement the class of RELPATH: where RELPATH
    includes a header next to it whose name starts its own (db_impl_write.cc
    and db_impl.h), the .cc files beside it named after that header (X.cc,
    X_*.cc), tests and benchmarks excluded. One class spread over several
    files is judged on all of them, as a Bazel target's lint would."""
    directory, name = os.path.split(relpath)
    stem = os.path.splitext(name)[0]
    try:
        with open(os.path.join(root, relpath), errors="replace") as f:
            text = f.read()
    except OSError:
        return []
    headers = []
    for inc in INCLUDE_RE.findall(text):
        hstem = os.path.splitext(os.path.basename(inc))[0]
        if (os.path.isfile(os.path.join(root, directory, os.path.basename(inc)))
                and (stem == hstem or stem.startswith(hstem + "_"))):
            headers.append(hstem)
    found = []
    for hstem in headers:
        for other in sorted(os.listdir(os.path.join(root, directory) or ".")):
            ostem, ext = os.path.splitext(other)
            if ext not in (".cc", ".cpp") or ostem == stem:
                continue
            if not (ostem == hstem or ostem.startswith(hstem + "_")):
                continue
            if re.search(r"(_test|_bench|_benchmark|_stress|_fuzzer)$", ostem):
                continue
            found.append(os.path.join(directory, other))
    return sorted(set(found))


def run_lint(lint, root, entry, verbose, alone=False):
    src = os.path.join(root, entry["file"])
    flags = []
    for fl in entry["flags"]:
        # -I/-isystem/-iquote dirs are relative to the tree root.
        m = re.match(r"^(-I|-isystem|-iquote)(.+)$", fl)
        if m and not os.path.isabs(m.group(2)):
            fl = m.group(1) + os.path.normpath(os.path.join(root, m.group(2)))
        flags.append(fl)
    cmd = [lint, src, "--"] + flags + ["-I" + root]
    companions = [] if alone else class_files(root, entry["file"])
    if companions:
        # The first half of a merged run: the companions' accesses to
        # header-declared fields, parsed once.
        fd, summary = tempfile.mkstemp(prefix="lint-summary-", suffix=".txt")
        os.close(fd)
        export = ([lint, "--quiet", "--export-summary=" + summary] +
                  [os.path.join(root, c) for c in companions] + ["--"] +
                  flags + ["-I" + root])
        if verbose:
            print("  $ " + " ".join(export), file=sys.stderr)
        subprocess.run(export, capture_output=True, cwd=root)
        # A companion that does not parse leaves its part of the summary out;
        # the file itself is still judged.
        if os.path.getsize(summary) > 0:
            cmd = [lint, "--import-summaries=" + summary] + cmd[1:]
    if verbose:
        print("  $ " + " ".join(cmd), file=sys.stderr)
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, cwd=root,
                           errors="replace")
    except OSError as e:
        raise BenchError("cannot run the lint %s: %s" % (lint, e))
    out = p.stdout + "\n" + p.stderr
    if companions:
        os.unlink(summary)
    findings, errors = [], []
    for line in out.splitlines():
        m = FINDING_RE.match(line)
        if not m:
            continue
        if m.group("sev") == "error":
            errors.append(line)
            continue
        findings.append((os.path.normpath(m.group("path")), int(m.group("line")),
                         m.group("check"), m.group("msg")))
    parsed = p.returncode == 0 and not errors
    if verbose:
        for e in errors[:5]:
            print("  ! " + e, file=sys.stderr)
    return parsed, findings, errors, p.returncode


def on_lines(findings, root, relpath, lines, check=None):
    target = os.path.normpath(os.path.join(root, relpath))
    hits = []
    for path, line, chk, msg in findings:
        if not os.path.isabs(path):
            path = os.path.normpath(os.path.join(root, path))
        if path != target and os.path.realpath(path) != os.path.realpath(target):
            continue
        if check is not None and chk != check:
            continue
        if any(abs(line - l) <= TOLERANCE for l in lines):
            hits.append((line, chk, msg))
    return hits


def score_entry(entry, args):
    gitdir = mirror_dir(args.mirrors, entry["repo"])
    if not os.path.isdir(gitdir):
        raise BenchError("entry %s: no mirror of %s at %s (fetch github:%s first)" %
                         (entry["id"], entry["repo"], gitdir, entry["repo"]))
    parent = resolve_parent(gitdir, entry)
    base = os.path.join(args.work, entry["repo"].replace("/", "+"))
    res = {"id": entry["id"], "check": entry["check"], "scope": entry["scope"],
           "repo": entry["repo"]}
    for kind, sha, lines in (("buggy", parent, entry["buggy_lines"]),
                             ("fixed", entry["fix_commit"], entry["fixed_lines"])):
        root = os.path.join(base, sha)
        extract(gitdir, sha, root, entry)
        write_generated(root, entry)
        if not os.path.isfile(os.path.join(root, entry["file"])):
            res[kind] = {"parsed": False, "reason": "file missing"}
            continue
        parsed, findings, errors, rc = run_lint(args.lint, root, entry,
                                                args.verbose, args.alone)
        relpath = entry.get("buggy_file", entry["file"])
        if kind == "fixed":
            relpath = entry.get("fixed_file", relpath)
        r = {"parsed": parsed, "rc": rc, "nerrors": len(errors),
             "own": on_lines(findings, root, relpath, lines, entry["check"]),
             "any": on_lines(findings, root, relpath, lines),
             "total": len(findings)}
        if not parsed:
            r["reason"] = "exit %d, %d compiler error(s)" % (rc, len(errors))
            if errors:
                r["first_error"] = errors[0]
        res[kind] = r
        if args.verbose:
            for path, line, chk, msg in findings:
                print("  %s %s:%d [%s] %s" % (kind, os.path.relpath(path, root)
                                              if os.path.isabs(path) else path,
                                              line, chk, msg[:100]), file=sys.stderr)
    return res


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Score the concurrency lint on real historical concurrency "
                    "bugs (lint_real_bugs/manifest.json).")
    ap.add_argument("--lint", default="bazel-bin/lint/tool/concurrency-lint",
                    help="the lint binary (default: %(default)s)")
    ap.add_argument("--mirrors", default="/work/.mirror",
                    help="directory of bare mirrors, OWNER+NAME/repo (default: %(default)s)")
    ap.add_argument("--work", default=os.path.expanduser("~/.cache/lockstep-bench/real-bugs"),
                    help="where extracted trees are cached (default: %(default)s)")
    ap.add_argument("--manifest", default=DEFAULT_MANIFEST,
                    help="manifest file (default: %(default)s)")
    ap.add_argument("--only", action="append", default=[], metavar="ID",
                    help="run only this entry (repeatable)")
    ap.add_argument("--verbose", action="store_true",
                    help="print lint command lines, errors and every finding")
    ap.add_argument("--json", metavar="FILE", help="also write per-entry results here")
    ap.add_argument("--alone", action="store_true",
                    help="lint each file alone, without the other files of its "
                         "class (see class_files)")
    args = ap.parse_args(argv)

    try:
        entries = load_manifest(args.manifest)
        if args.only:
            ids = {e["id"] for e in entries}
            missing = [i for i in args.only if i not in ids]
            if missing:
                raise BenchError("no manifest entry with id %s" % ", ".join(missing))
            entries = [e for e in entries if e["id"] in args.only]
        if not (os.path.isfile(args.lint) and os.access(args.lint, os.X_OK)):
            raise BenchError("lint binary %s is missing or not executable" % args.lint)
        args.lint = os.path.abspath(args.lint)
        # Check every mirror before spending time on any entry.
        for e in entries:
            gd = mirror_dir(args.mirrors, e["repo"])
            if not os.path.isdir(gd):
                raise BenchError("entry %s: no mirror of %s at %s (fetch github:%s first)"
                                 % (e["id"], e["repo"], gd, e["repo"]))
        results = []
        for e in entries:
            if args.verbose:
                print("== " + e["id"], file=sys.stderr)
            results.append(score_entry(e, args))
    except BenchError as err:
        print("lint_real_bugs: error: %s" % err, file=sys.stderr)
        return 2

    # Per-entry table.
    fmt = "%-52s %-34s %-8s %-8s %s"
    print(fmt % ("entry", "check", "buggy", "fixed", "note"))
    per = collections.OrderedDict((c, collections.Counter()) for c in CHECKS)
    tot = collections.Counter()
    for r in results:
        b, f = r["buggy"], r["fixed"]
        c = per[r["check"]]
        c["entries"] += 1
        tot["entries"] += 1
        note = []
        if not b["parsed"] or not f["parsed"]:
            c["noparse"] += 1
            tot["noparse"] += 1
            bs = "NOPARSE" if not b["parsed"] else ("FOUND" if b["own"] else "missed")
            fs = "NOPARSE" if not f["parsed"] else ("CLEAN" if not f["own"] else "FLAGGED")
            note.append("did not parse: " + (b.get("reason", "") if not b["parsed"]
                                             else f.get("reason", "")))
        else:
            c["parsed"] += 1
            tot["parsed"] += 1
            found = bool(b["own"])
            any_found = bool(b["any"])
            clean = not f["own"]
            bs = "FOUND" if found else ("other" if any_found else "missed")
            fs = "CLEAN" if clean else "FLAGGED"
            c["found"] += found
            tot["found"] += found
            c["any"] += any_found
            tot["any"] += any_found
            c["fixed_flagged"] += not clean
            tot["fixed_flagged"] += not clean
            if any_found and not found:
                note.append("other check: " + ",".join(sorted({h[1] for h in b["any"]})))
            note.append(r["scope"])
        print(fmt % (r["id"][:52], r["check"], bs, fs, "; ".join(note)))

    print()
    tfmt = "%-38s %7s %7s %7s %9s %8s %13s"
    print(tfmt % ("check", "entries", "parsed", "found", "recall", "any-chk", "fixed-flagged")
          + "  did-not-parse")
    rows = [(k, v) for k, v in per.items() if v["entries"]] + [("TOTAL", tot)]
    for name, c in rows:
        recall = ("%.2f" % (c["found"] / c["parsed"])) if c["parsed"] else "-"
        print(tfmt % (name, c["entries"], c["parsed"], c["found"], recall, c["any"],
                      c["fixed_flagged"]) + "  %d" % c["noparse"])
    print()
    print("recall = found / parsed entries (entries that did not parse are counted "
          "apart); found = a finding of the entry's check within +-%d lines of a "
          "buggy line; any-chk = a finding of any check there; fixed-flagged = "
          "a finding of the entry's check on a fixed line." % TOLERANCE)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
