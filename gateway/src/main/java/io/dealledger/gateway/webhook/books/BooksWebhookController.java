package io.dealledger.gateway.webhook.books;

import java.time.Clock;
import java.util.List;

import io.dealledger.gateway.auth.RequestAuthentication;
import io.dealledger.gateway.http.RawBody;
import io.dealledger.gateway.publish.EventPublisher;
import io.dealledger.gateway.webhook.WebhookAccepted;
import io.dealledger.gateway.webhook.WebhookBodies;
import io.dealledger.schemas.topics.Topics;

import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /webhooks/books/{organizationId}}: Books workflow webhooks for invoices, customer payments
 * and credit notes, authenticated per organization, normalized by {@link BooksPayloads} and published on
 * books.events.v1 (keyed by the organization id) before the 200.
 */
@RestController
public class BooksWebhookController {

    private final RawBody rawBody;
    private final RequestAuthentication auth;
    private final EventPublisher publisher;
    private final Clock clock;

    public BooksWebhookController(RawBody rawBody, RequestAuthentication auth, EventPublisher publisher, Clock clock) {
        this.rawBody = rawBody;
        this.auth = auth;
        this.publisher = publisher;
        this.clock = clock;
    }

    @PostMapping("/webhooks/books/{organizationId}")
    public Mono<ResponseEntity<WebhookAccepted>> receive(@PathVariable String organizationId,
                                                         ServerHttpRequest request) {
        return rawBody.read(request).flatMap(body -> {
            auth.booksWebhook(organizationId, request.getHeaders().getFirst(auth.booksSecretHeader()),
                    request.getHeaders().getFirst(auth.booksSignatureHeader()), body);
            String hint = request.getQueryParams().getFirst("event");
            BooksPayloads.Normalized normalized = BooksPayloads.normalize(organizationId,
                    WebhookBodies.books(request, body), hint == null || hint.isBlank() ? null : hint, clock.instant());
            return publisher.publish(Topics.BOOKS_EVENTS, normalized.key(), normalized.event())
                    .thenReturn(ResponseEntity.ok(WebhookAccepted.accepted(List.of(normalized.eventId()))));
        });
    }
}
