"""Checks that a file is a well-formed SARIF 2.1.0 log of concurrency-lint.

Usage: validate_sarif.py LOG.json RULE:LINE [RULE:LINE ...]
Validates the structure the SARIF 2.1.0 schema requires of the parts the
lint writes (version, runs, tool.driver, rules, results, locations, regions,
related locations, fixes, notifications), every field GitHub code scanning
requires or uses (docs.github.com, "SARIF support for code scanning":
$schema, version, runs[].tool.driver.name/version/semanticVersion, rules[]
with id, shortDescription, fullDescription, help, helpUri and
properties.tags/precision, results[] with ruleId, message.text,
locations[].physicalLocation.artifactLocation.uri and region.startLine, and
partialFingerprints), and that each RULE:LINE pair is reported. Artifact
URIs must be relative to %SRCROOT% (declared in originalUriBaseIds) or
absolute file URIs. Prints what is wrong and exits 1 on the first problem.
"""
import json
import re
import sys

SEMVER = re.compile(r"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")
PRECISIONS = ("very-high", "high", "medium", "low")


def fail(message):
    print("SARIF check failed: " + message)
    sys.exit(1)


def check_artifact(where, artifact, base_ids):
    uri = artifact.get("uri")
    if not isinstance(uri, str) or not uri:
        fail(where + ": artifactLocation.uri missing")
    base = artifact.get("uriBaseId")
    if base is None:
        if not uri.startswith("file:///"):
            fail(where + ": %r is neither under a uriBaseId nor a file URI" %
                 uri)
    else:
        if base not in base_ids:
            fail(where + ": uriBaseId %r is not in originalUriBaseIds" % base)
        if uri.startswith("/") or ":" in uri.split("/")[0]:
            fail(where + ": %r under %s must be relative" % (uri, base))


def check_location(where, location, base_ids):
    physical = location.get("physicalLocation")
    if not isinstance(physical, dict):
        fail(where + ": no physicalLocation")
    check_artifact(where, physical.get("artifactLocation", {}), base_ids)
    region = physical.get("region")
    if region is not None:
        for key in ("startLine", "startColumn"):
            if not isinstance(region.get(key), int) or region[key] < 1:
                fail(where + ": region.%s must be a positive integer" % key)


def main():
    with open(sys.argv[1]) as f:
        try:
            log = json.load(f)
        except ValueError as error:
            fail("not JSON: %s" % error)
    if log.get("version") != "2.1.0":
        fail("version is %r, not 2.1.0" % log.get("version"))
    if "sarif-2.1.0" not in log.get("$schema", ""):
        fail("$schema does not name SARIF 2.1.0")
    runs = log.get("runs")
    if not isinstance(runs, list) or len(runs) != 1:
        fail("expected exactly one run")
    run = runs[0]
    driver = run.get("tool", {}).get("driver", {})
    if driver.get("name") != "concurrency-lint":
        fail("tool.driver.name is %r" % driver.get("name"))
    for key in ("version", "semanticVersion"):
        if not SEMVER.match(str(driver.get(key, ""))):
            fail("tool.driver.%s is %r, not a semantic version" %
                 (key, driver.get(key)))
    base_ids = run.get("originalUriBaseIds", {})
    for name, base in base_ids.items():
        if not base.get("uri", "").startswith("file:///") or \
                not base["uri"].endswith("/"):
            fail("originalUriBaseIds[%s] must be a file URI ending in /" %
                 name)
    rules = driver.get("rules")
    if not isinstance(rules, list) or not rules:
        fail("tool.driver.rules is empty")
    ids = [rule.get("id") for rule in rules]
    if len(set(ids)) != len(ids):
        fail("duplicate rule ids: %r" % ids)
    for rule in rules:
        for key in ("shortDescription", "fullDescription", "help"):
            if not rule.get(key, {}).get("text"):
                fail("rule %r has no %s.text" % (rule.get("id"), key))
        if rule["id"].startswith("concurrency-"):
            uri = rule.get("helpUri", "")
            if not re.match(r"^https?://", uri) or \
                    not uri.endswith("/" + rule["id"] + ".md"):
                fail("rule %r: helpUri %r is not its docs page" %
                     (rule["id"], uri))
        properties = rule.get("properties", {})
        tags = properties.get("tags", [])
        if not isinstance(tags, list) or not all(
                isinstance(t, str) for t in tags):
            fail("rule %r: properties.tags must be strings" % rule["id"])
        if "precision" in properties and \
                properties["precision"] not in PRECISIONS:
            fail("rule %r: precision %r" % (rule["id"],
                                            properties["precision"]))
    invocations = run.get("invocations")
    if not isinstance(invocations, list) or not isinstance(
            invocations[0].get("executionSuccessful"), bool):
        fail("invocations[0].executionSuccessful missing")
    for j, note in enumerate(
            invocations[0].get("toolExecutionNotifications", [])):
        where = "toolExecutionNotifications[%d]" % j
        if not note.get("message", {}).get("text"):
            fail(where + ": no message.text")
        if note.get("level") not in ("none", "note", "warning", "error"):
            fail(where + ": bad level %r" % note.get("level"))
        for location in note.get("locations", []):
            check_artifact(where, location.get("physicalLocation", {}).get(
                "artifactLocation", {}), base_ids)
    results = run.get("results")
    if not isinstance(results, list):
        fail("results is not an array")
    reported = set()
    for i, result in enumerate(results):
        where = "results[%d]" % i
        rule_id = result.get("ruleId")
        index = result.get("ruleIndex")
        if not isinstance(index, int) or not 0 <= index < len(rules):
            fail(where + ": ruleIndex out of range")
        if rules[index]["id"] != rule_id:
            fail(where + ": ruleIndex points at %r, ruleId is %r" %
                 (rules[index]["id"], rule_id))
        if result.get("level") not in ("none", "note", "warning", "error"):
            fail(where + ": bad level %r" % result.get("level"))
        if not result.get("message", {}).get("text"):
            fail(where + ": no message.text")
        if not result.get("locations"):
            fail(where + ": no locations")
        fingerprints = result.get("partialFingerprints")
        if not isinstance(fingerprints, dict) or not fingerprints or \
                not all(isinstance(v, str) and v
                        for v in fingerprints.values()):
            fail(where + ": no partialFingerprints")
        for location in result.get("locations", []):
            check_location(where, location, base_ids)
            if not isinstance(location["physicalLocation"].get(
                    "region", {}).get("startLine"), int):
                fail(where + ": no region.startLine")
            line = location["physicalLocation"].get("region", {}).get(
                "startLine")
            reported.add("%s:%s" % (rule_id, line))
        for j, related in enumerate(result.get("relatedLocations", [])):
            if not isinstance(related.get("id"), int):
                fail(where + ".relatedLocations[%d]: no id" % j)
            if not related.get("message", {}).get("text"):
                fail(where + ".relatedLocations[%d]: no message" % j)
            if "physicalLocation" in related:
                check_location(where + ".relatedLocations[%d]" % j, related,
                               base_ids)
        for fix in result.get("fixes", []):
            for change in fix.get("artifactChanges", []):
                check_artifact(where + ".fixes", change.get(
                    "artifactLocation", {}), base_ids)
                if not change.get("replacements"):
                    fail(where + ": a fix without replacements")
    for expected in sys.argv[2:]:
        if expected not in reported:
            fail("expected %s among %s" % (expected, sorted(reported)))
    print("SARIF OK: %d result(s), %d rule(s)" % (len(results), len(rules)))


if __name__ == "__main__":
    main()
