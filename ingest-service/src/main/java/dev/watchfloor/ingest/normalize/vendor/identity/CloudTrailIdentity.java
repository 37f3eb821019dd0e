package dev.watchfloor.ingest.normalize.vendor.identity;

import com.fasterxml.jackson.databind.node.BooleanNode;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * The people in a CloudTrail record: {@code userIdentity} (IAMUser, AssumedRole, FederatedUser, Root,
 * IdentityCenterUser, AWSService ...) as the actor, the account of an IAM or sign-in call as the user.
 */
final class CloudTrailIdentity {

    private CloudTrailIdentity() {
    }

    /** {@code userIdentity} to {@code actor.user} and {@code actor.session}. */
    static void actor(Source in, String p, OcsfEvent out) {
        String type = in.text(p + "type");
        String arn = in.text(p + "arn");
        String name = in.text(p + "userName");
        if (name == null && ("AssumedRole".equals(type) || "FederatedUser".equals(type))) {
            name = Fields.tail(arn);
        }
        if (name == null && "Root".equals(type)) {
            name = "root";
        }
        out.set("actor.user.type", type);
        out.set("actor.user.name", name);
        out.set("actor.user.uid", arn);
        out.set("actor.user.uid_alt", in.text(p + "principalId", p + "onBehalfOf.userId"));
        out.set("actor.user.account.uid", in.text(p + "accountId"));
        out.set("actor.user.credential_uid", in.text(p + "accessKeyId", p + "credentialId"));
        out.set("actor.idp.uid", in.text(p + "onBehalfOf.identityStoreArn"));
        out.set("actor.invoked_by", in.text(p + "invokedBy"));
        out.set("actor.session.issuer", in.text(p + "sessionContext.sessionIssuer.arn"));
        out.set("actor.session.created_time_dt", in.text(p + "sessionContext.attributes.creationDate"));
        String mfa = in.text(p + "sessionContext.attributes.mfaAuthenticated");
        if (mfa != null) {
            out.set("actor.session.is_mfa", BooleanNode.valueOf(mfa.equalsIgnoreCase("true")));
        }
    }

    /** A sign-in event: its outcome, the account signing in and whether MFA was used. */
    static void signIn(Source in, CloudTrailMapper.Keys k, String name, String error, OcsfEvent out) {
        String result = in.text(k.of("responseElements") + "." + name,
                k.of("serviceEventDetails") + "." + name);
        if (error != null || "Failure".equalsIgnoreCase(result)) {
            out.status(2);
        } else if ("Success".equalsIgnoreCase(result)) {
            out.status(1);
        }
        String account = in.text(k.of("additionalEventData") + ".UserName");
        out.set("user.name", account != null ? account : out.text("actor.user.name"));
        out.set("user.uid", out.text("actor.user.uid"));
        String mfa = in.text(k.of("additionalEventData") + ".MFAUsed");
        if (mfa != null) {
            out.set("is_mfa", BooleanNode.valueOf(mfa.equalsIgnoreCase("Yes")));
        }
        out.set("dst_endpoint.url", in.text(k.of("additionalEventData") + ".LoginTo"));
    }

    /** The IAM user and group an Account Change or Group Management call acts on. */
    static void target(Source in, CloudTrailMapper.Keys k, OcsfEvent out) {
        OcsfClass c = out.ocsfClass();
        if (c != OcsfClass.ACCOUNT_CHANGE && c != OcsfClass.GROUP_MANAGEMENT) {
            return;
        }
        String request = k.of("requestParameters") + ".";
        String response = k.of("responseElements") + ".";
        String user = in.text(request + "userName", response + "user.userName");
        out.set("user.name", user != null || c == OcsfClass.GROUP_MANAGEMENT ? user : out.text("actor.user.name"));
        out.set("user.uid", in.text(response + "user.userId"));
        out.set("group.name", in.text(request + "groupName"));
        out.set("policy.uid", in.text(request + "policyArn"));
        out.set("policy.name", in.text(request + "policyName"));
    }
}
