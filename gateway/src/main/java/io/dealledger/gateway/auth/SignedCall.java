package io.dealledger.gateway.auth;

import io.dealledger.gateway.nonce.Nonces;

import reactor.core.publisher.Mono;

/**
 * A call whose signature is valid for its method, path, query and body. Its nonce is claimed once the request
 * is also valid, just before it does anything (publish, proxy, replay): an invalid request publishes nothing, not
 * even a nonce, and a replayed valid one is refused by {@link #claimNonce()}.
 */
public final class SignedCall {

    private final CallSignature.Verified verified;
    private final Nonces nonces;

    SignedCall(CallSignature.Verified verified, Nonces nonces) {
        this.verified = verified;
        this.nonces = nonces;
    }

    /** Completes when the nonce was unused on every gateway instance; 401 when it was used, 503 when unknowable. */
    public Mono<Void> claimNonce() {
        // v1 has no nonce: accepted as replayable within its window, for the migration only
        return verified.nonce() == null ? Mono.empty() : nonces.claim(verified.nonce(), verified.signedAt());
    }
}
