#!/usr/bin/env bash
# Installs Debian's libcmark-dev when the cmark header is missing. The Swift package
# links the system libcmark for all Markdown rendering.
set -euo pipefail
if [ -f /usr/include/cmark.h ] || pkg-config --exists libcmark 2>/dev/null; then
  exit 0
fi
echo "libcmark-dev is missing; installing it with apt-get" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libcmark-dev
