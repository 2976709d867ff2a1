#!/usr/bin/env python3
"""Checks that PyYAML, a YAML 1.1 loader, reads each YAML bundle as the same document as its JSON twin.

    python3 scripts/check-yaml11.py [dist/openapi]

For every <api>.yaml in the folder that has an <api>.json beside it, the YAML is loaded with PyYAML's safe loader
(the pure-Python one, and the libyaml one when PyYAML was built with it) and compared with the JSON, types included:
a string that comes back as a date, a boolean or a number is a difference. Prints one line per bundle and loader and
up to ten differences each. Exit status: 0 when every bundle matches, 1 on a difference or a bundle PyYAML cannot
load, 2 when PyYAML is missing or the folder holds no bundle pair.
"""

import json
import sys
from pathlib import Path

MAX_SHOWN = 10


def differences(expected, actual, path="", found=None):
    """Paths where `actual` differs from `expected` in type or value (bool is not int, int is not float)."""
    found = [] if found is None else found
    if type(expected) is not type(actual):
        found.append(f"{path or '/'}: {type(expected).__name__} {expected!r:.60} read as {type(actual).__name__} {actual!r:.60}")
    elif isinstance(expected, dict):
        for key in sorted(set(expected) | set(actual), key=str):
            if key not in actual:
                found.append(f"{path}/{key}: missing")
            elif key not in expected:
                found.append(f"{path}/{key}: unexpected key {key!r}")
            else:
                differences(expected[key], actual[key], f"{path}/{key}", found)
    elif isinstance(expected, list):
        if len(expected) != len(actual):
            found.append(f"{path or '/'}: {len(expected)} items read as {len(actual)}")
        else:
            for index, (e, a) in enumerate(zip(expected, actual)):
                differences(e, a, f"{path}/{index}", found)
    elif expected != actual:
        found.append(f"{path or '/'}: {expected!r:.60} read as {actual!r:.60}")
    return found


def main(argv):
    folder = Path(argv[1] if len(argv) > 1 else "dist/openapi")
    try:
        import yaml
    except ImportError:
        print("check-yaml11: PyYAML is not installed (pip install pyyaml, or the python3-yaml package)", file=sys.stderr)
        return 2
    loaders = [("SafeLoader", yaml.SafeLoader)]
    if getattr(yaml, "CSafeLoader", None) is not None:
        loaders.append(("CSafeLoader", yaml.CSafeLoader))
    pairs = [(y, y.with_suffix(".json")) for y in sorted(folder.glob("*.yaml")) if y.with_suffix(".json").is_file()]
    if not pairs:
        print(f"check-yaml11: no <api>.yaml with an <api>.json beside it in {folder}", file=sys.stderr)
        return 2
    failed = False
    for yaml_file, json_file in pairs:
        expected = json.loads(json_file.read_text(encoding="utf-8"))
        text = yaml_file.read_text(encoding="utf-8")
        for name, loader in loaders:
            try:
                found = differences(expected, yaml.load(text, Loader=loader))
            except yaml.YAMLError as err:
                found = [f"cannot load: {err}"]
            status = "ok" if not found else f"{len(found)} difference(s)"
            print(f"{yaml_file} (PyYAML {yaml.__version__} {name}): {status}")
            for line in found[:MAX_SHOWN]:
                print(f"  {line}")
            failed = failed or bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
