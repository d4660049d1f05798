package io.dealledger.emulator.crm;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The answer to a CRM write: 201/200 when every record succeeded, 207 when mixed, 400 when all failed. */
record WriteOutcome(List<RecordResult> results, HttpStatus allSucceeded) {

    ResponseEntity<Map<String, Object>> toResponse() {
        long successes = results.stream().filter(RecordResult::success).count();
        HttpStatus status = successes == results.size() ? allSucceeded
                : successes == 0 ? HttpStatus.BAD_REQUEST : HttpStatus.MULTI_STATUS;
        return ResponseEntity.status(status).body(Map.of("data", results.stream().map(RecordResult::toJson).toList()));
    }
}
