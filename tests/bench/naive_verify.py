#!/usr/bin/env python3
"""The naive verifier a new user would write first, the baseline of bench_cli_pipeline.

One token per line on stdin, one JSON line per token on stdout: sqlite3 + hashlib, one SELECT per
line. Keyward stores SHA-256 of the whole token text (docs/design.md), so this finds the same
keys the verifier does; it checks existence, state and expiry, nothing else (no checksum, no
limits, no usage recording).

    python3 naive_verify.py VAULT < tokens > answers
"""
import hashlib
import json
import sqlite3
import sys
import time

db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
now_ms = int(time.time() * 1000)
for line in sys.stdin:
    token = line.strip()
    digest = hashlib.sha256(token.encode()).digest()
    row = db.execute(
        "SELECT k.id, k.name, k.state, k.expires_at, k.revoked_at FROM key_secrets s "
        "JOIN api_keys k ON k.id = s.key_id WHERE s.hash = ?", (digest,)).fetchone()
    if row is None:
        print(json.dumps({"outcome": "NotFound", "http": 401}))
    else:
        valid = row[2] == 0 and row[4] is None and (row[3] is None or row[3] > now_ms)
        print(json.dumps({"outcome": "Valid" if valid else "Invalid", "http": 200 if valid else 401,
                          "key_id": row[0], "key_name": row[1]}))
