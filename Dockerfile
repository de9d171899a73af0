# Dateline in a container: a Swift 6 build stage and a slim Debian runtime of the same release (bookworm),
# so the shared libraries built against are the ones the image runs with.
#   docker build -t dateline . && docker run -p 8080:8080 dateline
# Kept in step with the Makefile by Tests/DatelineCLITests/DockerfileTests.swift: the build stage installs
# scripts/install-deps.sh's build packages, builds with the Makefile's release flags plus
# --static-swift-stdlib, and the runtime installs exactly the libraries those -dev packages ship.

FROM swift:6.3-bookworm AS build
# Unpinned on purpose: the base image pins the Debian release; its security updates are wanted.
# hadolint ignore=DL3008
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        pkg-config libnghttp2-dev zlib1g-dev libsqlite3-dev libpq-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The manifest first, so a change to the sources does not fetch the dependencies again.
COPY Package.swift ./
RUN swift package resolve
# The manifest names the test targets too, so their folders must exist; only the server is built.
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product dateline --static-swift-stdlib \
    && install -D "$(swift build -c release --product dateline --static-swift-stdlib --show-bin-path)/dateline" /out/dateline

FROM debian:bookworm-slim
# hadolint ignore=DL3008
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        libnghttp2-14 zlib1g libsqlite3-0 libpq5 \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 dateline \
    && useradd --system --uid 10001 --gid 10001 --home-dir /app --shell /usr/sbin/nologin dateline
WORKDIR /app
COPY --from=build /out/dateline /usr/local/bin/dateline
COPY Public ./Public
# Not root: the numeric id, so the host's policies can check it.
USER 10001:10001
EXPOSE 8080
# GETs /health on the port serve uses (DATELINE_PORT, then PORT, then 8080): no curl in the image.
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 CMD ["dateline", "healthcheck"]
ENTRYPOINT ["dateline"]
CMD ["serve", "--host", "0.0.0.0", "--public", "/app/Public"]
