package io.dealledger.emulator.world;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.dealledger.emulator.gate.ApiFamily;
import io.dealledger.emulator.json.JsonBodies;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Journals every write of the world that passed Zoho's gate ({@link WorldJournal}): Books, CRM and Cliq calls other
 * than reads and OAuth, and the admin calls that change the world (clock, organizations, currencies, quirks, the CRM
 * deal webhook). While the journal is being replayed at start, every other call is answered 503.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class JournalFilter implements WebFilter {

    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private static final List<String> ADMIN_WRITES = List.of("/_emulator/clock", "/_emulator/books/organizations",
            "/_emulator/books/quirks", "/_emulator/crm/deal-webhook");
    /** Never written to the journal: credentials, and what the HTTP layer sets by itself. */
    private static final Set<String> NOT_KEPT = Set.of("authorization", "cookie", "host", "content-length",
            "connection", "accept-encoding", "user-agent", "transfer-encoding", WorldJournal.REPLAY_HEADER.toLowerCase());

    private final WorldJournal journal;

    public JournalFilter(WorldJournal journal) {
        this.journal = journal;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!journal.persisted() || journal.isReplay(request)) {
            return chain.filter(exchange);
        }
        if (journal.replaying()) {
            return unavailable(exchange);
        }
        if (!changesTheWorld(request.getMethod(), request.getPath().value())) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody())
                .map(JournalFilter::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> journal.write(request.getMethod().name(), request.getURI().getRawPath()
                                + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery()),
                        kept(request), body, () -> chain.filter(withBody(exchange, body))));
    }

    static boolean changesTheWorld(HttpMethod method, String path) {
        if (!WRITES.contains(method)) {
            return false;
        }
        ApiFamily family = ApiFamily.of(path);
        if (family == ApiFamily.BOOKS || family == ApiFamily.CRM || family == ApiFamily.CLIQ) {
            return true;
        }
        return ADMIN_WRITES.stream().anyMatch(path::startsWith);
    }

    private static Map<String, List<String>> kept(ServerHttpRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.getHeaders().forEach((name, values) -> {
            if (!NOT_KEPT.contains(name.toLowerCase())) {
                headers.put(name, List.copyOf(values));
            }
        });
        return headers;
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static ServerWebExchange withBody(ServerWebExchange exchange, byte[] body) {
        ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        return exchange.mutate().request(request).build();
    }

    private static Mono<Void> unavailable(ServerWebExchange exchange) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body = JsonBodies.write(Map.of("code", 503, "message",
                "the Zoho emulator is restoring its world from its journal; try again in a moment")).getBytes();
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
