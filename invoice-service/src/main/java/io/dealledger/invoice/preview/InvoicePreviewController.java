package io.dealledger.invoice.preview;

import java.util.List;

import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.service.failures.FailureClassifier;
import io.dealledger.service.http.Problem;
import io.dealledger.zoho.http.ZohoApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/v1/deals/{dealId}/invoice-previews}: what an invoice request with this body (the public
 * request's JSON, forwarded by the gateway) would push to Books — organization, customer, items, tax, totals
 * — and every reason it would be rejected, without creating or writing anything or publishing to Kafka.
 * An invalid body is a 400 problem naming the field; Zoho unavailable (or refusing the token) a 503 problem
 * with the failure category. Not authenticated: keep the port internal (the gateway is the public entry).
 */
@RestController
class InvoicePreviewController {

    /** How long a caller waits before asking again when Zoho could not be read. */
    private static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(InvoicePreviewController.class);

    private final InvoicePreviewer previewer;
    private final List<FailureClassifier> classifiers;

    InvoicePreviewController(InvoicePreviewer previewer, List<FailureClassifier> classifiers) {
        this.previewer = previewer;
        this.classifiers = classifiers;
    }

    @PostMapping(path = "/api/v1/deals/{dealId}/invoice-previews", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<InvoicePreview> preview(@PathVariable String dealId, @RequestBody(required = false) byte[] body) {
        if (!dealId.matches("[0-9]{1,30}")) {
            throw new PreviewBody.Invalid("dealId", "must be a Zoho id (1 to 30 digits)");
        }
        PreviewBody asked = PreviewBody.parse(body);
        return Mono.fromCallable(() -> previewer.preview(dealId, asked)).subscribeOn(Schedulers.boundedElastic());
    }

    @ExceptionHandler(PreviewBody.Invalid.class)
    ResponseEntity<Problem> invalid(PreviewBody.Invalid refused, ServerWebExchange exchange) {
        return Problem.of("invalid", "Invalid request", 400, refused.field() + " " + refused.reason(), path(exchange),
                refused.field(), refused.reason()).response(RETRY_AFTER_SECONDS);
    }

    /** WebFlux's own refusals (e.g. an unsupported media type), in the same shape. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Problem> web(ResponseStatusException error, ServerWebExchange exchange) {
        int status = error.getStatusCode().value();
        String detail = error.getBody().getDetail() != null ? error.getBody().getDetail() : error.getBody().getTitle();
        return Problem.of("http-" + status, error.getBody().getTitle(), status, detail, path(exchange), null, detail)
                .response(RETRY_AFTER_SECONDS);
    }

    /** Zoho down, throttled or refusing the token: retry later (503). Anything else is a failure of ours. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> fault(Exception fault, ServerWebExchange exchange) {
        FailureCategory category = FailureClassifier.categorize(fault, classifiers);
        log.warn("invoice_preview_failed path={} category={} error=\"{}\"", path(exchange), category, fault.toString());
        Problem problem = switch (category) {
            case BOOKS_UNAVAILABLE, CRM_UNAVAILABLE, ZOHO_AUTHORIZATION -> Problem.of("unavailable",
                    "Service unavailable", 503, category.label() + ": the preview could not read Zoho; retry later ("
                    + fault.getMessage() + ")", path(exchange), null, category.label());
            default -> fault instanceof ZohoApiException
                    ? Problem.of("zoho-refused", "Zoho refused a read", 502, category.label() + ": "
                    + fault.getMessage(), path(exchange), null, category.label())
                    : Problem.of("internal", "Internal error", 500, "the preview failed unexpectedly; nothing was created",
                    path(exchange), null, null);
        };
        return problem.inCategory(category.name()).response(RETRY_AFTER_SECONDS);
    }

    private static String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value();
    }
}
