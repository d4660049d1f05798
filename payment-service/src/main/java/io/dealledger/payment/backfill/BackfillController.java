package io.dealledger.payment.backfill;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints on payment-service's own port (not exposed through the gateway).
 * {@code POST /api/v1/backfill/organizations/{orgId}} starts (or resumes) importing the org's history and
 * answers 202 with the run's status; {@code GET} on the same path answers the status.
 */
@RestController
@RequestMapping("/api/v1/backfill/organizations/{orgId}")
public class BackfillController {

    private final Backfill backfill;

    public BackfillController(Backfill backfill) {
        this.backfill = backfill;
    }

    @PostMapping
    public ResponseEntity<BackfillStatus> start(@PathVariable String orgId) {
        if (!orgId.chars().allMatch(Character::isDigit)) {
            return ResponseEntity.badRequest().build();
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(backfill.start(orgId));
    }

    @GetMapping
    public BackfillStatus status(@PathVariable String orgId) {
        return backfill.status(orgId);
    }
}
