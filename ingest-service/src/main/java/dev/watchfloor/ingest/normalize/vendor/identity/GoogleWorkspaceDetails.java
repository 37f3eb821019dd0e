package dev.watchfloor.ingest.normalize.vendor.identity;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Severities;

/**
 * The parameters of a Google Workspace activity that analysts pivot on: the login outcome, type and challenge, the
 * suspicious flag, the affected or target user and group, the document of a Drive event, and a rule's severity.
 */
final class GoogleWorkspaceDetails {

    private GoogleWorkspaceDetails() {
    }

    static void map(String app, String name, GoogleWorkspaceMapper.Params params, String actor, OcsfEvent out) {
        String event = Fields.lower(name);
        out.severity(1);
        if (out.ocsfClass() == OcsfClass.AUTHENTICATION) {
            login(event, params, actor, out);
        } else {
            out.status(1);
        }
        String target = params.text("USER_EMAIL");
        if (target == null) {
            target = params.text("affected_email_address");
        }
        if (out.ocsfClass() != OcsfClass.AUTHENTICATION) {
            OcsfClass c = out.ocsfClass();
            String user = target != null
                    ? target
                    : c == OcsfClass.ACCOUNT_CHANGE && !"admin".equals(Fields.lower(app)) ? actor : null;
            out.set("user.name", user);
            out.set("user.email_addr", Fields.email(user));
        }
        out.set("group.name", params.text("GROUP_EMAIL"));
        String docId = params.text("doc_id");
        if (docId != null) {
            ObjectNode doc = out.append("resources");
            doc.put("uid", docId);
            putText(doc, "name", params.text("doc_title"));
            putText(doc, "type", params.text("doc_type"));
        }
        int severity = Severities.of(params.text("severity"));
        if (severity > 0) {
            out.severity(severity);
        }
        if ("gov_attack_warning".equals(event)) {
            out.severity(4);
        }
    }

    private static void login(String event, GoogleWorkspaceMapper.Params params, String actor, OcsfEvent out) {
        String affected = params.text("affected_email_address");
        String user = affected != null ? affected : actor;
        out.set("user.name", user);
        out.set("user.email_addr", Fields.email(user));
        out.set("status_detail", params.text("login_failure_type"));
        String challenge = params.text("login_challenge_status");
        String method = params.text("login_challenge_method");
        if (method != null && !method.equalsIgnoreCase("none")) {
            out.set("is_mfa", BooleanNode.TRUE);
        }
        String suspicious = params.text("is_suspicious");
        if (event.startsWith("suspicious") || "true".equalsIgnoreCase(suspicious)) {
            out.severity(3);
        }
        switch (event) {
            case "login_success", "logout" -> out.status(1);
            case "login_failure" -> out.status(2);
            case "login_challenge" -> out.status(challenge == null
                    ? 99
                    : challenge.toLowerCase(Locale.ROOT).contains("pass") ? 1 : 2);
            default -> out.status(99);
        }
    }

    private static void putText(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }
}
