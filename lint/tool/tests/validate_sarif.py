"""Checks that a file is a well-formed SARIF 2.1.0 log of concurrency-lint.

Usage: validate_sarif.py LOG.json RULE:LINE [RULE:LINE ...]
Validates the structure the SARIF 2.1.0 schema requires of the parts the
lint writes (version, runs, tool.driver, rules, results, locations, regions,
related locations, fixes) and that each RULE:LINE pair is reported. Prints
what is wrong and exits 1 on the first problem.
"""
import json
import sys


def fail(message):
    print("SARIF check failed: " + message)
    sys.exit(1)


def check_location(where, location):
    physical = location.get("physicalLocation")
    if not isinstance(physical, dict):
        fail(where + ": no physicalLocation")
    uri = physical.get("artifactLocation", {}).get("uri")
    if not isinstance(uri, str) or not uri.startswith("file:///"):
        fail(where + ": artifactLocation.uri is not a file URI: %r" % uri)
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
    rules = driver.get("rules")
    if not isinstance(rules, list) or not rules:
        fail("tool.driver.rules is empty")
    ids = [rule.get("id") for rule in rules]
    if len(set(ids)) != len(ids):
        fail("duplicate rule ids: %r" % ids)
    for rule in rules:
        if not rule.get("shortDescription", {}).get("text"):
            fail("rule %r has no shortDescription.text" % rule.get("id"))
    invocations = run.get("invocations")
    if not isinstance(invocations, list) or not isinstance(
            invocations[0].get("executionSuccessful"), bool):
        fail("invocations[0].executionSuccessful missing")
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
        for location in result.get("locations", []):
            check_location(where, location)
            line = location["physicalLocation"].get("region", {}).get(
                "startLine")
            reported.add("%s:%s" % (rule_id, line))
        for j, related in enumerate(result.get("relatedLocations", [])):
            if not isinstance(related.get("id"), int):
                fail(where + ".relatedLocations[%d]: no id" % j)
            if not related.get("message", {}).get("text"):
                fail(where + ".relatedLocations[%d]: no message" % j)
            if "physicalLocation" in related:
                check_location(where + ".relatedLocations[%d]" % j, related)
        for fix in result.get("fixes", []):
            for change in fix.get("artifactChanges", []):
                if not change.get("replacements"):
                    fail(where + ": a fix without replacements")
    for expected in sys.argv[2:]:
        if expected not in reported:
            fail("expected %s among %s" % (expected, sorted(reported)))
    print("SARIF OK: %d result(s), %d rule(s)" % (len(results), len(rules)))


if __name__ == "__main__":
    main()
