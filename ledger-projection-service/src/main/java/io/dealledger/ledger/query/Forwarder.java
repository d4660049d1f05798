package io.dealledger.ledger.query;

import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * Sends a query to the instance that owns its key and relays the answer as it is. The forwarded request carries
 * {@value #FORWARDED_HEADER}, so the owner answers from its local store and never forwards again.
 */
@Component
public class Forwarder {

    public static final String FORWARDED_HEADER = "X-Dealledger-Forwarded";

    private final WebClient client = WebClient.create();

    public Mono<ResponseEntity<byte[]>> forward(HostInfo owner, ServerHttpRequest request) {
        String uri = "http://" + owner.host() + ":" + owner.port() + request.getURI().getRawPath()
                + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery());
        return client.get().uri(uri).header(FORWARDED_HEADER, "true")
                .exchangeToMono(response -> response.toEntity(byte[].class));
    }

    public static boolean forwarded(ServerHttpRequest request) {
        return request.getHeaders().containsHeader(FORWARDED_HEADER);
    }
}
