# Shared set-up for scripts/winnow, scripts/test, scripts/eval and scripts/bench (sourced, not run).
# Installs the Debian packages the build needs (only those missing), then configures and builds
# winnow in Release when the build is missing or stale. Quiet unless something is installed or fails.

WINNOW_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WINNOW_BUILD=${WINNOW_BUILD:-$WINNOW_ROOT/build}

# Every Debian 12 package the build and the tests need.
WINNOW_PACKAGES=(
  g++ cmake ninja-build pkg-config python3
  libgumbo-dev libcurl4-openssl-dev libboost-regex-dev catch2
  libtomlplusplus-dev libcli11-dev libuchardet-dev libsqlite3-dev
  nlohmann-json3-dev zlib1g-dev libbrotli-dev libutf8proc-dev libicu-dev libexpat1-dev libssl-dev libcld2-dev
  cmark cmark-gfm wget time help2man
  pybind11-dev python3-dev python3-pybind11 python3-pytest python3-distributed
)

winnow_install_packages() {
  local missing=() p
  for p in "${WINNOW_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  echo "winnow: installing ${missing[*]}" >&2
  local sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq >&2 || return 1
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || return 1
}

# Configures when needed, then lets the build tool decide what is stale.
winnow_build() {
  local type=${1:-Release}
  if [[ ! -f $WINNOW_BUILD/build.ninja ]]; then
    cmake -S "$WINNOW_ROOT" -B "$WINNOW_BUILD" -G Ninja -DCMAKE_BUILD_TYPE="$type" >/dev/null || return 1
  fi
  local log
  log=$(cmake --build "$WINNOW_BUILD" -j "$(nproc)" 2>&1) || { echo "$log" >&2; return 1; }
}

winnow_setup() {
  winnow_install_packages || { echo "winnow: installing the build packages failed" >&2; return 1; }
  winnow_build || { echo "winnow: the build failed" >&2; return 1; }
}

# The sanitizer build and the fuzzers (scripts/test-sanitize, scripts/fuzz) need clang and
# libFuzzer besides the build's packages; the normal build does not.
WINNOW_SANITIZE_PACKAGES=(clang-16 libclang-rt-16-dev libfuzzer-16-dev)
WINNOW_SANITIZE_BUILD=${WINNOW_SANITIZE_BUILD:-$WINNOW_ROOT/build-sanitize}

# Builds winnow, its tests and the fuzzers with clang 16 under AddressSanitizer and
# UndefinedBehaviorSanitizer (and libFuzzer's coverage) in $WINNOW_SANITIZE_BUILD.
winnow_setup_sanitize() {
  WINNOW_PACKAGES+=("${WINNOW_SANITIZE_PACKAGES[@]}")
  winnow_install_packages || { echo "winnow: installing the build packages failed" >&2; return 1; }
  if [[ ! -f $WINNOW_SANITIZE_BUILD/build.ninja ]]; then
    # -O1 with line tables only: a quick build whose reports still name file and line. No Python
    # module: a library built with ASan cannot be loaded by an uninstrumented Python.
    cmake -S "$WINNOW_ROOT" -B "$WINNOW_SANITIZE_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
      -DCMAKE_CXX_COMPILER=clang++-16 -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
      -DWINNOW_SANITIZE=address,undefined -DWINNOW_FUZZ=ON -DWINNOW_PYTHON_MODULE=OFF >/dev/null || return 1
  fi
  local log
  log=$(cmake --build "$WINNOW_SANITIZE_BUILD" -j "$(nproc)" 2>&1) || { echo "$log" >&2; return 1; }
}

# The Debian package (scripts/package): dpkg-shlibdeps (dpkg-dev) and file, which CPack uses to
# find the shared libraries the binary needs, besides the build's packages.
WINNOW_PACKAGE_PACKAGES=(dpkg-dev file)
WINNOW_PACKAGE_BUILD=${WINNOW_PACKAGE_BUILD:-$WINNOW_ROOT/build-package}

# Builds the .deb from a clean Release build in $WINNOW_PACKAGE_BUILD (no tests, no Python
# module, no fallback on this source tree's profiles/); prints the package's path.
winnow_build_package() {
  WINNOW_PACKAGES+=("${WINNOW_PACKAGE_PACKAGES[@]}")
  winnow_install_packages || { echo "winnow: installing the build packages failed" >&2; return 1; }
  rm -rf "$WINNOW_PACKAGE_BUILD"
  local log
  log=$(cmake -S "$WINNOW_ROOT" -B "$WINNOW_PACKAGE_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
          -DBUILD_TESTING=OFF -DWINNOW_PYTHON_MODULE=OFF -DWINNOW_SOURCE_TREE_PROFILES=OFF 2>&1) &&
    log=$(cmake --build "$WINNOW_PACKAGE_BUILD" -j "$(nproc)" 2>&1) &&
    log=$(cd "$WINNOW_PACKAGE_BUILD" && cpack -G DEB 2>&1) || { echo "$log" >&2; return 1; }
  local debs=("$WINNOW_PACKAGE_BUILD"/winnow_*.deb)
  [[ -f ${debs[0]} ]] || { echo "winnow: cpack made no winnow_*.deb" >&2; return 1; }
  echo "${debs[0]}"
}
