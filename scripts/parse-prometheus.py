#!/usr/bin/env python3
"""Parses a Prometheus text exposition (standard input) with prometheus_client's own parser and prints
every sample as JSON: [{"family", "type", "name", "labels", "value"}]. Exits 1 (with the parser's error on
standard error) when the text does not parse. Used by the metrics tests."""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

try:
    samples = [
        {"family": family.name, "type": family.type, "name": sample.name, "labels": sample.labels, "value": sample.value}
        for family in text_string_to_metric_families(sys.stdin.read())
        for sample in family.samples
    ]
except Exception as error:  # the parser raises ValueError and others on malformed text
    print(f"not a valid exposition: {error!r}", file=sys.stderr)
    sys.exit(1)
json.dump(samples, sys.stdout)
