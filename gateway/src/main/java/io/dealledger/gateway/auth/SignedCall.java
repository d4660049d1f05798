package io.dealledger.gateway.auth;

import io.dealledger.gateway.nonce.Nonces;
import io.dealledger.gateway.problem.Refusal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A call whose signature is valid for its method, path, query and body. Its nonce is claimed once the request
 * is also valid, just before it does anything (publish, proxy, replay): an invalid request publishes nothing, not
 * even a nonce, and a replayed valid one is refused by {@link #claimNonce()}.
 */
public final class SignedCall {

    private static final Logger log = LoggerFactory.getLogger(SignedCall.class);

    private final CallSignature.Verified verified;
    private final Nonces nonces;

    SignedCall(CallSignature.Verified verified, Nonces nonces) {
        this.verified = verified;
        this.nonces = nonces;
    }

    /** Completes when the nonce was unused on every gateway instance; 401 when it was used, 503 when unknowable. */
    public Mono<Void> claimNonce() {
        // v1 has no nonce: accepted as replayable within its window, for the migration only
        if (verified.nonce() == null) {
            return Mono.empty();
        }
        return nonces.claim(verified.nonce(), verified.signedAt())
                .flatMap(first -> first ? Mono.<Void>empty() : Mono.error(replayed(verified.nonce())));
    }

    private static Refusal replayed(String nonce) {
        log.warn("event=signature_replayed nonce={}", nonce);
        return Refusal.unauthorized(CallSignature.HEADER, "was already used: every call needs its own nonce (n=)"
                + " and signature");
    }
}
