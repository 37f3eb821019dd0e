package dev.watchfloor.commons.security;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.Status;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Who may call an internal gRPC method. Each method names the mesh services allowed to call it; a call without a valid
 * token fails {@code UNAUTHENTICATED}, any other caller (another service, or a user's token) {@code PERMISSION_DENIED}.
 * The caller returned is the authenticated one, so services record it instead of a field the caller filled in.
 */
@ApplicationScoped
public class MeshCallers {

    private final CurrentIdentityAssociation identities;

    public MeshCallers(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    public Uni<MeshService> require(String method, MeshService... allowed) {
        List<MeshService> permitted = Arrays.asList(allowed);
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous()) {
                throw Status.UNAUTHENTICATED.withDescription("a bearer token is required for " + method)
                        .asRuntimeException();
            }
            MeshService caller = caller(identity);
            if (caller == null || !permitted.contains(caller)) {
                throw Status.PERMISSION_DENIED
                        .withDescription(TokenIdentity.nameOf(identity) + " may not call " + method)
                        .asRuntimeException();
            }
            return caller;
        });
    }

    static MeshService caller(SecurityIdentity identity) {
        return identity.hasRole(Roles.MESH_SERVICE) ? MeshService.byClientId(TokenIdentity.nameOf(identity)) : null;
    }

}
