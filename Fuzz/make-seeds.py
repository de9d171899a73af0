#!/usr/bin/env python3
"""Writes the seed corpora in Fuzz/Corpus/<target>/ from inputs the tests use. Run it again after changing
it; the files it writes are committed (a fresh clone fuzzes from them without Python's h2 installed)."""
import base64, os, re, struct, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def write(target, name, data):
    folder = os.path.join(HERE, "Corpus", target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


# HTTP/1.1 heads and bodies as RequestParserTests and the server tests send them. For http1 and chunked the
# first byte picks the read size; \x00 is one byte at a time, \xff all at once (63 + 1 = 64 bytes).
requests = {
    "get": "GET /articles?tag=a|b HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n",
    "get10": "GET / HTTP/1.0\r\n\r\n",
    "absolute": "GET http://example.com/articles?limit=2 HTTP/1.1\r\nHost: example.com\r\n\r\n",
    "options": "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
    "post": "POST /articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"title\":\"t\"}",
    "chunked": "POST /articles HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=\"v\"\r\n world\r\n0\r\nTrailer: x\r\n\r\n",
    "expect": "PUT /articles/n1 HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}",
    "pipelined": "GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /ready HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    "emptyline": "\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n",
    "smuggle": "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    "lengths": "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 3\r\n\r\nabc",
    "upgrade": "GET /articles HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAoAAA\r\n\r\n",
}
for name, text in requests.items():
    write("http1", name, b"\x00" + text.encode())
    write("http1", name + "-whole", b"\xff" + text.encode())
    write("connection", name, text)

chunked = {
    "simple": "5\r\nhello\r\n0\r\n\r\n",
    "two": "3\r\nabc\r\nA\r\n0123456789\r\n0\r\n\r\n",
    "extensions": "4 ; a=b ; c=\"d\\\"e\"\r\nwxyz\r\n0;last\r\n\r\n",
    "trailers": "1\r\nx\r\n0\r\nExpires: never\r\nX-Check: 1\r\n\r\n",
    "pipelined": "0\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n",
}
for name, text in chunked.items():
    write("chunked", name, b"\x00" + text.encode())
    write("chunked", name + "-whole", b"\xff" + text.encode())

# Queries from ListArticlesTests and the contract's examples.
queries = [
    "category=africa", "category=world%7Csport", "tag=ukraine,russia", "tag=sudan|russia", "tag=drought,-kenya",
    "author=staff+reporter", "lang=fr|sw", "breaking=true", "from=2025-09-02&to=2025-09-04",
    "from=2025-09-06T08:30:00Z&to=2025-09-06T09:00:00%2B01:00", "q=drought+aid&sort=relevance", "sort=oldest&limit=3",
    "page=2&limit=5", "fields=id,title,tags", "fields=*", "status=any", "limit=0", "catgory=x", "_=123&limit=2",
    "cursor=Zm9vYmFy",
]
for index, query in enumerate(queries):
    write("query", f"q{index:02}", query)


# Cursors as ArticleCursor.encoded makes them (see Sources/Articles/Query/ArticleCursor.swift).
def cursor(sort, key, score, ident):
    payload = bytes([1, sort]) + struct.pack(">q", key) + struct.pack(">q", score) + ident.encode()
    h = 2166136261
    for b in payload:
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    check = (h ^ (h >> 16)) & 0xFFFF
    return base64.urlsafe_b64encode(payload + struct.pack(">H", check)).decode().rstrip("=")


for index, (sort, key, score, ident) in enumerate([(1, 1757142000, 0, "n3"), (2, 0, 0, "a1b2c3d4e5"), (3, -1, 0, "x"), (4, 1757142000, 12345, "n10")]):
    write("cursor", f"c{index}", cursor(sort, key, score, ident))
    write("query", f"cursor{index}", ("sort=relevance&q=aid&" if sort == 4 else "") + "cursor=" + cursor(sort, key, score, ident))
write("cursor", "foreign", "Zm9vYmFy")

# Import files: the DatelineAPITests fixtures, whole and article by article.
fixtures = open(os.path.join(ROOT, "Tests/DatelineAPITests/Fixtures.swift"), encoding="utf-8").read()
array = re.search(r'static let json = #"""\n(.*?)\n    """#', fixtures, re.S).group(1)
write("import", "fixtures", array.replace("\n      ", "\n"))
for index, line in enumerate(l.strip().rstrip(",") for l in array.splitlines() if l.strip().startswith("{")):
    if index < 4:
        write("import", f"article{index}", "[" + line + "]")
write("import", "empty", "[]")
write("import", "invalid", '[{"title":"","body":"b","category":"x y","tags":["a","a"],"language":"english","status":"live"}]')

# Write bodies from WriteCreateTests and WriteUpdateTests.
for path, target in [("Tests/DatelineAPITests/WriteCreateTests.swift", "write"), ("Tests/DatelineAPITests/WriteUpdateTests.swift", "patch"),
                     ("Tests/DatelineAPITests/WriteValidationTests.swift", "write")]:
    source = open(os.path.join(ROOT, path), encoding="utf-8").read()
    for index, body in enumerate(sorted(set(re.findall(r'#"(\{.*?\})"#', source)))[:20]):
        write(target, f"{os.path.basename(path)[:-6]}-{index:02}", body)
for index, body in enumerate(['{"tags":null}', '{"title":"New title","summary":null}', '{"related":["x9y8z7w6v5"]}', '{"status":"archived"}', '{}']):
    write("patch", f"merge-{index}", body)

# HTTP/2: frames after the preface (the target sends the preface itself), made with the h2 library the
# interop tests use.
try:
    import h2.config, h2.connection
except ImportError:
    sys.exit("h2 is missing (pip install h2): HTTP/2 seeds not written")


def h2_frames(requests):
    raw = h2.connection.H2Connection(config=h2.config.H2Configuration(client_side=True, header_encoding="utf-8"))
    raw.initiate_connection()
    out = raw.data_to_send()[24:]
    for method, path, body in requests:
        stream = raw.get_next_available_stream_id()
        headers = [(":method", method), (":scheme", "http"), (":authority", "localhost"), (":path", path)]
        if body is not None:
            headers += [("content-type", "application/json"), ("authorization", "Bearer fuzz-editor-token")]
        raw.send_headers(stream, headers, end_stream=body is None)
        if body is not None:
            raw.send_data(stream, body.encode(), end_stream=True)
    raw.ping(b"12345678")
    return out + raw.data_to_send()


write("http2", "get", h2_frames([("GET", "/articles?limit=2", None)]))
write("http2", "several", h2_frames([("GET", "/health", None), ("GET", "/articles/a1b2c3d4e5", None), ("HEAD", "/categories", None)]))
write("http2", "post", h2_frames([("POST", "/articles", '{"title":"t","body":"b","category":"world"}')]))
write("http2", "patch", h2_frames([("PATCH", "/articles/a1b2c3d4e5", '{"tags":["x"]}')]))
write("http2", "settings-only", h2_frames([]))
