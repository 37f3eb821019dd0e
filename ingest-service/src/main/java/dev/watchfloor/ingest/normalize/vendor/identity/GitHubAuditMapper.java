package dev.watchfloor.ingest.normalize.vendor.identity;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * GitHub organization and enterprise audit log events (GitHub Docs, "Audit log events for your organization /
 * enterprise"; REST {@code /orgs/{org}/audit-log} and audit log streaming): {@code action} ({@code repo.create},
 * {@code team.add_member}, {@code git.push} ...), {@code actor}, {@code user}, {@code org}, {@code repo},
 * {@code @timestamp} (epoch ms) or {@code created_at}, {@code actor_ip}, {@code actor_location}. SSO responses and
 * sign-ins are Authentication, team and organization membership Group Management, the rest API Activity.
 */
public final class GitHubAuditMapper implements Mapper {

    /** Keys only GitHub's audit events carry: one of them, with a dotted action, is enough. */
    private static final Set<String> OWN_KEYS = Set.of("_document_id", "@timestamp", "at_sign_timestamp",
            "actor_id", "hashed_token", "programmatic_access_type", "business_id", "actor_location", "operation_type",
            "actor_is_bot", "org_id", "repository_id");
    /** Keys that, with an action of a documented GitHub category, make a record GitHub's. */
    private static final Set<String> CONTEXT = Set.of("org", "repo", "repository", "business", "user", "team",
            "created_at", "actor_ip");
    /** Audit log event categories (GitHub Docs, "Audit log events for your organization / enterprise"). */
    private static final Set<String> CATEGORIES = Set.of("account", "artifact", "billing", "business", "checks",
            "codespaces", "copilot", "dependabot_alerts", "dependabot_security_updates", "deploy_key", "discussion",
            "enterprise", "environment", "git", "hook", "integration", "integration_installation", "ip_allow_list",
            "issue", "issues", "marketplace_agreement_signature", "oauth_access", "oauth_application",
            "oauth_authorization", "org", "org_credential_authorization", "organization_moderators",
            "organization_role", "packages", "personal_access_token", "private_repository_forking", "project",
            "protected_branch", "public_key", "pull_request", "repo", "repository_ruleset",
            "repository_vulnerability_alert",
            "role", "secret_scanning", "secret_scanning_alert", "security_key", "ssh_certificate_authority", "team",
            "two_factor_authentication", "user", "workflows");

    @Override
    public String id() {
        return "github-audit";
    }

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        ObjectNode f = record.fields();
        if ("GitHub.Audit".equals(Fields.peek(f, "p_log_type"))) {
            return true;
        }
        String action = Fields.peek(f, "action");
        JsonNode actor = f.get("actor");
        if (action == null || !action.transform(Regexes.matches("[a-z0-9_]+(\\.[a-z0-9_]+)+"))
                || actor != null && !actor.isTextual() && !actor.isNull()) {
            return false;
        }
        if (OWN_KEYS.stream().anyMatch(f::has)) {
            return true;
        }
        return CATEGORIES.contains(action.substring(0, action.indexOf('.'))) && CONTEXT.stream().anyMatch(f::has);
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        out.product("GitHub", "GitHub");
        String action = in.text("action");
        GitHubClasses.classify(action, out);
        out.set("metadata.event_code", action);
        out.set("message", action);
        out.set("metadata.uid", in.text("_document_id"));
        out.time(ctx.time(Fields.scalar(in, "@timestamp", "at_sign_timestamp", "created_at", "timestamp")));
        out.severity(1);
        actor(in, out);
        target(in, out, action);
    }

    private static void actor(Source in, OcsfEvent out) {
        out.set("actor.user.name", in.text("actor"));
        out.set("actor.user.uid", in.text("actor_id"));
        out.set("actor.user.email_addr", Fields.email(in.text("external_identity_nameid")));
        out.set("actor.user.account.name", in.text("org", "business"));
        out.set("actor.user.account.uid", in.text("org_id", "business_id"));
        String ip = in.text("actor_ip");
        if (Fields.isIp(ip)) {
            out.set("src_endpoint.ip", ip);
        }
        out.set("src_endpoint.location.country", in.text("actor_location.country_code"));
        out.set("http_request.user_agent", in.text("user_agent"));
    }

    /** The user, team and repository acted on. */
    private static void target(Source in, OcsfEvent out, String action) {
        out.set("user.name", in.text("user"));
        String userId = in.text("user_id");
        out.set("user.uid", "0".equals(userId) ? null : userId); // 0: no user
        String repo = in.text("repo", "repository");
        OcsfClass c = out.ocsfClass();
        if (c == OcsfClass.GROUP_MANAGEMENT) {
            out.set("group.name", in.text("team"));
            if (!out.has("group.name")) {
                out.set("group.name", out.text("actor.user.account.name"));
            }
        } else if (c == OcsfClass.AUTHENTICATION) {
            if (!out.has("user.name")) {
                out.set("user.name", out.text("actor.user.name"));
            }
            out.set("auth_protocol", in.text("issuer") != null ? "SAML" : null);
        } else {
            out.set("api.operation", action);
        }
        if (repo != null) {
            ObjectNode r = out.append("resources");
            r.put("name", repo);
            r.put("type", "Repository");
        }
    }
}
