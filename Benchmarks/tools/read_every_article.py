#!/usr/bin/env python3
"""Asks for every article of IDS_FILE once, over CONNECTIONS keep-alive connections, and checks each is a 200.

    read_every_article.py PORT IDS_FILE [CONNECTIONS]

Used by Benchmarks/stores.sh to fill the response cache with the whole hot set before measuring it (wrk
cannot stop after a number of requests). Each connection pipelines a few requests at a time so Python is not
the bottleneck; the ids go to the connections in turn, so every id is asked exactly once. Prints how long it
took; exits non-zero on any other status or a closed connection.
"""
import socket
import sys
import threading
import time

# The response reader of the callgrind client beside this file: a status, the body skipped by its length.
from keepalive_client import read_response

PIPELINE = 16


def run(port, ids, failures):
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    buffer = b""
    for start in range(0, len(ids), PIPELINE):
        batch = ids[start:start + PIPELINE]
        sock.sendall(b"".join(b"GET /articles/%s HTTP/1.1\r\nHost: bench\r\n\r\n" % i.encode() for i in batch))
        for article in batch:
            status, buffer = read_response(sock, buffer)
            if status != 200:
                failures.append(f"{article}: {status}")
    sock.close()


def main():
    port, ids_file = int(sys.argv[1]), sys.argv[2]
    connections = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    ids = open(ids_file).read().split()
    failures = []
    started = time.monotonic()
    threads = [threading.Thread(target=run, args=(port, ids[n::connections], failures)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    if failures:
        raise SystemExit(f"{len(failures)} answers were not 200, e.g. {failures[:3]}")
    print(f"{len(ids)} articles read once in {elapsed:.1f} s ({len(ids) / elapsed:.0f} req/s, Python-bound)")


if __name__ == "__main__":
    main()
