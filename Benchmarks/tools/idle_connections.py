#!/usr/bin/env python3
"""Opens COUNT keep-alive connections to 127.0.0.1:PORT, makes one request on each, and holds them open
until told to stop, so the server's memory with many idle clients can be read.

    idle_connections.py PORT COUNT HOLD_SECONDS

Prints "open N" once all are open (and answered), then holds them HOLD_SECONDS and closes them. Bounded:
every socket has a timeout, and the script ends by itself.
"""
import resource
import socket
import sys
import time


def main():
    port, count, hold = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 1000), hard))
    sockets = []
    answered = 0
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port), timeout=30)
        s.sendall(b"GET /health HTTP/1.1\r\nHost: bench\r\n\r\n")
        sockets.append(s)
    for s in sockets:
        data = s.recv(4096)
        if data.startswith(b"HTTP/1.1 200"):
            answered += 1
    print("open %d answered %d" % (len(sockets), answered), flush=True)
    time.sleep(hold)
    for s in sockets:
        s.close()


if __name__ == "__main__":
    main()
