#!/usr/bin/env python3
"""Saves the bodies a running Dateline returns into files nginx serves at the same request paths.

    fetch-responses.py BASE_URL IDS_FILE ROOT QUERY...

BASE_URL is the running server (http://127.0.0.1:PORT); IDS_FILE has one article id a line; each QUERY is a
list query string (limit=20, tag=sudan&limit=20, ...). Writes ROOT/articles/{id}, ROOT/list/{QUERY}.json
and ROOT/health, over one keep-alive connection, and fails on any answer but 200.
"""
import http.client
import os
import sys
import urllib.parse


def main():
    base, ids_file, root, queries = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)

    def fetch(path, destination):
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            sys.exit(f"{path}: status {response.status}")
        os.makedirs(os.path.dirname(destination), exist_ok=True)
        with open(destination, "wb") as out:
            out.write(body)

    with open(ids_file) as lines:
        ids = [line.strip() for line in lines if line.strip()]
    for article_id in ids:
        fetch(f"/articles/{article_id}", os.path.join(root, "articles", article_id))
    for query in queries:
        fetch(f"/articles?{query}", os.path.join(root, "list", f"{query}.json"))
    fetch("/health", os.path.join(root, "health"))
    connection.close()
    print(f"saved {len(ids)} articles, {len(queries)} lists and /health under {root}")


if __name__ == "__main__":
    main()
