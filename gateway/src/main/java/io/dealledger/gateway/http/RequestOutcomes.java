package io.dealledger.gateway.http;

import java.util.Map;

import io.dealledger.gateway.metrics.GatewayMetrics;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * Counts every answered request by route and outcome, at the moment the response is committed, so
 * refusals raised anywhere (authentication, validation, Kafka) are counted the same way as successes. Only the
 * gateway's own port counts: the management port's scrapes and health checks (a child context that shares this
 * filter) are not gateway requests.
 */
@Component
public class RequestOutcomes implements WebFilter {

    /** Route names for the metrics: a fixed set, never a path with ids in it. */
    private static final Map<String, String> ROUTES = Map.ofEntries(
            Map.entry("/api/v1/deals/{dealId}/invoice-requests", "invoice_request"),
            Map.entry("/api/v1/deals/{dealId}/invoice-previews", "invoice_preview"),
            Map.entry("/api/v1/deals/{dealId}/invoice-links", "invoice_link"),
            Map.entry("/api/v1/deals/{dealId}/invoice-links/{invoiceId}", "invoice_unlink"),
            Map.entry("/webhooks/books/{organizationId}", "books_webhook"),
            Map.entry("/webhooks/crm", "crm_webhook"),
            Map.entry("/api/v1/invoice-requests/{requestId}", "invoice_request_status"),
            Map.entry("/api/v1/deals/{dealId}/ledger", "deal_ledger"),
            Map.entry("/api/v1/accounts/{accountId}/ledger", "account_ledger"),
            Map.entry("/api/v1/deals/{dealId}/invoice-candidates", "invoice_candidates"),
            Map.entry("/api/v1/dead-letters", "dead_letters"),
            Map.entry("/api/v1/dead-letters/replays", "dead_letter_replays"),
            Map.entry("/api/v1/backfill/organizations/{organizationId}", "backfill"),
            Map.entry("/api/v1/reconciliations", "reconciliation"));

    private final GatewayMetrics metrics;
    private final ApplicationContext context;

    public RequestOutcomes(GatewayMetrics metrics, ApplicationContext context) {
        this.metrics = metrics;
        this.context = context;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getApplicationContext() != null && exchange.getApplicationContext() != context) {
            return chain.filter(exchange);
        }
        exchange.getResponse().beforeCommit(() -> {
            Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            String route = pattern instanceof PathPattern path ? ROUTES.getOrDefault(path.getPatternString(), "other")
                    : "other";
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            metrics.request(route, Problems.outcome(status == null ? 200 : status.value()));
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
