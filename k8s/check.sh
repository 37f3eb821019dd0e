#!/usr/bin/env bash
# Static checks of the Watchfloor Helm chart: lint, then render it with several value sets and
# assert on the manifests. No cluster is needed. Exits non-zero if any check fails.
#
#   HELM=$(bash .ci/install-helm.sh | tail -1) bash k8s/check.sh
#
# helm comes from $HELM, else from PATH.
set -euo pipefail

readonly K8S_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly CHART="${K8S_DIR}/watchfloor"
readonly SERVICES=(ingest-service context-service reasoning-service action-service governance-service)
readonly EXPECTED=${#SERVICES[@]}

HELM=${HELM:-$(command -v helm || true)}
if [[ -z "${HELM}" || ! -x "${HELM}" ]]; then
  echo "check: helm not found; set HELM or run: HELM=\$(bash .ci/install-helm.sh | tail -1)" >&2
  exit 2
fi

WORK=$(mktemp -d)
trap 'rm -rf "${WORK}"' EXIT

passed=0
failed=0

# expect DESCRIPTION COMMAND...: runs COMMAND and records a pass or a failure.
expect() {
  local description=$1
  shift
  local output
  if output=$("$@" 2>&1); then
    passed=$((passed + 1))
    printf 'ok    %s\n' "${description}"
  else
    failed=$((failed + 1))
    printf 'FAIL  %s\n' "${description}"
    [[ -z "${output}" ]] || printf '%s\n' "${output}" | sed 's/^/      /'
  fi
}

# render NAME HELM-TEMPLATE-ARGS...: renders the chart and splits the output into one file per
# manifest under $WORK/NAME, named <Kind>.<metadata.name>.yaml.
render() {
  local name=$1
  shift
  local dir="${WORK}/${name}"
  mkdir -p "${dir}/raw"
  "${HELM}" template "$@" "${CHART}" > "${dir}/all.yaml" || return 1
  awk -v dir="${dir}/raw" '
    /^---/ { n++; next }
    { print > sprintf("%s/%04d.yaml", dir, n) }
  ' "${dir}/all.yaml"
  local doc kind meta_name
  for doc in "${dir}"/raw/*.yaml; do
    kind=$(awk '/^kind:/ { print $2; exit }' "${doc}")
    [[ -n "${kind}" ]] || continue
    meta_name=$(awk '/^metadata:/ { m = 1; next } m && /^  name:/ { print $2; exit }' "${doc}")
    mv "${doc}" "${dir}/${kind}.${meta_name}.yaml"
  done
}

# docs NAME KIND: manifest files of one kind.
docs() {
  compgen -G "${WORK}/$1/$2.*.yaml" || true
}

count_is() { # NAME KIND EXPECTED
  local n
  n=$(docs "$1" "$2" | grep -c . || true)
  [[ "${n}" -eq "$3" ]] || { echo "found ${n} $2, expected $3"; return 1; }
}

# every_doc NAME KIND COMMAND...: COMMAND (given the file as last argument) holds for each one.
every_doc() {
  local name=$1 kind=$2
  shift 2
  local doc bad=0
  for doc in $(docs "${name}" "${kind}"); do
    "$@" "${doc}" || { echo "not satisfied by $(basename "${doc}")"; bad=1; }
  done
  return "${bad}"
}

has_line() { grep -Eq "$1" "$2"; }
lacks_line() { ! grep -Eq "$1" "$2"; }

# Every container of a workload has startup, liveness and readiness probes on the SmallRye
# Health paths. Works from indentation, so it does not depend on key order.
probes_ok() {
  awk '
    function indent(s) { match(s, /^ */); return RLENGTH }
    function finish() {
      if (item < 0) return
      containers++
      if (path["startupProbe"] != "/q/health/started" ||
          path["livenessProbe"] != "/q/health/live" ||
          path["readinessProbe"] != "/q/health/ready") {
        printf "container %s: startup=%s liveness=%s readiness=%s\n", cname,
          path["startupProbe"], path["livenessProbe"], path["readinessProbe"]
        bad = 1
      }
      delete path; cname = "?"; probe = ""
    }
    BEGIN { inside = 0; item = -1; cname = "?" }
    /^[ ]*(#.*)?$/ { next }
    /^ *containers:/ { finish(); inside = 1; base = indent($0); item = -1; itemIndent = -1; next }
    inside {
      ind = indent($0)
      line = substr($0, ind + 1)
      if (ind < base || (ind == base && line !~ /^- /)) { finish(); inside = 0; item = -1; next }
      if (line ~ /^- / && (itemIndent < 0 || ind == itemIndent)) {
        finish(); itemIndent = ind; item = 1
        line = substr(line, 3); ind += 2
      }
      if (ind == itemIndent + 2) {
        key = line; sub(/:.*/, "", key)
        probe = (key ~ /^(startup|liveness|readiness)Probe$/) ? key : ""
        if (key == "name") { cname = line; sub(/^name: */, "", cname) }
      } else if (probe != "" && line ~ /^path:/) {
        p = line; sub(/^path: */, "", p); gsub(/"/, "", p); path[probe] = p
      }
    }
    END {
      finish()
      if (containers == 0) { print "no containers found"; exit 1 }
      exit bad
    }
  ' "$1"
}

# The value of env var $1 in manifest $2 (first occurrence), or nothing.
env_value() {
  awk -v var="$1" '
    $0 ~ "- name: " var "$" { found = 1; next }
    found && /value:/ { v = $0; sub(/^ *value: */, "", v); gsub(/"/, "", v); print v; exit }
    found { exit }
  ' "$2"
}

env_is() { # NAME DEPLOYMENT VAR EXPECTED
  local doc="${WORK}/$1/Deployment.$2.yaml" actual
  [[ -f "${doc}" ]] || { echo "no Deployment $2"; return 1; }
  actual=$(env_value "$3" "${doc}")
  [[ "${actual}" == "$4" ]] || { echo "$3=${actual:-<unset>}, expected $4"; return 1; }
}

no_duplicate_env() {
  local dups
  dups=$(grep -E '^ +- name: [A-Z_][A-Z0-9_]*$' "$1" | sort | uniq -d)
  [[ -z "${dups}" ]] || { echo "duplicate env: ${dups}"; return 1; }
}

hpa_targets_exist() { # NAME HPA-FILE
  local target
  target=$(awk '/scaleTargetRef:/ { s = 1; next } s && /name:/ { print $2; exit }' "$2")
  [[ -f "${WORK}/$1/Deployment.${target}.yaml" ]] || { echo "HPA targets missing Deployment ${target}"; return 1; }
}

# ---- lint
expect "helm lint --strict (default values)" "${HELM}" lint --strict "${CHART}"
expect "helm lint --strict (autoscaling off)" "${HELM}" lint --strict "${CHART}" -f "${K8S_DIR}/ci/autoscaling-off.yaml"
expect "helm lint --strict (overrides)" "${HELM}" lint --strict "${CHART}" -f "${K8S_DIR}/ci/overrides.yaml"

# ---- default values: autoscaling on
expect "render with default values" render on watchfloor
expect "${EXPECTED} Deployments" count_is on Deployment "${EXPECTED}"
expect "${EXPECTED} Services" count_is on Service "${EXPECTED}"
expect "${EXPECTED} HorizontalPodAutoscalers" count_is on HorizontalPodAutoscaler "${EXPECTED}"
expect "HPAs use autoscaling/v2" every_doc on HorizontalPodAutoscaler has_line '^apiVersion: autoscaling/v2$'
expect "HPAs target rendered Deployments" every_doc on HorizontalPodAutoscaler hpa_targets_exist on
expect "no replicas in Deployments under an HPA" every_doc on Deployment lacks_line '^ *replicas:'
for svc in "${SERVICES[@]}"; do
  expect "Deployment, Service and HPA watchfloor-${svc}" test -f "${WORK}/on/Deployment.watchfloor-${svc}.yaml" \
    -a -f "${WORK}/on/Service.watchfloor-${svc}.yaml" -a -f "${WORK}/on/HorizontalPodAutoscaler.watchfloor-${svc}.yaml"
done
expect "every container probes /q/health/{started,live,ready}" every_doc on Deployment probes_ok
expect "runAsNonRoot: true everywhere" every_doc on Deployment has_line '^ +runAsNonRoot: true$'
expect "no runAsNonRoot: false" every_doc on Deployment lacks_line 'runAsNonRoot: false'
expect "seccompProfile RuntimeDefault" every_doc on Deployment has_line '^ +type: RuntimeDefault$'
expect "allowPrivilegeEscalation: false" every_doc on Deployment has_line '^ +allowPrivilegeEscalation: false$'
expect "capabilities drop ALL" every_doc on Deployment has_line '^ +- ALL$'
expect "readOnlyRootFilesystem: true" every_doc on Deployment has_line '^ +readOnlyRootFilesystem: true$'
expect "emptyDir mounted at /tmp" every_doc on Deployment has_line '^ +mountPath: /tmp$'
expect "service account token not mounted" every_doc on Deployment has_line '^ +automountServiceAccountToken: false$'
expect "standard labels" every_doc on Deployment has_line '^    app.kubernetes.io/component: [a-z-]+$'
expect "no OTLP endpoint unless configured" every_doc on Deployment lacks_line 'QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'
expect "JDBC URL" env_is on watchfloor-ingest-service QUARKUS_DATASOURCE_JDBC_URL "jdbc:postgresql://postgresql:5432/watchfloor"
expect "reactive URL" env_is on watchfloor-ingest-service QUARKUS_DATASOURCE_REACTIVE_URL "postgresql://postgresql:5432/watchfloor"
expect "credentials from the Secret" every_doc on Deployment has_line '^ +name: watchfloor-database$'
# Every gRPC client a service configures (its application.properties) must be wired by the chart to a Service.
REPO_ROOT=$(cd "${K8S_DIR}/.." && pwd)
for svc in "${SERVICES[@]}"; do
  props="${REPO_ROOT}/${svc}/src/main/resources/application.properties"
  [[ -f "${props}" ]] || continue
  for client in $(sed -nE 's/^quarkus\.grpc\.clients\.([a-z-]+)\.host=.*/\1/p' "${props}"); do
    upper=$(echo "${client}" | tr 'a-z-' 'A-Z_')
    expect "${svc} -> ${client} gRPC client wired" env_is on "watchfloor-${svc}" "QUARKUS_GRPC_CLIENTS_${upper}_HOST" \
      "watchfloor-${client}-service"
  done
done
expect "ingest -> reasoning gRPC client" env_is on watchfloor-ingest-service QUARKUS_GRPC_CLIENTS_REASONING_HOST watchfloor-reasoning-service
expect "reasoning -> context gRPC client" env_is on watchfloor-reasoning-service QUARKUS_GRPC_CLIENTS_CONTEXT_HOST watchfloor-context-service
expect "reasoning -> governance gRPC client" env_is on watchfloor-reasoning-service QUARKUS_GRPC_CLIENTS_GOVERNANCE_HOST watchfloor-governance-service
expect "reasoning -> action gRPC client" env_is on watchfloor-reasoning-service QUARKUS_GRPC_CLIENTS_ACTION_HOST watchfloor-action-service
expect "reasoning -> action gRPC port" env_is on watchfloor-reasoning-service QUARKUS_GRPC_CLIENTS_ACTION_PORT 8084
expect "action -> governance gRPC client" env_is on watchfloor-action-service QUARKUS_GRPC_CLIENTS_GOVERNANCE_HOST watchfloor-governance-service
expect "context -> governance gRPC client" env_is on watchfloor-context-service QUARKUS_GRPC_CLIENTS_GOVERNANCE_HOST watchfloor-governance-service

# ---- autoscaling off for every service
expect "render with autoscaling off" render off watchfloor -f "${K8S_DIR}/ci/autoscaling-off.yaml"
expect "${EXPECTED} Deployments (autoscaling off)" count_is off Deployment "${EXPECTED}"
expect "${EXPECTED} Services (autoscaling off)" count_is off Service "${EXPECTED}"
expect "0 HorizontalPodAutoscalers (autoscaling off)" count_is off HorizontalPodAutoscaler 0
expect "replicas in every Deployment (autoscaling off)" every_doc off Deployment has_line '^  replicas: [0-9]+$'
expect "replicaCount honoured" has_line '^  replicas: 2$' "${WORK}/off/Deployment.watchfloor-reasoning-service.yaml"
expect "every container probes /q/health/* (autoscaling off)" every_doc off Deployment probes_ok
expect "runAsNonRoot: true (autoscaling off)" every_doc off Deployment has_line '^ +runAsNonRoot: true$'

# ---- one service off, the others on (the flag is per service)
expect "render with only ingest autoscaling off" render mixed watchfloor --set services.ingest-service.autoscaling.enabled=false
expect "4 HorizontalPodAutoscalers (one off)" count_is mixed HorizontalPodAutoscaler 4
expect "replicas only where autoscaling is off" test "$(grep -l '^  replicas:' "${WORK}"/mixed/Deployment.*.yaml 2>/dev/null | xargs -n1 basename)" \
  = "Deployment.watchfloor-ingest-service.yaml"

# ---- optional settings and another release name
expect "render with overrides as release prod" render prod prod -f "${K8S_DIR}/ci/overrides.yaml"
expect "release-prefixed gRPC host" env_is prod prod-watchfloor-reasoning-service QUARKUS_GRPC_CLIENTS_CONTEXT_HOST prod-watchfloor-context-service
expect "OTLP endpoint when configured" env_is prod prod-watchfloor-action-service QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT http://otel-collector.observability:4317
expect "JDBC URL with parameters" env_is prod prod-watchfloor-context-service QUARKUS_DATASOURCE_JDBC_URL "jdbc:postgresql://pg.example.internal:6432/wf?sslmode=require"
expect "reactive URL with parameters" env_is prod prod-watchfloor-context-service QUARKUS_DATASOURCE_REACTIVE_URL "postgresql://pg.example.internal:6432/wf?sslmode=require"
expect "per-service database Secret" has_line '^ +name: governance-db$' "${WORK}/prod/Deployment.prod-watchfloor-governance-service.yaml"
expect "user env replaces chart env, no duplicates" every_doc prod Deployment no_duplicate_env
expect "user env valueFrom" has_line '^ +name: governance-signing$' "${WORK}/prod/Deployment.prod-watchfloor-governance-service.yaml"

# ---- identities
expect "services reach governance as the issuer" env_is prod prod-watchfloor-ingest-service WATCHFLOOR_ISSUER http://prod-watchfloor-governance-service:8085
expect "a service's own secret from the identity Secret" has_line '^ +key: ingest-service$' "${WORK}/prod/Deployment.prod-watchfloor-ingest-service.yaml"
expect "governance gets every service's secret" env_is prod prod-watchfloor-governance-service WATCHFLOOR_SERVICE_SECRETS 'action-service=$(WATCHFLOOR_SECRET_ACTION_SERVICE),context-service=$(WATCHFLOOR_SECRET_CONTEXT_SERVICE),ingest-service=$(WATCHFLOOR_SECRET_INGEST_SERVICE),reasoning-service=$(WATCHFLOOR_SECRET_REASONING_SERVICE)'
expect "no other service sees the admin secret" test "$(grep -l 'WATCHFLOOR_ADMIN_SECRET' "${WORK}"/prod/Deployment.*.yaml | xargs -n1 basename)" = "Deployment.prod-watchfloor-governance-service.yaml"

# ---- invalid values are rejected
expect "rejects an empty database.host" bash -c '! "$0" template watchfloor "$1" --set database.host= >/dev/null 2>&1' "${HELM}" "${CHART}"
expect "rejects a gRPC client aimed at an unknown service" bash -c '! "$0" template watchfloor "$1" --set services.ingest-service.grpcClients.x=nope >/dev/null 2>&1' "${HELM}" "${CHART}"

echo "chart checks: ${passed} passed, ${failed} failed"
[[ "${failed}" -eq 0 ]]
