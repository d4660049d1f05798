package io.dealledger.emulator.books;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Older Books clients post {@code JSONString=<json>} as a form. Spring will not hand a form body to a
 * {@code @RequestBody String}, so for Books paths the form is presented as plain text and
 * {@link io.dealledger.emulator.json.JsonBodies} unwraps it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class JsonStringFormFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        MediaType type = request.getHeaders().getContentType();
        if (!request.getPath().value().startsWith("/books/v3/") || type == null
                || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            return chain.filter(exchange);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(request.getHeaders());
        headers.setContentType(MediaType.TEXT_PLAIN);
        ServerHttpRequest asText = new ServerHttpRequestDecorator(request) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
        return chain.filter(exchange.mutate().request(asText).build());
    }
}
