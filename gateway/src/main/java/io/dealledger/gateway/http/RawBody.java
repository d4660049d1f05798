package io.dealledger.gateway.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.dealledger.gateway.config.GatewayProperties;
import io.dealledger.gateway.problem.Refusal;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads a request body as raw bytes, because signatures are computed over exactly those bytes, and
 * refuses a body over the size limit with 413 without buffering more than the limit. JSON routes read with
 * {@link #readJson}, which refuses a body of another media type with 415 before reading it.
 */
@Component
public class RawBody {

    private static final byte[] EMPTY = new byte[0];

    private final long limit;

    public RawBody(GatewayProperties properties) {
        this.limit = properties.maxBodySize().toBytes();
    }

    /**
     * The body of a JSON route: {@code application/json} (UTF-8, the only charset JSON allows between systems,
     * RFC 8259 §8.1), or no body at all; anything else is 415 naming the header.
     */
    public Mono<byte[]> readJson(ServerHttpRequest request) {
        return Mono.defer(() -> {
            String header = request.getHeaders().getFirst("Content-Type");
            if (header == null || header.isBlank()) {
                // an empty body needs no type (Deluge's GET-like calls, a whole-deal request with no body)
                return read(request).filter(body -> {
                    if (body.length > 0) {
                        throw unsupported("is missing; send the body as application/json");
                    }
                    return true;
                }).defaultIfEmpty(EMPTY);
            }
            MediaType type;
            try {
                type = MediaType.parseMediaType(header);
            } catch (InvalidMediaTypeException e) {
                throw unsupported("is not a media type; send application/json");
            }
            if (!MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
                throw unsupported("must be application/json, not " + type.getType() + "/" + type.getSubtype());
            }
            Charset charset;
            try {
                charset = type.getCharset();
            } catch (IllegalArgumentException e) {
                throw unsupported("names a charset this gateway does not know; JSON is UTF-8");
            }
            if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
                throw unsupported("charset must be UTF-8 (JSON between systems is UTF-8), not " + charset.name());
            }
            return read(request);
        });
    }

    private static Refusal unsupported(String reason) {
        return Refusal.unsupportedMediaType("Content-Type", reason);
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
