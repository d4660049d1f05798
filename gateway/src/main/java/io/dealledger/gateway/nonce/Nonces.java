package io.dealledger.gateway.nonce;

import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * The memory of the nonces of accepted signed calls, shared by every gateway instance: a nonce is accepted once
 * while its signature's timestamp is inside the window.
 */
public interface Nonces {

    /**
     * True when {@code nonce} had not been used before and is now claimed, false when it was; fails with a 503
     * refusal when its use cannot be recorded (the broker is down, or the memory is full).
     *
     * @param signedAt the signature's timestamp: the nonce is remembered until it leaves the window
     */
    Mono<Boolean> claim(String nonce, Instant signedAt);
}
