# Sourced by ./watchfloor and .ci/run: finds a JDK 21+ the same way for both.
# find_java prints the path of a java launcher: JAVA_HOME's when it is 21+, else the newest under
# /usr/lib/jvm, else `java` on PATH when it is 21+; nothing (status 0) when none qualifies.
REQUIRED_JAVA="${REQUIRED_JAVA:-21}"

# Major version of a java launcher ("1.8.0_392" -> 8, "21.0.5" -> 21, "25" -> 25); empty when it does not run.
java_major() {
  local line version
  line="$("$1" -version 2>&1 | grep -m1 -E 'version "[^"]+"')" || return 0
  version="${line#*version \"}"
  version="${version%%\"*}"
  if [[ "$version" == 1.* ]]; then
    version="${version#1.}"
  fi
  echo "${version%%[.+-]*}"
}

is_recent_java() {
  local major
  [[ -x "$1" ]] || return 1
  major="$(java_major "$1")"
  [[ "$major" =~ ^[0-9]+$ ]] && ((major >= REQUIRED_JAVA))
}

find_java() {
  if [[ -n "${JAVA_HOME:-}" ]] && is_recent_java "$JAVA_HOME/bin/java"; then
    echo "$JAVA_HOME/bin/java"
    return
  fi
  local candidate best="" best_major=0 major
  for candidate in /usr/lib/jvm/*/bin/java; do
    is_recent_java "$candidate" || continue
    major="$(java_major "$candidate")"
    if ((major > best_major)); then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [[ -n "$best" ]]; then
    echo "$best"
    return
  fi
  candidate="$(command -v java || true)"
  if [[ -n "$candidate" ]] && is_recent_java "$candidate"; then
    echo "$candidate"
    return
  fi
  die "a JDK $REQUIRED_JAVA or newer is required (checked JAVA_HOME=${JAVA_HOME:-<unset>}, /usr/lib/jvm/*, and java on PATH). Install one, e.g. Temurin $REQUIRED_JAVA, and set JAVA_HOME."
}
