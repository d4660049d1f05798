package io.dealledger.gateway.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.dealledger.events.DeadLetterReplayed;
import io.dealledger.gateway.config.GatewayProperties;
import io.dealledger.gateway.http.UpstreamService;
import io.dealledger.gateway.metrics.GatewayMetrics;
import io.dealledger.gateway.problem.Refusal;
import io.dealledger.gateway.publish.EventPublisher;
import io.dealledger.schemas.EventIds;
import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.deadletter.DeadLetterTopic;
import io.dealledger.service.deadletter.OwnDeadLetters;
import io.dealledger.service.deadletter.ParkedRecord;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays dead letters through the service that parked them (docs/architecture.md §3, "Dead letters"): checks that
 * what the operator named is there (a 404 naming the field if not), forwards the request to the owning service (the
 * dead-letter topic's name, {@code <topic>.<service>.dlt}, says which), which hands each pending one to the listener
 * that parked it, and records each one it replayed with a {@code DeadLetterReplayed} on deadletters.replays.v1, the
 * gateway's own topic, so the next request skips it. The gateway publishes nothing else: the source topics keep their
 * one writer. A crash (or a broker failure, answered 503) between the owner's replay and the record leaves the dead
 * letter pending and a second replay hands it to the listener again, which is harmless because every consumer applies
 * an event id once. An owner not configured or not reachable is a 503 problem naming it; the owner's own problems
 * (a dead letter no listener of it consumes: 409) are passed through.
 */
@Component
public class DeadLetterReplayer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DeadLetterLog deadLetters;
    private final EventPublisher publisher;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final Map<Service, UpstreamService> owners;
    private final Duration timeout;

    public DeadLetterReplayer(DeadLetterLog deadLetters, EventPublisher publisher, GatewayMetrics metrics, Clock clock,
                              GatewayProperties properties) {
        this.deadLetters = deadLetters;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.owners = Map.of(
                Service.INVOICE_SERVICE, new UpstreamService(Service.INVOICE_SERVICE.id(), "DEALLEDGER_INVOICE_SERVICE_URL",
                        properties.invoiceServiceUri(), properties.maxBodySize()),
                Service.PAYMENT_SERVICE, new UpstreamService(Service.PAYMENT_SERVICE.id(), "DEALLEDGER_PAYMENT_SERVICE_URL",
                        properties.paymentServiceUri(), properties.maxBodySize()),
                Service.LEDGER_PROJECTION_SERVICE, new UpstreamService(Service.LEDGER_PROJECTION_SERVICE.id(),
                        "DEALLEDGER_LEDGER_URL", properties.ledgerUri(), properties.maxBodySize()));
        this.timeout = properties.deadLetterReplayTimeout();
    }

    /**
     * Replays what {@code asked} names through its owner, {@code body} forwarded as it came; answers the owner's
     * {@code {"service","replayed","skipped"}} or its problem.
     */
    public Mono<ResponseEntity<Object>> replay(ReplayRequest asked, ServerHttpRequest request, byte[] body) {
        return blocking(() -> named(asked)).flatMap(parked -> {
            UpstreamService owner = owners.get(asked.service());
            if (owner == null) {
                // the gateway consumes no topic, so it parks nothing: there is nothing of its own to replay
                return Mono.just(ResponseEntity.ok((Object) new OwnDeadLetters.Replays(asked.service().id(), List.of(),
                        List.of())));
            }
            return owner.post(request, body, timeout).flatMap(answer -> answer.getStatusCode().is2xxSuccessful()
                    ? blocking(() -> ResponseEntity.ok((Object) recorded(asked.service(), answer.getBody(), parked)))
                    : Mono.just(ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                            .body((Object) answer.getBody())));
        });
    }

    /** The dead letters {@code asked} names, by replay key; a 404 naming the field for one that is not there. */
    private Map<String, ParkedRecord> named(ReplayRequest asked) {
        Service service = asked.service();
        List<ParkedRecord> parked;
        if (asked.one()) {
            DeadLetterTopic topic = deadLetters.topic("deadLetterTopic", asked.deadLetterTopic());
            if (topic.service() != service) {
                throw Refusal.notFound("deadLetterTopic", "is not a dead-letter topic of " + service.id() + " (it is "
                        + topic.service().id() + "'s)");
            }
            parked = List.of(deadLetters.read(topic, asked.partition(), asked.offset()));
        } else {
            parked = deadLetters.read(deadLetters.topics().stream().filter(topic -> topic.service() == service).toList());
        }
        return parked.stream().collect(Collectors.toMap(ParkedRecord::replayKey, Function.identity()));
    }

    /** Records every dead letter the owner replayed, so none is replayed twice; answers the owner's answer. */
    private OwnDeadLetters.Replays recorded(Service service, byte[] answer, Map<String, ParkedRecord> parked) {
        OwnDeadLetters.Replays replays;
        try {
            replays = JSON.readValue(answer, OwnDeadLetters.Replays.class);
        } catch (JacksonException e) {
            throw Refusal.unavailable(service.id() + " answered a replay with what is not one; retry later", e);
        }
        for (OwnDeadLetters.Outcome outcome : replays.replayed()) {
            String key = Topics.deadLetterKey(outcome.deadLetterTopic(), outcome.partition(), outcome.offset());
            ParkedRecord record = parked.containsKey(key) ? parked.get(key) : deadLetters.read(
                    deadLetters.topic("deadLetterTopic", outcome.deadLetterTopic()), outcome.partition(), outcome.offset());
            record(record, outcome);
        }
        return replays;
    }

    private void record(ParkedRecord parked, OwnDeadLetters.Outcome outcome) {
        String owner = parked.topic().service().id();
        publisher.publish(Topics.DEAD_LETTER_REPLAYS, parked.replayKey(), DeadLetterReplayed.newBuilder()
                .setEventId(EventIds.derive("DeadLetterReplayed", parked.replayKey()))
                .setOccurredAt(outcome.replayedAt() != null ? outcome.replayedAt() : clock.instant())
                .setSource(Service.GATEWAY.id())
                .setOrganizationId(null)
                .setService(owner)
                .setDeadLetterTopic(parked.topic().name())
                .setPartition(parked.record().partition())
                .setOffset(parked.record().offset())
                .setSourceTopic(parked.origin().topic())
                .setRecordKey(parked.record().key())
                .setReason(parked.reason())
                .setCategory(parked.category().name())
                .build()).block();
        metrics.deadLetterReplayed(owner, parked.category().name());
        ParkedRecord.Event event = parked.event();
        log.info("event=dead_letter_replayed deadLetter={} sourceTopic={} key={} type={} eventId={} dealId={} orgId={}"
                        + " service={} category={}", parked.replayKey(), parked.origin().topic(), parked.record().key(),
                event.type(), event.eventId(), event.dealId(), event.organizationId(), owner, parked.category().name());
    }

    /** Kafka's clients block: keep them off the event loop. */
    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
