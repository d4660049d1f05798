package io.dealledger.gateway.http;

import io.dealledger.gateway.config.GatewayProperties;
import io.dealledger.gateway.problem.Refusal;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads a request body as raw bytes, because signatures are computed over exactly those bytes, and
 * refuses a body over the size limit with 413 without buffering more than the limit.
 */
@Component
public class RawBody {

    private static final byte[] EMPTY = new byte[0];

    private final long limit;

    public RawBody(GatewayProperties properties) {
        this.limit = properties.maxBodySize().toBytes();
    }

    public Mono<byte[]> read(ServerHttpRequest request) {
        if (request.getHeaders().getContentLength() > limit) {
            return Mono.error(Refusal.tooLarge(limit));
        }
        return DataBufferUtils.join(request.getBody(), (int) limit)
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .onErrorMap(DataBufferLimitException.class, e -> Refusal.tooLarge(limit))
                .defaultIfEmpty(EMPTY);
    }
}
