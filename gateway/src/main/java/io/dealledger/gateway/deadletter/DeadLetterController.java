package io.dealledger.gateway.deadletter;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.dealledger.gateway.auth.SignedCall;
import io.dealledger.gateway.auth.SignedCalls;
import io.dealledger.gateway.http.RawBody;
import io.dealledger.gateway.problem.Refusal;
import io.dealledger.schemas.topics.Service;
import io.dealledger.service.deadletter.DeadLetterTopic;
import io.dealledger.service.deadletter.ParkedRecord;

import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The dead letters of every service, for the person who fixes their cause (docs/architecture.md §3): list them with the
 * reason and failure category each was parked with, then replay them through the service that parked them. Operator
 * routes: signed with the operator secret, which CRM functions never hold.
 */
@RestController
public class DeadLetterController {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    /** Which dead letters to list. */
    enum Status {
        PENDING, REPLAYED, ALL;

        boolean matches(Instant replayedAt) {
            return this == ALL || (this == PENDING) == (replayedAt == null);
        }
    }

    /** The listing: {@code total} dead letters match, the newest {@code deadLetters} are shown. */
    public record Listing(String service, String status, int total, List<DeadLetter> deadLetters) {
    }

    private final RawBody rawBody;
    private final SignedCalls auth;
    private final DeadLetterLog deadLetters;
    private final DeadLetterReplayer replayer;

    public DeadLetterController(RawBody rawBody, SignedCalls auth, DeadLetterLog deadLetters,
                                DeadLetterReplayer replayer) {
        this.rawBody = rawBody;
        this.auth = auth;
        this.deadLetters = deadLetters;
        this.replayer = replayer;
    }

    /** {@code GET /api/v1/dead-letters[?service=][&status=pending|replayed|all][&limit=]}, newest first. */
    @GetMapping("/api/v1/dead-letters")
    public Mono<Listing> list(ServerHttpRequest request) {
        return rawBody.read(request).flatMap(body -> {
            SignedCall call = auth.operator(request, body);
            MultiValueMap<String, String> query = request.getQueryParams();
            String serviceId = query.getFirst("service");
            Service service = serviceId == null || serviceId.isBlank() ? null
                    : ReplayRequest.service("service", serviceId.trim());
            Status status = status(query.getFirst("status"));
            int limit = limit(query.getFirst("limit"));
            return call.claimNonce().then(blocking(() -> listing(service, status, limit)));
        });
    }

    /**
     * {@code POST /api/v1/dead-letters/replays}: see {@link ReplayRequest}; forwarded to the service that parked them,
     * which replays them through its own listeners ({@link DeadLetterReplayer}).
     */
    @PostMapping("/api/v1/dead-letters/replays")
    public Mono<ResponseEntity<Object>> replay(ServerHttpRequest request) {
        return rawBody.readJson(request).flatMap(body -> {
            SignedCall call = auth.operator(request, body);
            ReplayRequest asked = ReplayRequest.parse(body);
            return call.claimNonce().then(replayer.replay(asked, request, body));
        });
    }

    private Listing listing(Service service, Status status, int limit) {
        List<DeadLetterTopic> topics = deadLetters.topics().stream()
                .filter(topic -> service == null || topic.service() == service).toList();
        List<ParkedRecord> parked = deadLetters.read(topics);
        Map<String, Instant> replays = deadLetters.replays();
        List<ParkedRecord> matching = parked.stream()
                .filter(record -> status.matches(replays.get(record.replayKey())))
                .sorted(Comparator.comparing(ParkedRecord::deadLetteredAt)
                        .thenComparingLong(record -> record.record().offset()).reversed())
                .toList();
        return new Listing(service == null ? null : service.id(), status.name().toLowerCase(Locale.ROOT),
                matching.size(), matching.stream().limit(limit)
                .map(record -> DeadLetter.of(record, replays.get(record.replayKey()))).toList());
    }

    private static Status status(String value) {
        if (value == null || value.isBlank()) {
            return Status.PENDING;
        }
        return switch (value.trim()) {
            case "pending" -> Status.PENDING;
            case "replayed" -> Status.REPLAYED;
            case "all" -> Status.ALL;
            default -> throw Refusal.invalid("status", "must be pending, replayed or all");
        };
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        if (!value.trim().matches("[0-9]{1,4}") || Integer.parseInt(value.trim()) < 1
                || Integer.parseInt(value.trim()) > MAX_LIMIT) {
            throw Refusal.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(value.trim());
    }

    /** Kafka's clients block: keep them off the event loop. */
    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
