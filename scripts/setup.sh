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
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

npm ci
