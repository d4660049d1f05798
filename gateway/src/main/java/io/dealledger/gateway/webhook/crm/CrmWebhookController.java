package io.dealledger.gateway.webhook.crm;

import java.time.Clock;
import java.util.List;

import io.dealledger.gateway.auth.RequestAuthentication;
import io.dealledger.gateway.http.RawBody;
import io.dealledger.gateway.json.JsonBodies;
import io.dealledger.gateway.problem.Refusal;
import io.dealledger.gateway.publish.EventPublisher;
import io.dealledger.gateway.publish.EventPublisher.Outgoing;
import io.dealledger.gateway.webhook.WebhookAccepted;
import io.dealledger.gateway.webhook.WebhookBodies;
import io.dealledger.schemas.topics.Topics;

import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /webhooks/crm}: deal changes from a CRM workflow webhook (shared-secret header) or a CRM
 * notification callback (echoed token + known channel id), published as {@code DealChanged} on
 * crm.deals.v1 before the 200.
 */
@RestController
public class CrmWebhookController {

    private final RawBody rawBody;
    private final RequestAuthentication auth;
    private final EventPublisher publisher;
    private final Clock clock;

    public CrmWebhookController(RawBody rawBody, RequestAuthentication auth, EventPublisher publisher, Clock clock) {
        this.rawBody = rawBody;
        this.auth = auth;
        this.publisher = publisher;
        this.clock = clock;
    }

    @PostMapping("/webhooks/crm")
    public Mono<ResponseEntity<WebhookAccepted>> receive(ServerHttpRequest request) {
        return rawBody.read(request).flatMap(body -> {
            String secret = request.getHeaders().getFirst(auth.crmWebhookHeader());
            List<CrmPayloads.Change> changes = secret != null ? workflow(secret, request, body) : notification(body);
            if (changes.isEmpty()) {
                return Mono.just(ResponseEntity.ok(WebhookAccepted.ignored()));
            }
            return publisher.publishAll(changes.stream()
                            .map(change -> new Outgoing(Topics.CRM_DEALS, change.dealId(), change.event())).toList())
                    .thenReturn(ResponseEntity.ok(WebhookAccepted.accepted(
                            changes.stream().map(CrmPayloads.Change::eventId).toList())));
        });
    }

    private List<CrmPayloads.Change> workflow(String secret, ServerHttpRequest request, byte[] body) {
        auth.crmWorkflowWebhook(secret);
        return List.of(CrmPayloads.workflow(WebhookBodies.crm(request, body), clock.instant()));
    }

    /** Notifications carry their credentials in the body, so it is parsed (defensively) before they are checked. */
    private List<CrmPayloads.Change> notification(byte[] body) {
        ObjectNode root;
        try {
            root = JsonBodies.object(body);
        } catch (Refusal notJson) {
            throw unauthenticated();
        }
        if (!CrmPayloads.isNotification(root)) {
            throw unauthenticated();
        }
        CrmPayloads.Credentials credentials = CrmPayloads.credentials(root);
        auth.crmNotification(credentials.token(), credentials.channelId());
        return CrmPayloads.notification(root, clock.instant());
    }

    private Refusal unauthenticated() {
        return Refusal.unauthorized(auth.crmWebhookHeader(),
                "is missing, and the body is not a CRM notification with its token");
    }
}
