#!/usr/bin/env python3
"""regex_scan.py (--gitleaks TOML | --trufflehog YAML | --github MD) FILE...

Applies one of the rules in contrib/scanners/ the way its engine does, with Python's re in
ASCII mode (RE2 and Hyperscan, the engines of gitleaks, TruffleHog and GitHub, have ASCII \\b):
the keywords first (case-insensitive), then the regular expression, then the entropy threshold
on the secret. Prints one JSON object per match: file, line (1-based), column (1-based), secret.
For the scanner tests (test_scanners); the rule files are read, not copied, so that what is
published is what is tested.
"""
import json
import math
import re
import sys
import tomllib


def entropy(text):
    counts = {c: text.count(c) for c in set(text)}
    return -sum(n / len(text) * math.log2(n / len(text)) for n in counts.values())


def gitleaks(path):
    with open(path, "rb") as f:
        (rule,) = tomllib.load(f)["rules"]
    return re.compile(rule["regex"], re.ASCII), rule["keywords"], rule.get("entropy", 0), rule.get("secretGroup", 0)


def trufflehog(path):
    # A minimal reader for this one file's shape (Debian's python3 has no YAML module).
    text = open(path, encoding="utf-8").read()
    regex = re.search(r"^\s+key: '(.*)'$", text, re.M).group(1).replace("''", "'")
    block = re.search(r"^\s+keywords:\n((?:\s+#.*\n)?(?:\s+- .*\n)+)", text, re.M).group(1)
    keywords = re.findall(r"^\s+- (\S+)$", block, re.M)
    found = re.search(r"^\s+entropy: ([0-9.]+)$", text, re.M)
    # TruffleHog reports the first capture group when there is one.
    return re.compile(regex, re.ASCII), keywords, float(found.group(1)) if found else 0, 1


def github(path):
    text = open(path, encoding="utf-8").read()
    block = re.search(r"```text\n(.*?)```", text, re.S).group(1)
    fields = dict(re.findall(r"^(secret format|before secret|after secret):\s+(.*)$", block, re.M))
    # Python spells Hyperscan's \z as \Z; the boundary after the secret is not consumed, so
    # that two keys separated by one character are both found, as GitHub finds them.
    after = fields["after secret"].replace(r"\z", r"\Z")
    regex = f"(?:{fields['before secret']})({fields['secret format']})(?={after})"
    return re.compile(regex, re.ASCII), [], 0, 1


def main(argv):
    kind, rule_path, files = argv[1], argv[2], argv[3:]
    pattern, keywords, min_entropy, group = {"--gitleaks": gitleaks, "--trufflehog": trufflehog, "--github": github}[kind](rule_path)
    for path in files:
        content = open(path, encoding="utf-8", errors="surrogateescape").read()
        lowered = content.lower()
        if keywords and not any(k.lower() in lowered for k in keywords):
            continue
        for match in pattern.finditer(content):
            secret = match.group(group)
            if min_entropy and entropy(secret) < min_entropy:
                continue
            start = match.start(group)
            line = content.count("\n", 0, start) + 1
            column = start - (content.rfind("\n", 0, start) + 1) + 1
            print(json.dumps({"file": path, "line": line, "column": column, "secret": secret}))


if __name__ == "__main__":
    main(sys.argv)
