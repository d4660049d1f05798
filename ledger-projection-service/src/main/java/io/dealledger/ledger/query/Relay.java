package io.dealledger.ledger.query;

import org.springframework.http.ResponseEntity;

/** Relays an owner instance's answer unchanged. */
final class Relay {

    private Relay() {
    }

    static ResponseEntity<Object> entity(ResponseEntity<byte[]> answer) {
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(answer.getBody());
    }
}
