package dev.watchfloor.governance.policy.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class DataPolicyTest {

    final DataPolicy data = parse(PolicyParserTest.DEFAULT);

    static DataPolicy parse(String yaml) {
        try {
            return PolicyParser.parse(yaml).data();
        } catch (PolicyRejected e) {
            throw new AssertionError(e.violations().toString(), e);
        }
    }

    @Test
    void classifiesByTheDefaultLevelWhenNoRuleMatches() {
        assertThat(data.classify(Set.of("jwt", "phone"), Set.of("user.name"))).isEqualTo("internal");
    }

    @Test
    void classifiesByADetectorOrAField() {
        assertThat(data.classify(Set.of("email"), Set.of())).isEqualTo("confidential");
        assertThat(data.classify(Set.of(), Set.of("user.credential"))).isEqualTo("restricted");
    }

    @Test
    void classifiesByTheHighestLevelReachedWhateverTheRuleOrder() {
        // email (confidential) is the last rule, private_key (restricted) the first: the order of levels decides
        assertThat(data.classify(Set.of("email", "private_key"), Set.of())).isEqualTo("restricted");

        DataPolicy reordered = parse(PolicyParserTest.edit("""
                      - detector: private_key
                        level: restricted
                      - field: user.credential
                        level: restricted
                      - detector: email
                        level: confidential
                """, """
                      - detector: email
                        level: public
                      - detector: phone
                        level: confidential
                      - detector: jwt
                        level: internal
                """));
        assertThat(reordered.classify(Set.of("email", "jwt", "phone"), Set.of())).isEqualTo("confidential");
        assertThat(reordered.classify(Set.of("email", "jwt"), Set.of())).isEqualTo("internal");
        // a rule only raises a call: reaching "public" leaves it at the default, "internal"
        assertThat(reordered.classify(Set.of("email"), Set.of())).isEqualTo("internal");
    }

    @Test
    void routesALevelInOrderOfPreference() {
        assertThat(data.routesFor("public")).containsExactly("hosted-small", "hosted-large", "deterministic");
        assertThat(data.routesFor("restricted")).containsExactly("deterministic");
    }

    @Test
    void routesAnUnknownLevelOnlyDeterministically() {
        assertThat(data.routesFor("top-secret")).containsExactly("deterministic");
    }

    @Test
    void listsWhatIsMaskedPseudonymizedAndWithheld() {
        assertThat(data.mask()).startsWith("aws_access_key", "aws_secret_key").doesNotContain("email");
        assertThat(data.pseudonymize()).containsExactly("email", "phone");
        assertThat(data.maskFields()).containsExactly("user.credential", "client_secret");
        assertThat(data.pseudonymizeFields()).containsExactly("user.name", "actor.user.name");
        assertThat(data.neverToModel()).containsExactly("raw_data", "unmapped.http_request.body");
    }

    @Test
    void treatsMissingFieldListsAsEmpty() {
        DataPolicy bare = parse(PolicyParserTest.edit("""
                  fields:
                    mask: [user.credential, client_secret]
                    pseudonymize: [user.name, actor.user.name]
                """, "", "  neverToModel: [raw_data, unmapped.http_request.body]\n", ""));

        assertThat(bare.maskFields()).isEmpty();
        assertThat(bare.pseudonymizeFields()).isEmpty();
        assertThat(bare.neverToModel()).isEmpty();
    }
}
