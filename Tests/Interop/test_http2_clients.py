"""HTTP/2 with real clients against a real `dateline serve` (issue 6): curl (prior knowledge and Upgrade),
nghttp, and Python's h2 over a raw socket for what the command-line clients cannot do (100 streams at once,
a small window, a reset flood, a malformed frame).

Run by scripts/interop-tests.sh, which starts the server and passes DATELINE_URL and DATELINE_PUBLIC."""
import os
import re
import socket
import subprocess
import unittest
import urllib.parse
import urllib.request

import h2.config
import h2.connection
import h2.errors
import h2.events
import h2.settings

BASE = os.environ["DATELINE_URL"]
HOST, PORT = urllib.parse.urlsplit(BASE).hostname, urllib.parse.urlsplit(BASE).port
PATHS = ["/articles", "/articles?limit=3&fields=id,title", "/articles/a1b2c3d4e5", "/categories", "/tags?limit=5",
         "/articles?q=drought", "/health", "/no-such-file", "/articles?limit=0"]


def http1(path, headers=None):
    request = urllib.request.Request(BASE + path, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class H2:
    """A raw-socket HTTP/2 client on the h2 state machine; every read is bounded by the socket timeout."""

    def __init__(self, window=None, timeout=10):
        self.sock = socket.create_connection((HOST, PORT), timeout=timeout)
        self.conn = h2.connection.H2Connection(config=h2.config.H2Configuration(client_side=True))
        self.conn.initiate_connection()
        if window is not None:
            self.conn.update_settings({h2.settings.SettingCodes.INITIAL_WINDOW_SIZE: window})
        self.flush()
        self.bodies, self.statuses, self.ended, self.reset = {}, {}, set(), set()
        self.goaway = None
        self.auto_ack = True

    def flush(self):
        data = self.conn.data_to_send()
        if data:
            self.sock.sendall(data)

    def get(self, path):
        stream = self.conn.get_next_available_stream_id()
        self.conn.send_headers(stream, [(":method", "GET"), (":scheme", "http"), (":authority", f"{HOST}:{PORT}"),
                                        (":path", path)], end_stream=True)
        self.bodies[stream] = b""
        return stream

    def pump(self, until):
        """Reads and handles frames until `until()` holds or the peer closes; False if it closed first."""
        while not until():
            try:
                data = self.sock.recv(65536)
            except (ConnectionResetError, BrokenPipeError):
                return False
            if not data:
                return False
            for event in self.conn.receive_data(data):
                if isinstance(event, h2.events.ResponseReceived):
                    self.statuses[event.stream_id] = int(dict(event.headers)[b":status"])
                elif isinstance(event, h2.events.DataReceived):
                    self.bodies[event.stream_id] += event.data
                    if self.auto_ack:
                        self.conn.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
                elif isinstance(event, h2.events.StreamEnded):
                    self.ended.add(event.stream_id)
                elif isinstance(event, h2.events.StreamReset):
                    self.reset.add(event.stream_id)
                elif isinstance(event, h2.events.ConnectionTerminated):
                    self.goaway = event.error_code
            self.flush()
        return True

    def closed_by_peer(self, seconds=5):
        self.sock.settimeout(seconds)
        try:
            while True:
                data = self.sock.recv(65536)
                if not data:
                    return True
                try:
                    for event in self.conn.receive_data(data):
                        if isinstance(event, h2.events.ConnectionTerminated):
                            self.goaway = event.error_code
                except Exception:
                    pass
        except (ConnectionResetError, BrokenPipeError):
            return True
        except socket.timeout:
            return False

    def close(self):
        self.sock.close()


class RealClients(unittest.TestCase):
    def test_curl_prior_knowledge_and_upgrade_match_http1(self):
        for flag, version in (("--http2-prior-knowledge", "2"), ("--http2", "2")):
            for path in PATHS:
                result = subprocess.run(
                    ["curl", "-s", flag, "-o", "-", "-w", "\n%{http_code} %{http_version}", BASE + path],
                    capture_output=True, timeout=20, check=True)
                body, _, trailer = result.stdout.rpartition(b"\n")
                status, got_version = trailer.decode().split()
                want_status, want_body = http1(path)
                self.assertEqual(got_version, version, f"{flag} {path}")
                self.assertEqual(int(status), want_status, f"{flag} {path}")
                if path != "/health":  # /health carries the uptime
                    self.assertEqual(body, want_body, f"{flag} {path}")

    def test_nghttp(self):
        result = subprocess.run(["nghttp", "-n", "-s", "-v", BASE + "/articles?limit=5"],
                                capture_output=True, timeout=20)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        out = result.stdout.decode()
        self.assertIn(":status: 200", out)
        self.assertIn("content-type: application/json", out)
        # No hop-by-hop field in an HTTP/2 response.
        self.assertIsNone(re.search(r"recv \(stream_id=\d+\) (connection|keep-alive|transfer-encoding):", out), out)

    def test_100_concurrent_streams_equal_http1(self):
        client = H2()
        wanted = {}
        for index in range(100):
            path = PATHS[index % len(PATHS)]
            wanted[client.get(path)] = path
        client.flush()
        self.assertTrue(client.pump(lambda: len(client.ended) == 100), "the server closed the connection")
        for stream, path in wanted.items():
            status, body = http1(path)
            self.assertEqual(client.statuses[stream], status, path)
            if path != "/health":
                self.assertEqual(client.bodies[stream], body, path)
        client.close()

    def test_2mb_response_through_a_16k_window(self):
        client = H2(window=16384)
        stream = client.get("/big.json")
        client.flush()
        self.assertTrue(client.pump(lambda: stream in client.ended))
        self.assertEqual(client.statuses[stream], 200)
        with open(os.path.join(os.environ["DATELINE_PUBLIC"], "big.json"), "rb") as file:
            self.assertEqual(client.bodies[stream], file.read())
        self.assertGreaterEqual(len(client.bodies[stream]), 2_000_000)
        client.close()

    def test_reset_flood_is_cut_off_while_others_are_served(self):
        flooder = H2()
        bystander = H2()
        for _ in range(1000):
            stream = flooder.get("/articles")
            flooder.conn.reset_stream(stream)
        try:
            flooder.flush()
        except (ConnectionResetError, BrokenPipeError):
            pass
        self.assertTrue(flooder.closed_by_peer(), "the flooding connection was not closed")
        self.assertEqual(flooder.goaway, h2.errors.ErrorCodes.ENHANCE_YOUR_CALM)
        flooder.close()
        stream = bystander.get("/articles/a1b2c3d4e5")
        bystander.flush()
        self.assertTrue(bystander.pump(lambda: stream in bystander.ended))
        self.assertEqual(bystander.statuses[stream], 200)
        bystander.close()

    def test_malformed_frame_gets_goaway_while_others_are_served(self):
        bad = H2()
        other = H2()
        # A DATA frame on stream 0 is a connection error (RFC 9113 §6.1).
        bad.sock.sendall(b"\x00\x00\x01\x00\x00\x00\x00\x00\x00" + b"x")
        self.assertTrue(bad.closed_by_peer(), "the connection was not closed")
        self.assertEqual(bad.goaway, h2.errors.ErrorCodes.PROTOCOL_ERROR)
        bad.close()
        stream = other.get("/health")
        other.flush()
        self.assertTrue(other.pump(lambda: stream in other.ended))
        self.assertEqual(other.statuses[stream], 200)
        other.close()


class GzipBomb(unittest.TestCase):
    def test_bombs_are_413_and_the_server_memory_stays_flat(self):
        import gzip

        def peak_kb():
            with open(f"/proc/{os.environ['DATELINE_PID']}/status") as status:
                return int(next(line for line in status if line.startswith("VmHWM")).split()[1])

        bomb = gzip.compress(b"\0" * (10 * 1024 * 1024))
        self.assertLess(len(bomb), 64 * 1024)
        before = peak_kb()
        for _ in range(5):
            request = urllib.request.Request(BASE + "/articles", data=bomb, method="POST", headers={
                "Authorization": "Bearer " + os.environ["DATELINE_TOKEN"], "Content-Type": "application/json",
                "Content-Encoding": "gzip"})
            with self.assertRaises(urllib.error.HTTPError) as caught:
                urllib.request.urlopen(request, timeout=10)
            self.assertEqual(caught.exception.code, 413)
        # Five 10 MiB bombs: the peak may move by the body limit's worth of work, never by the inflated size.
        self.assertLess(peak_kb() - before, 8 * 1024)
        self.assertEqual(http1("/health")[0], 200)


if __name__ == "__main__":
    unittest.main(verbosity=2)
