#!/usr/bin/env bash
# Everything a fresh Debian machine needs before `npm start` or `npm test`: the browsers the
# extension runs in, CJK fonts (without them Chinese renders as empty boxes in screenshots), and
# the npm dependencies. Installs only what is missing; needs root or sudo for the first part.
set -euo pipefail
cd "$(dirname "$0")/.."

required=(chromium firefox-esr fonts-noto-cjk)

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
for pkg in "${required[@]}"; do
  installed "$pkg" || missing+=("$pkg")
done

if ((${#missing[@]} > 0)); then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null; then
      echo "need root or sudo to install: ${missing[*]}" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  echo "installing ${missing[*]}"
  # A mirror that stops answering would otherwise hold the install until CI gives up; and on a
  # machine just booted, the system's own daily apt run may hold the lock for a while.
  apt_opts=(-o Acquire::Retries=3 -o Acquire::http::Timeout=60 -o DPkg::Lock::Timeout=600)
  "${sudo[@]}" apt-get "${apt_opts[@]}" update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y --no-install-recommends "${missing[@]}"
fi

# npm ci can stall without a word and never return (npm/cli#4028; one CI run sat in it until its
# 90-minute limit, where it takes under a minute here): an attempt gets ten minutes, then another
# starts from scratch (npm ci empties node_modules first).
for attempt in 1 2 3; do
  if timeout --kill-after=30 600 npm ci --no-audit --no-fund; then
    exit 0
  fi
  echo "npm ci attempt $attempt failed or stalled ($(date -u +%T) UTC)" >&2
done
exit 1
