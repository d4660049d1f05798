package io.dealledger.ledger.reconciliation;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/v1/reconciliations[?rewrite=true]}: runs a reconciliation over the deals this instance owns and
 * answers when it is done with the counts and the report files (409 while another run is going on).
 */
@RestController
@ConditionalOnProperty(prefix = "dealledger.zoho", name = "enabled", havingValue = "true")
public class ReconciliationController {

    private final Reconciler reconciler;
    private final ReconciliationProperties properties;
    private final AtomicBoolean running = new AtomicBoolean();

    public ReconciliationController(Reconciler reconciler, ReconciliationProperties properties) {
        this.reconciler = reconciler;
        this.properties = properties;
    }

    @PostMapping("/api/v1/reconciliations")
    public Mono<ResponseEntity<Object>> run(@RequestParam(defaultValue = "false") boolean rewrite) {
        if (!running.compareAndSet(false, true)) {
            ProblemDetail busy = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "a reconciliation is running on this instance; try again when it is done");
            return Mono.just(ResponseEntity.status(HttpStatus.CONFLICT).body(busy));
        }
        return Mono.fromCallable(() -> reconciler.run(rewrite))
                .subscribeOn(Schedulers.boundedElastic())
                .<ResponseEntity<Object>>map(report -> ResponseEntity.ok(Map.of(
                        "id", report.id(), "deals", report.deals(), "invoices", report.invoices(),
                        "mismatches", report.mismatches(), "rewritten", report.rewritten(),
                        "jsonReport", properties.reportDir().resolve(report.id() + ".json").toString(),
                        "csvReport", properties.reportDir().resolve(report.id() + ".csv").toString())))
                .doFinally(signal -> running.set(false));
    }
}
