# Sourced by tools/run and tools/test: installs the Debian 12 packages attune builds with,
# only when one is missing (apt-get needs root, or sudo).
attune_install_deps() {
  local packages=(build-essential cmake pkg-config libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libssl-dev
                  libgtest-dev libgmock-dev libbenchmark-dev libsfml-dev fonts-dejavu-core xvfb xauth clang-14
                  graphviz python3-jsonschema python3-yaml chromium libarchive-dev libsimdjson-dev
                  libpqxx-dev postgresql)
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}
