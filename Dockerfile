# tunegate in a container: a release build in a Rust image, run from a slim Debian image as an
# unprivileged user, with the database on the /data volume.
#
#   docker build -t tunegate .          (or: podman build --format docker -t tunegate .)
#   docker run -d --env-file .env -v tunegate-data:/data tunegate
#
# Base images can be swapped (a mirror, a pinned digest) with --build-arg RUST_IMAGE=... and
# --build-arg RUNTIME_IMAGE=.... Plain Dockerfile syntax only (no heredocs, no COPY --link), so
# the same file builds under BuildKit and under buildah/podman.

ARG RUST_IMAGE=docker.io/library/rust:1-slim-bookworm
ARG RUNTIME_IMAGE=docker.io/library/debian:bookworm-slim

# ---- build ------------------------------------------------------------------------------------
FROM ${RUST_IMAGE} AS build
WORKDIR /src

# 1. Dependencies only, so that editing tunegate's sources does not rebuild serenity and sqlx:
#    the manifest with stub targets (every [[bench]] in Cargo.toml must exist for cargo to read it).
COPY Cargo.toml Cargo.lock ./
RUN mkdir -p src benches \
    && echo 'fn main() {}' > src/main.rs \
    && touch src/lib.rs \
    && for bench in $(sed -n 's/^name = "\(.*\)"$/\1/p' Cargo.toml | grep -v '^tunegate$'); do \
         echo 'fn main() {}' > "benches/$bench.rs"; \
       done \
    && cargo build --release --locked --bin tunegate \
    && rm -rf src benches

# 2. tunegate itself. config/ and locales/ are compiled in (include_str!), migrations/ too
#    (sqlx::migrate!, one folder per backend; build.rs rebuilds when they change), and the
#    chart's font from assets/ (include_bytes!).
COPY assets ./assets
COPY config ./config
COPY locales ./locales
COPY migrations ./migrations
COPY benches ./benches
COPY build.rs ./
COPY src ./src
# COPY keeps the files' own modification times, which may be older than the stub build above:
# touch them so cargo rebuilds the crate instead of reusing the stub.
RUN touch src/main.rs src/lib.rs \
    && cargo build --release --locked --bin tunegate \
    && ./target/release/tunegate --version

# ---- runtime ----------------------------------------------------------------------------------
FROM ${RUNTIME_IMAGE} AS runtime

# The bot talks HTTPS to Discord: it needs the CA certificates.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates \
    && apt-get clean \
    && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin

# An unprivileged user with a fixed uid, so a bind-mounted /data can be chowned to 10001 on the
# host. /data belongs to it before VOLUME, so a new named volume starts out writable.
RUN groupadd --gid 10001 tunegate \
    && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /app --shell /usr/sbin/nologin \
       tunegate \
    && mkdir -p /data \
    && chown 10001:10001 /data

COPY --from=build /src/target/release/tunegate /usr/local/bin/tunegate
# The shipped settings, for reference and for `config/local.toml` overrides mounted beside them
# (read relative to the working directory).
COPY config /app/config
# The labelled corpus, so `tunegate detect train` retrains inside the container with its default
# paths (from /app) on the team's feedback: see "Retraining" in the README.
COPY tests/data/detect /app/tests/data/detect
COPY tests/data/detect_corpus.tsv /app/tests/data/detect_corpus.tsv
WORKDIR /app

ENV DATABASE_URL=sqlite:///data/tunegate.db
# /healthz and /metrics; `tunegate health` (the HEALTHCHECK) asks it on 127.0.0.1.
ENV TUNEGATE_HTTP__LISTEN=0.0.0.0:9095
EXPOSE 9095
VOLUME /data
USER 10001:10001

# Healthy when the Gateway is connected and the database takes a write.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["tunegate", "health"]

ENTRYPOINT ["tunegate"]
CMD ["run"]
