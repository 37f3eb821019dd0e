package dev.watchfloor.ingest.normalize.vendor.endpoint;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Severities;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Defender alerts as Detection Findings: the Graph security {@code alert} (v2: {@code id}, {@code title},
 * {@code severity}, {@code status}, {@code category}, {@code mitreTechniques}, {@code evidence[]} typed by
 * {@code @odata.type}: device, user, ip, file, process, url evidence) and the Defender for Endpoint API alert
 * ({@code alertCreationTime}, {@code computerDnsName}, {@code relatedUser}, {@code evidence[]} typed by
 * {@code entityType}). Evidence gives the device, the acting user, the remote IP, the process and the file.
 */
final class DefenderAlerts {

    private static final int MAX_EVIDENCE = 100;

    private final Source in;
    private final OcsfEvent out;
    private final MapContext ctx;

    DefenderAlerts(Source in, OcsfEvent out, MapContext ctx) {
        this.in = in;
        this.out = out;
        this.ctx = ctx;
    }

    void map() {
        boolean legacy = in.peekText("alertCreationTime") != null;
        String product = in.text("productName");
        out.product("Microsoft", product != null
                ? product
                : legacy ? "Microsoft Defender for Endpoint" : "Microsoft Defender XDR");
        in.use("@odata.type");
        out.time(ctx.time(in.node(legacy ? "alertCreationTime" : "createdDateTime")));
        String status = in.text("status");
        boolean resolved = status != null && status.equalsIgnoreCase("resolved");
        out.classify(OcsfClass.DETECTION_FINDING, resolved ? 3 : 1, resolved ? "Close" : "Create");
        out.set("status_detail", status);
        out.severity(Severities.of(in.text("severity")));
        String title = in.text("title");
        out.set("finding_info.title", title);
        out.set("finding_info.uid", in.text("id", "alertId"));
        out.set("finding_info.desc", in.text("description"));
        out.set("finding_info.src_url", in.text("alertWebUrl"));
        out.set("finding_info.analytic.uid", in.text("detectorId"));
        out.set("finding_info.analytic.name", in.text("detectionSource"));
        out.set("finding_info.analytic.type_id", 1L);
        out.set("finding_info.analytic.type", "Rule");
        String category = in.text("category");
        if (category != null) {
            out.node().with("finding_info").putArray("types").add(category);
        }
        JsonNode techniques = in.node("mitreTechniques");
        if (techniques != null && techniques.isArray()) {
            for (JsonNode t : techniques) {
                if (t.isTextual()) {
                    CrowdStrikeAlerts.attack(out, null, null, t.asText(), null);
                }
            }
        }
        out.set("device.hostname", in.text("computerDnsName"));
        out.set("device.uid", in.text("machineId"));
        Endpoints.user(out, "actor.user", in.text("relatedUser.userName"), in.text("relatedUser.domainName"),
                null);
        evidence();
        out.set("message", title);
    }

    private void evidence() {
        JsonNode evidence = in.peek("evidence");
        if (evidence == null || !evidence.isArray()) {
            return;
        }
        for (int i = 0; i < evidence.size() && i < MAX_EVIDENCE; i++) {
            String e = "evidence." + i + ".";
            String type = in.text(e + "@odata.type", e + "at_sign_odata_type", e + "entityType");
            String t = type == null ? "" : type.toLowerCase(Locale.ROOT).replaceFirst(".*\\.", "");
            switch (t) {
                case "deviceevidence", "machine" -> {
                    set("device.hostname", in.text(e + "deviceDnsName", e + "computerDnsName"));
                    set("device.uid", in.text(e + "mdeDeviceId", e + "machineId"));
                    set("device.os.name", in.text(e + "osPlatform"));
                }
                case "userevidence", "user" -> {
                    if (!out.has("actor.user.name")) {
                        String upn = in.text(e + "userAccount.userPrincipalName", e + "userPrincipalName");
                        String name = in.text(e + "userAccount.accountName", e + "accountName");
                        Endpoints.user(out, "actor.user", name != null ? name : upn,
                                in.text(e + "userAccount.domainName", e + "domainName"),
                                in.text(e + "userAccount.userSid", e + "userSid"));
                        set("actor.user.email_addr", upn);
                        set("actor.user.uid_alt", in.text(e + "userAccount.azureAdUserId", e + "aadUserId"));
                    }
                }
                case "ipevidence", "ip" -> set("src_endpoint.ip", in.text(e + "ipAddress"));
                case "urlevidence", "url" -> set("dst_endpoint.hostname", host(in.text(e + "url")));
                case "processevidence", "process" -> process(e);
                case "fileevidence", "file" -> file(e);
                default -> {
                    // other evidence (mailbox, cloud application, registry, ...) stays in unmapped
                }
            }
        }
    }

    private void process(String e) {
        if (out.has("process.cmd_line") || out.has("process.file.path")) {
            return;
        }
        String folder = in.text(e + "imageFile.filePath", e + "filePath");
        String name = in.text(e + "imageFile.fileName", e + "fileName");
        Endpoints.process(out, "process", join(folder, name), WinEvent.parseNumber(
                in.text(e + "processId")), in.text(e + "processCommandLine"));
        Endpoints.hash(out, "process.file", "SHA256", in.text(e + "imageFile.sha256", e + "sha256"));
        Endpoints.hash(out, "process.file", "SHA1", in.text(e + "imageFile.sha1", e + "sha1"));
        Endpoints.process(out, "process.parent_process", join(in.text(e + "parentProcessImageFile.filePath"),
                in.text(e + "parentProcessImageFile.fileName")),
                WinEvent.parseNumber(in.text(
                        e + "parentProcessId")),
                null);
        if (!out.has("actor.user.name")) {
            Endpoints.user(out, "actor.user", in.text(e + "userAccount.accountName"),
                    in.text(e + "userAccount.domainName"), in.text(e + "userAccount.userSid"));
        }
    }

    private void file(String e) {
        if (out.has("file.path") || out.has("file.name")) {
            return;
        }
        String folder = in.text(e + "fileDetails.filePath", e + "filePath");
        String name = in.text(e + "fileDetails.fileName", e + "fileName");
        Endpoints.file(out, "file", join(folder, name));
        Endpoints.hash(out, "file", "SHA256", in.text(e + "fileDetails.sha256", e + "sha256"));
        Endpoints.hash(out, "file", "SHA1", in.text(e + "fileDetails.sha1", e + "sha1"));
        Endpoints.hash(out, "file", "MD5", in.text(e + "fileDetails.md5", e + "md5"));
    }

    private void set(String path, String value) {
        if (!out.has(path)) {
            out.set(path, value);
        }
    }

    static String join(String folder, String name) {
        if (folder == null) {
            return name;
        }
        if (name == null || folder.endsWith(name)) {
            return folder;
        }
        String sep = folder.contains("/") && !folder.contains("\\") ? "/" : "\\";
        return folder.endsWith(sep) ? folder + name : folder + sep + name;
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        String u = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int end = u.length();
        for (char c : new char[]{'/', '?', '#', ':'}) {
            int at = u.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return u.substring(0, end).isEmpty() ? null : u.substring(0, end);
    }
}
