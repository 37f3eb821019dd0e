{{/*
Chart name, overridable with nameOverride.
*/}}
{{- define "watchfloor.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Release-prefixed base name. A release whose name already contains the chart name is used as is,
so `helm install watchfloor` yields "watchfloor-ingest-service" rather than
"watchfloor-watchfloor-ingest-service".
*/}}
{{- define "watchfloor.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := include "watchfloor.name" . }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart label value: name-version.
*/}}
{{- define "watchfloor.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Name of one service's Deployment, Service and HPA.
Call with (dict "root" $ "name" <service key>).
*/}}
{{- define "watchfloor.componentName" -}}
{{- printf "%s-%s" (include "watchfloor.fullname" .root) .name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Image tag of one service: its own override, else image.tag, else the chart's appVersion.
Call with (dict "root" $ "service" <service values>).
*/}}
{{- define "watchfloor.imageTag" -}}
{{- $image := .service.image | default dict }}
{{- $image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion | toString }}
{{- end }}

{{/*
Full image reference of one service. Call with (dict "root" $ "name" <key> "service" <values>).
*/}}
{{- define "watchfloor.image" -}}
{{- $image := .service.image | default dict }}
{{- $repository := required (printf "services.%s.image.repository is required" .name) $image.repository }}
{{- $tag := include "watchfloor.imageTag" . }}
{{- with .root.Values.image.registry }}
{{- printf "%s/%s:%s" (trimSuffix "/" .) $repository $tag }}
{{- else }}
{{- printf "%s:%s" $repository $tag }}
{{- end }}
{{- end }}

{{/*
Selector labels of one service. Call with (dict "root" $ "name" <key>).
These are immutable on a Deployment: never add labels that change between releases here.
*/}}
{{- define "watchfloor.selectorLabels" -}}
app.kubernetes.io/name: {{ include "watchfloor.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{/*
Standard labels of one service. Call with (dict "root" $ "name" <key> "service" <values>).
*/}}
{{- define "watchfloor.labels" -}}
helm.sh/chart: {{ include "watchfloor.chart" .root }}
{{ include "watchfloor.selectorLabels" . }}
app.kubernetes.io/version: {{ include "watchfloor.imageTag" . | replace "+" "_" | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/part-of: {{ include "watchfloor.name" .root }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/*
Environment of one service's container, as a YAML list of EnvVar.
Call with (dict "root" $ "name" <key> "service" <values>).

Variables set by the chart are collected in a map and services.<key>.env entries are set over
them, so a user-supplied entry replaces the chart's one of the same name instead of duplicating
it (a duplicate name is rejected by server-side apply). The list is sorted by name. A map
value is rendered as valueFrom, anything else as a quoted string value.
*/}}
{{- define "watchfloor.env" -}}
{{- $root := .root }}
{{- $svc := .service }}
{{- $db := mergeOverwrite (deepCopy $root.Values.database) ($svc.database | default dict) }}
{{- $dbHost := required "database.host is required" $db.host }}
{{- $dbPath := printf "%s:%v/%s" $dbHost $db.port (required "database.name is required" $db.name) }}
{{- if $db.parameters }}
{{- $dbPath = printf "%s?%s" $dbPath $db.parameters }}
{{- end }}
{{- $env := dict
      "QUARKUS_HTTP_PORT" ($svc.port | toString)
      "QUARKUS_DATASOURCE_JDBC_URL" (printf "jdbc:postgresql://%s" $dbPath)
      "QUARKUS_DATASOURCE_REACTIVE_URL" (printf "postgresql://%s" $dbPath)
}}
{{- $secret := required "database.existingSecret is required" $db.existingSecret }}
{{- $_ := set $env "QUARKUS_DATASOURCE_USERNAME" (dict "secretKeyRef" (dict "name" $secret "key" $db.usernameKey)) }}
{{- $_ = set $env "QUARKUS_DATASOURCE_PASSWORD" (dict "secretKeyRef" (dict "name" $secret "key" $db.passwordKey)) }}
{{- with $root.Values.otlp.endpoint }}
{{- $_ = set $env "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT" . }}
{{- end }}
{{- /* identity: governance is the issuer; each service authenticates with its own client secret */}}
{{- $governance := index $root.Values.services "governance-service" | default dict }}
{{- $_ = set $env "WATCHFLOOR_ISSUER" (printf "http://%s:%v" (include "watchfloor.componentName" (dict "root" $root "name" "governance-service")) $governance.port) }}
{{- $idSecret := required "identity.existingSecret is required" $root.Values.identity.existingSecret }}
{{- if eq $.name "governance-service" }}
{{- $_ = set $env "WATCHFLOOR_ADMIN_SECRET" (dict "secretKeyRef" (dict "name" $idSecret "key" $root.Values.identity.adminSecretKey)) }}
{{- $pairs := list }}
{{- range $other, $_svc := $root.Values.services }}
{{- if ne $other "governance-service" }}
{{- $var := printf "WATCHFLOOR_SECRET_%s" ($other | upper | replace "-" "_") }}
{{- $_ = set $env $var (dict "secretKeyRef" (dict "name" $idSecret "key" $other)) }}
{{- $pairs = append $pairs (printf "%s=$(%s)" $other $var) }}
{{- end }}
{{- end }}
{{- /* listed after the WATCHFLOOR_SECRET_* variables it refers to (env is sorted by name) */}}
{{- $_ = set $env "WATCHFLOOR_SERVICE_SECRETS" (join "," $pairs) }}
{{- else }}
{{- $_ = set $env "WATCHFLOOR_SERVICE_SECRET" (dict "secretKeyRef" (dict "name" $idSecret "key" $.name)) }}
{{- end }}
{{- with $root.Values.identity.oidc }}
{{- if .issuer }}
{{- $_ = set $env "WATCHFLOOR_OIDC_ISSUER" .issuer }}
{{- $_ = set $env "WATCHFLOOR_OIDC_AUDIENCE" (.audience | default "") }}
{{- $_ = set $env "WATCHFLOOR_OIDC_TENANT_CLAIM" (.tenantClaim | default "tenant") }}
{{- $_ = set $env "WATCHFLOOR_OIDC_ROLES_CLAIM" (.rolesClaim | default "roles") }}
{{- end }}
{{- end }}
{{- range $client, $target := ($svc.grpcClients | default dict) }}
{{- $targetSvc := index $root.Values.services $target | default dict }}
{{- if not $targetSvc.port }}
{{- fail (printf "services.%s.grpcClients.%s points at %q, which is not a service in .Values.services" $.name $client $target) }}
{{- end }}
{{- $var := printf "QUARKUS_GRPC_CLIENTS_%s" ($client | upper | replace "-" "_" | replace "." "_") }}
{{- $_ = set $env (printf "%s_HOST" $var) (include "watchfloor.componentName" (dict "root" $root "name" $target)) }}
{{- $_ = set $env (printf "%s_PORT" $var) ($targetSvc.port | toString) }}
{{- end }}
{{- range $name, $value := ($svc.env | default dict) }}
{{- $_ = set $env $name $value }}
{{- end }}
{{- range $name, $value := $env }}
{{- if kindIs "map" $value }}
- name: {{ $name }}
  valueFrom:
    {{- toYaml $value | nindent 4 }}
{{- else if not (kindIs "invalid" $value) }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end }}
{{- end }}
