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
    public ResponseEntity<?> start(@PathVariable String orgId) {
        if (!orgId.chars().allMatch(Character::isDigit)) {
            return ResponseEntity.badRequest().build();
        }
        if (!backfill.owns(orgId)) {
            // the organization's state is on the instance owning its partition: a run here could decide nothing
            int partition = io.dealledger.schemas.topics.Topics.organizationPartition(orgId);
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(io.dealledger.service.http.Problem.of("not-owner", "Organization held by another instance",
                            409, "Organization " + orgId + " is in partition " + partition + " of books.events.v1, which "
                                    + "another payment-service instance owns: start its backfill there.",
                            "/api/v1/backfill/organizations/" + orgId, "orgId",
                            "held by another payment-service instance").with("partition", partition));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(backfill.start(orgId));
    }

    @GetMapping
    public BackfillStatus status(@PathVariable String orgId) {
        return backfill.status(orgId);
    }
}
