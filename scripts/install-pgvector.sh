#!/usr/bin/env bash
# Installs pgvector into the local PostgreSQL server (Debian), so claim-text embeddings are indexed
# there as they are on the embedded PGlite (issue 12). Run as root: `bash scripts/install-pgvector.sh`.
#
# Debian's binary package for the server's major version (postgresql-NN-pgvector) is used when the
# release has one. Debian 12 (bookworm, these machines) has none: then the extension is built from
# Debian's own source package of pgvector (the upstream tarball Debian ships in its archive, pinned
# below by version and SHA-256) against bookworm's postgresql-server-dev-NN, with PGXS, as Debian's
# package does. No restart is needed: PostgreSQL loads the library on `CREATE EXTENSION vector`.
# The migration ClaimMatchEmbeddings creates the extension when it is available.
set -euo pipefail

PGVECTOR_VERSION="0.8.0"
PGVECTOR_SHA256="867a2c328d4928a5a9d6f052cd3bc78c7d60228a9b914ad32aa3db88e9de27b0"
PGVECTOR_URL="http://deb.debian.org/debian/pool/main/p/pgvector/pgvector_${PGVECTOR_VERSION}.orig.tar.gz"

major="${PG_MAJOR:-$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)}"
if [ -z "$major" ]; then echo "install-pgvector: no PostgreSQL cluster under /etc/postgresql" >&2; exit 1; fi
if [ -f "/usr/share/postgresql/${major}/extension/vector.control" ]; then
  echo "install-pgvector: pgvector is installed for PostgreSQL ${major}"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt_install() { apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
apt-get update -qq
if apt-cache show "postgresql-${major}-pgvector" >/dev/null 2>&1; then
  apt_install "postgresql-${major}-pgvector"
  echo "install-pgvector: installed Debian's postgresql-${major}-pgvector"
  exit 0
fi

echo "install-pgvector: no postgresql-${major}-pgvector in this Debian release; building pgvector ${PGVECTOR_VERSION} from Debian's source archive"
apt_install "postgresql-server-dev-${major}" make gcc ca-certificates curl
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
curl -fsSL --retry 3 -o "$work/pgvector.tar.gz" "$PGVECTOR_URL"
echo "${PGVECTOR_SHA256}  $work/pgvector.tar.gz" | sha256sum -c --quiet -
tar -xzf "$work/pgvector.tar.gz" -C "$work"
# OPTFLAGS empty: no -march=native, so the library runs on any x86-64 machine the folder moves to.
# with_llvm=no: no JIT bitcode (it would need clang; PostgreSQL runs the C code either way).
make -s -C "$work/pgvector-${PGVECTOR_VERSION}" PG_CONFIG="/usr/lib/postgresql/${major}/bin/pg_config" OPTFLAGS="" with_llvm=no install >/dev/null
echo "install-pgvector: installed pgvector ${PGVECTOR_VERSION} for PostgreSQL ${major}"
