#!/usr/bin/env python3
"""Puts CONTENT_FILE into RESULTS_FILE as the section NAME, replacing that section if it is there.

    put_section.py RESULTS_FILE NAME CONTENT_FILE

Each benchmark script owns one section of Benchmarks/RESULTS.md, so running one leaves the others' figures
in place. A section is the text between `<!-- section:NAME -->` and `<!-- /section:NAME -->`.
"""
import os
import sys


def main():
    results, name, content_file = sys.argv[1], sys.argv[2], sys.argv[3]
    begin, end = "<!-- section:%s -->" % name, "<!-- /section:%s -->" % name
    block = begin + "\n" + open(content_file).read().rstrip("\n") + "\n" + end + "\n"
    text = open(results).read() if os.path.exists(results) else ""
    if begin in text and end in text:
        before, rest = text.split(begin, 1)
        _, after = rest.split(end, 1)
        text = before + block + after.lstrip("\n")
    else:
        text = (text.rstrip("\n") + "\n\n" if text.strip() else "") + block
    open(results, "w").write(text)


if __name__ == "__main__":
    main()
