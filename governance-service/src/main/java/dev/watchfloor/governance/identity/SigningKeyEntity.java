package dev.watchfloor.governance.identity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A key governance signs tokens with (RS256). One is active; retired keys stay published in the JWKS until every token
 * they signed has expired, so a rotation never invalidates a token in flight.
 */
@Entity
@Table(schema = "governance", name = "signing_keys")
public class SigningKeyEntity {

    @Id
    public String kid;

    @Column(nullable = false)
    public String algorithm;

    /** PKCS#8, base64. Only governance's database role can read this table. */
    @Column(name = "private_key", nullable = false)
    public String privateKey;

    @Column(name = "public_jwk", nullable = false)
    public String publicJwk;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "retired_at")
    public Instant retiredAt;
}
