package dev.watchfloor.ingest.normalize.vendor.identity;

import java.util.Set;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Microsoft Entra ID sign-in logs (Microsoft Graph v1.0 {@code signIn} resource; Azure Monitor diagnostic categories
 * SignInLogs, NonInteractiveUserSignInLogs, ServicePrincipalSignInLogs, ManagedIdentitySignInLogs; Log Analytics /
 * Sentinel tables SigninLogs, AADNonInteractiveUserSignInLogs, AADServicePrincipalSignInLogs,
 * AADManagedIdentitySignInLogs) to Authentication: error code 0 is success, any other a failure; the risk level during
 * sign-in gives the severity.
 */
public final class EntraSignInMapper implements Mapper {

    private static final Set<String> TABLES = Set.of("SigninLogs", "AADNonInteractiveUserSignInLogs",
            "AADServicePrincipalSignInLogs", "AADManagedIdentitySignInLogs");

    @Override
    public String id() {
        return "entra-signin";
    }

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        ObjectNode f = record.fields();
        String table = Fields.peek(f, "Type");
        if (table != null && TABLES.contains(table)) {
            return true;
        }
        String category = Fields.peek(f, "category");
        if (category != null && category.endsWith("SignInLogs") && Fields.hasObject(f, "properties")) {
            return true;
        }
        return Fields.peek(f, "createdDateTime") != null && Fields.hasObject(f, "status")
                && (Fields.has(f, "userPrincipalName") || Fields.has(f, "servicePrincipalId"))
                && (Fields.has(f, "appId") || Fields.has(f, "clientAppUsed") || Fields.has(f, "ipAddress"));
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        EntraShape g = EntraShape.of(record.fields());
        out.classify(OcsfClass.AUTHENTICATION, 1, "Logon");
        out.product("Microsoft", "Microsoft Entra ID");
        out.set("metadata.product.feature.name", in.text(Fields.key(record.fields(), "category"), "Category",
                "Type"));
        out.time(ctx.time(Fields.scalar(in, g.paths("createdDateTime", "time", "TimeGenerated"))));
        out.set("metadata.uid", g.text(in, "id"));
        out.set("metadata.correlation_uid", g.text(in, "correlationId", "correlationId"));
        outcome(g, in, out);
        account(g, in, out);
        out.set("message", "Sign-in to " + appName(g, in, out));
        origin(g, in, out);
        out.set("session.uid", g.text(in, "sessionId"));
        out.set("auth_protocol", g.text(in, "authenticationProtocol"));
        String requirement = g.text(in, "authenticationRequirement");
        if (requirement != null) {
            out.set("is_mfa", BooleanNode.valueOf(requirement.equalsIgnoreCase("multiFactorAuthentication")));
        }
        out.severity(risk(g.text(in, "riskLevelDuringSignIn")));
    }

    /** Error code 0 is success, any other a failure (Microsoft Entra authentication error codes). */
    private static void outcome(EntraShape g, Source in, OcsfEvent out) {
        String code = g.text(in, "status.errorCode", "resultType", "ResultType");
        out.status(code == null ? 0 : code.equals("0") ? 1 : 2);
        out.set("status_code", code);
        out.set("status_detail", g.text(in, "status.failureReason", "resultDescription", "ResultDescription"));
        in.use(g.paths("status.additionalDetails"));
    }

    /** The account signing in: a user, or a service principal / managed identity. */
    private static void account(EntraShape g, Source in, OcsfEvent out) {
        String upn = g.text(in, "userPrincipalName");
        String spn = g.text(in, "servicePrincipalName");
        out.set("user.name", upn != null ? upn : spn);
        out.set("user.email_addr", Fields.email(upn));
        out.set("user.uid", g.text(in, "userId", "servicePrincipalId"));
        out.set("user.full_name", g.text(in, "userDisplayName"));
        out.set("user.type", upn == null && spn != null ? "Service Principal" : null);
    }

    /** Where the sign-in came from: address, location, user agent and device. */
    private static void origin(EntraShape g, Source in, OcsfEvent out) {
        String ip = g.text(in, "ipAddress", "IPAddress", "callerIpAddress");
        if (Fields.isIp(ip)) {
            out.set("src_endpoint.ip", ip);
        }
        out.set("src_endpoint.location.city", g.text(in, "location.city", "LocationDetails.city"));
        out.set("src_endpoint.location.region", g.text(in, "location.state", "LocationDetails.state"));
        out.set("src_endpoint.location.country", g.text(in, "location.countryOrRegion",
                "LocationDetails.countryOrRegion"));
        out.set("http_request.user_agent", g.text(in, "userAgent"));
        out.set("device.name", g.text(in, "deviceDetail.displayName"));
        out.set("device.uid", g.text(in, "deviceDetail.deviceId"));
        out.set("device.os.name", g.text(in, "deviceDetail.operatingSystem"));
    }

    private static String appName(EntraShape g, Source in, OcsfEvent out) {
        String app = g.text(in, "appDisplayName");
        out.set("service.name", app);
        out.set("service.uid", g.text(in, "appId"));
        String resource = g.text(in, "resourceDisplayName");
        return app != null ? app : resource != null ? resource : "Microsoft Entra ID";
    }

    /** riskLevelDuringSignIn: none, low, medium, high (hidden and unknownFutureValue: informational). */
    private static int risk(String level) {
        return switch (Fields.lower(level)) {
            case "low" -> 2;
            case "medium" -> 3;
            case "high" -> 4;
            default -> 1;
        };
    }
}
