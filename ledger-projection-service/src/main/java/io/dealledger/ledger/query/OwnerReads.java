package io.dealledger.ledger.query;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * Reads of a value another instance owns, which this instance needs to compute an answer (an invoice's view for a
 * deal's as-of ledger, a deal's as-of ledger for its account's): the owner is asked as a forwarded request, so it
 * answers from its own store.
 */
@Component
public class OwnerReads {

    /** The store holding a value cannot be read now (rebalancing, restoring, its owner not answering). */
    static final class Unready extends RuntimeException {
        Unready(String reason) {
            super(reason);
        }
    }

    /** The owner answered with a problem (neither the value nor "not found"): its answer, to relay or to report. */
    static final class Refused extends RuntimeException {
        private final transient ResponseEntity<Object> answer;

        Refused(ResponseEntity<Object> answer) {
            super(String.valueOf(answer.getStatusCode()));
            this.answer = answer;
        }

        ResponseEntity<Object> answer() {
            return answer;
        }
    }

    private final WebClient client = WebClient.create();

    /**
     * GET {@code pathAndQuery} (already encoded) on {@code owner}: the value {@code decode} reads from a 2xx answer,
     * empty for a 404, {@link Refused} for any other answer, {@link Unready} when the owner does not answer.
     */
    <V> Mono<Optional<V>> get(HostInfo owner, String pathAndQuery, Function<byte[], V> decode, String what) {
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + pathAndQuery);
        return client.get().uri(uri).header(Forwarder.FORWARDED_HEADER, "true")
                .exchangeToMono(response -> {
                    if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        return response.releaseBody().thenReturn(Optional.<V>empty());
                    }
                    if (!response.statusCode().is2xxSuccessful()) {
                        return response.toEntity(byte[].class).flatMap(answer -> Mono.<Optional<V>>error(
                                new Refused(Relay.entity(answer))));
                    }
                    return response.bodyToMono(byte[].class).map(body -> Optional.of(decode.apply(body)));
                })
                .onErrorMap(failure -> !(failure instanceof Refused),
                        failure -> new Unready(what + " at " + owner + ": " + failure.getMessage()));
    }
}
