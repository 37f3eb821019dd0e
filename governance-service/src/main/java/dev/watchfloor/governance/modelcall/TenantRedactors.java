package dev.watchfloor.governance.modelcall;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.governance.policy.ActivePolicy;
import dev.watchfloor.governance.policy.document.DataPolicy;
import dev.watchfloor.governance.pseudonym.PseudonymVault;
import dev.watchfloor.redaction.Detector;
import dev.watchfloor.redaction.HmacPseudonyms;
import dev.watchfloor.redaction.RedactionRules;
import dev.watchfloor.redaction.Redactor;

/** One redactor per tenant and policy version: the policy's data rules with the tenant's pseudonym key. */
@ApplicationScoped
public class TenantRedactors {

    private final PseudonymVault vault;
    private final Map<String, Redactor> redactors = new ConcurrentHashMap<>();

    public TenantRedactors(PseudonymVault vault) {
        this.vault = vault;
    }

    public Uni<Redactor> of(String tenant, ActivePolicy policy) {
        String key = tenant + "\n" + policy.sha256();
        Redactor known = redactors.get(key);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return vault.key(tenant).map(hmacKey -> redactors.computeIfAbsent(key,
                k -> new Redactor(rules(policy.document().data()), new HmacPseudonyms(hmacKey))));
    }

    static RedactionRules rules(DataPolicy data) {
        return new RedactionRules(detectors(data.mask()), detectors(data.pseudonymize()), Set.copyOf(data.maskFields()),
                Set.copyOf(data.pseudonymizeFields()), Set.copyOf(data.neverToModel()));
    }

    /** The schema admits only known detector names, so an unknown one here is a bug. */
    private static Set<Detector> detectors(List<String> names) {
        return names.stream().map(n -> Detector.fromWire(n).orElseThrow(() -> new IllegalStateException(
                "policy names detector '" + n + "', known: " + Arrays.toString(Detector.values()))))
                .collect(Collectors.toUnmodifiableSet());
    }
}
