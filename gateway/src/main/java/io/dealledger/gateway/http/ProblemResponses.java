package io.dealledger.gateway.http;

import io.dealledger.gateway.problem.Refusal;
import io.dealledger.service.http.Problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the gateway answers, whoever raised it (a refusal, WebFlux's own 404/405, a fault), as
 * {@code application/problem+json}. Ordered before Spring Boot's error handler so no error escapes in
 * another shape.
 */
@Component
@Order(-2)
public class ProblemResponses implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        Problem problem = Problems.of(error, exchange.getRequest().getPath().value());
        if (problem.status() >= 500 && !(error instanceof Refusal)) {
            log.error("event=request_failed path={} reason=\"{}\"", problem.instance(), error.toString(), error);
        }
        response.setStatusCode(HttpStatus.valueOf(problem.status()));
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.status() == 503) {
            headers.set(HttpHeaders.RETRY_AFTER, "5");
        }
        DataBuffer body = response.bufferFactory().wrap(JSON.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }
}
