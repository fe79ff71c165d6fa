"""Validates SARIF logs against the SARIF 2.1.0 JSON schema (draft-04) with the `jsonschema`
package: every log given must pass, and each log with one required property removed must fail
(so the check can fail). Prints `sarif-schema: N passed, N failed`.

Usage: python validate_sarif.py SCHEMA.json LOG.sarif...
"""
import copy
import json
import sys

import jsonschema


def main() -> int:
    schema_path, *logs = sys.argv[1:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    passed = failed = 0
    for path in logs:
        with open(path, encoding="utf-8") as f:
            log = json.load(f)
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        if errors:
            failed += 1
            print(f"FAIL {path}: {errors[0].message} at {list(errors[0].path)}")
        else:
            passed += 1
            print(f"ok   {path}")
        # Mutants that the schema must refuse: no message text on a result, no driver name.
        mutants = []
        if log["runs"][0].get("results"):
            m = copy.deepcopy(log)
            del m["runs"][0]["results"][0]["message"]
            mutants.append(("result without message", m))
        m = copy.deepcopy(log)
        del m["runs"][0]["tool"]["driver"]["name"]
        mutants.append(("driver without name", m))
        for what, m in mutants:
            if validator.is_valid(m):
                failed += 1
                print(f"FAIL {path}: the schema accepted a {what}")
            else:
                passed += 1
    print(f"sarif-schema: {passed} passed, {failed} failed")
    return 1 if failed or not logs else 0


if __name__ == "__main__":
    sys.exit(main())
