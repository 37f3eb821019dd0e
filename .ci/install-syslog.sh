#!/usr/bin/env bash
# Makes rsyslog and syslog-ng available to the forwarder integration test (SyslogForwardersTest), from Debian's
# packages. The two packages conflict (each is "the" system log daemon), so rsyslog is installed with apt and
# syslog-ng's package is unpacked into $WATCHFLOOR_TOOLS/syslog-ng and run from there (it never runs as the system's
# daemon). Running the script again reuses both.
#
#   eval "$(bash .ci/install-syslog.sh | tail -2)"     # exports WATCHFLOOR_RSYSLOGD and WATCHFLOOR_SYSLOG_NG
#
# Progress goes to stderr; the last two lines on stdout are the exports.
set -euo pipefail

TOOLS_DIR="${WATCHFLOOR_TOOLS:-${HOME:?HOME is not set; set WATCHFLOOR_TOOLS instead}/.cache/watchfloor-tools}"
readonly TOOLS_DIR
readonly SNG_DIR="${TOOLS_DIR}/syslog-ng"

log() { printf 'install-syslog: %s\n' "$*" >&2; }
as_root() { if [[ "$(id -u)" == 0 ]]; then "$@"; else sudo -n "$@"; fi; }

if ! command -v rsyslogd >/dev/null 2>&1 && [[ ! -x /usr/sbin/rsyslogd ]]; then
  log "installing rsyslog"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends rsyslog >&2 \
    || { as_root apt-get update >&2 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y \
           --no-install-recommends rsyslog >&2; }
fi
RSYSLOGD="$(command -v rsyslogd || echo /usr/sbin/rsyslogd)"

if [[ ! -x "${SNG_DIR}/root/usr/sbin/syslog-ng" ]]; then
  log "unpacking syslog-ng into ${SNG_DIR}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libivykis0 libnet1 \
    libjson-c5 libwrap0 libglib2.0-0 libpcre3 >&2
  mkdir -p "${SNG_DIR}"
  (cd "${SNG_DIR}" && rm -f syslog-ng-core_*.deb && apt-get download syslog-ng-core >&2 \
    && dpkg -x syslog-ng-core_*.deb root)
fi
# a wrapper that finds the unpacked libraries and modules
cat > "${SNG_DIR}/syslog-ng" <<WRAPPER
#!/usr/bin/env bash
ROOT="${SNG_DIR}/root"
MODULES="\$(ls -d "\$ROOT"/usr/lib/syslog-ng/[0-9]* | head -1)"
export LD_LIBRARY_PATH="\$ROOT/usr/lib/syslog-ng:\$ROOT/usr/lib/x86_64-linux-gnu\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
exec "\$ROOT/usr/sbin/syslog-ng" --module-path="\$MODULES" "\$@"
WRAPPER
chmod +x "${SNG_DIR}/syslog-ng"
"${SNG_DIR}/syslog-ng" --version | head -1 >&2

echo "export WATCHFLOOR_RSYSLOGD=${RSYSLOGD}"
echo "export WATCHFLOOR_SYSLOG_NG=${SNG_DIR}/syslog-ng"
