package io.dealledger.gateway.widget;

import java.net.InetSocketAddress;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Guards everything under {@code /widget}: 404 while local mode is off (the page's static files included), and
 * 403 for any client that is not on this machine while it is on.
 */
@Component
public class WidgetRoutesFilter implements WebFilter {

    private final boolean localMode;

    public WidgetRoutesFilter(WidgetProperties properties) {
        this.localMode = properties.localMode().enabled();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.equals("/widget") && !path.startsWith("/widget/")) {
            return chain.filter(exchange);
        }
        if (!localMode) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null || remote.getAddress() == null || !remote.getAddress().isLoopbackAddress()) {
            return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "the widget's local mode answers this machine only"));
        }
        return chain.filter(exchange);
    }
}
