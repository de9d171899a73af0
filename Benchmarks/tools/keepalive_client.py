#!/usr/bin/env python3
"""Sends COUNT GET requests over one keep-alive connection, one at a time, and checks each is a 200.

    keepalive_client.py PORT COUNT IDS_FILE [SEED]

IDS_FILE holds one article id per line; each request asks for a random one (fixed seed, so two runs send
the same requests). A line starting with "/" is a path instead, in which "{n}" becomes the request's number
(so `/articles?limit=20&_={n}` asks for a list the response cache has never seen). Used to count instructions per request under callgrind, where a load generator
running in parallel would only add noise.
"""
import random
import socket
import sys
import time


def read_response(sock, buffer):
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            raise SystemExit("connection closed")
        buffer += chunk
    head, _, rest = buffer.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise SystemExit("connection closed")
        rest += chunk
    return status, rest[length:]


def main():
    port, count, ids_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 42)
    ids = [line.strip() for line in open(ids_file) if line.strip()]
    # Under valgrind the server may take a moment between logging its port and accepting: retry, bounded.
    deadline = time.monotonic() + 30
    while True:
        try:
            sock = socket.create_connection(("127.0.0.1", port), timeout=60)
            break
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    buffer = b""
    for number in range(count):
        choice = rnd.choice(ids)
        path = choice.replace("{n}", str(number)) if choice.startswith("/") else "/articles/" + choice
        request = "GET %s HTTP/1.1\r\nHost: bench\r\n\r\n" % path
        sock.sendall(request.encode())
        status, buffer = read_response(sock, buffer)
        if status != 200:
            raise SystemExit("got %d" % status)
    sock.close()


if __name__ == "__main__":
    main()
