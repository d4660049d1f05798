package io.dealledger.service.deadletter;

import java.util.Set;

import io.dealledger.schemas.topics.Service;
import io.dealledger.service.http.Problem;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/dead-letters/replays} on every service that consumes a topic: the service replays its own dead
 * letters through the listener that parked them ({@link OwnDeadLetters}). Internal, like the services' other routes:
 * operators call the gateway's route of the same path, which checks their signature and forwards here, to the
 * service the dead-letter topic's name says owns it. The body is the gateway's:
 *
 * <pre>{"service": "invoice-service"}
 * {"service": "invoice-service", "deadLetterTopic": "invoice.requests.v1.invoice-service.dlt", "partition": 2, "offset": 17}</pre>
 *
 * Answers 200 {@code {"service","replayed":[…],"skipped":[…]}}; a problem naming the field for a malformed body (400),
 * another service's name or a dead letter that is not there (404), one with no way back into the service (no listener
 * consumes its topic and no {@link DeadLetterEntry} takes it: 409), and 503 while the broker cannot be read or a
 * dead letter cannot be handed back.
 */
@RestController
public class DeadLetterReplayController {

    static final String PATH = "/api/v1/dead-letters/replays";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FIELDS = Set.of("service", "deadLetterTopic", "partition", "offset");

    private final Service service;
    private final OwnDeadLetters deadLetters;

    public DeadLetterReplayController(Service service, OwnDeadLetters deadLetters) {
        this.service = service;
        this.deadLetters = deadLetters;
    }

    @PostMapping(PATH)
    public Mono<ResponseEntity<?>> replay(@RequestBody(required = false) byte[] body) {
        // Kafka's clients block: keep them off the event loop
        return Mono.<ResponseEntity<?>>fromCallable(() -> answer(body)).subscribeOn(Schedulers.boundedElastic());
    }

    private ResponseEntity<?> answer(byte[] body) {
        try {
            JsonNode asked = parse(body);
            if (asked.has("deadLetterTopic")) {
                return ResponseEntity.ok(deadLetters.replayOne(asked.get("deadLetterTopic").asString(),
                        asked.get("partition").intValue(), asked.get("offset").longValue()));
            }
            return ResponseEntity.ok(deadLetters.replayAll());
        } catch (Invalid e) {
            return Problem.of("invalid", "Invalid request", 400, e.field + " " + e.getMessage(), PATH, e.field,
                    e.getMessage()).response(0);
        } catch (DeadLetterReader.NotFound e) {
            return Problem.of("not-found", "Not found", 404, e.field() + " " + e.reason(), PATH, e.field(), e.reason())
                    .response(0);
        } catch (NotReplayable e) {
            return Problem.of("not-replayable", "Not replayable by its service", 409, e.getMessage(), PATH,
                    "deadLetterTopic", e.getMessage()).response(0);
        } catch (DeadLetterReader.Unavailable e) {
            return Problem.of("unavailable", "Service unavailable", 503, e.getMessage(), PATH, null, e.getMessage())
                    .response(5);
        }
    }

    /** The gateway has checked the body already; what is checked here is what this service relies on. */
    private JsonNode parse(byte[] body) {
        JsonNode asked;
        try {
            asked = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Invalid("body", "is not JSON");
        }
        if (asked == null || !asked.isObject()) {
            throw new Invalid("body", "must be a JSON object naming the service");
        }
        for (String name : asked.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new Invalid(name, "is not a field of a replay request");
            }
        }
        if (!asked.path("service").isString()) {
            throw new Invalid("service", "is required: the service whose dead letters to replay");
        }
        if (!service.id().equals(asked.get("service").asString())) {
            throw new DeadLetterReader.NotFound("service", "must be " + service.id() + ": this service replays only"
                    + " its own dead letters");
        }
        boolean one = asked.has("deadLetterTopic") || asked.has("partition") || asked.has("offset");
        if (one && !(asked.path("deadLetterTopic").isString() && asked.path("partition").canConvertToInt()
                && asked.path("partition").intValue() >= 0 && asked.path("offset").canConvertToLong()
                && asked.path("offset").isIntegralNumber() && asked.path("partition").isIntegralNumber()
                && asked.path("offset").longValue() >= 0)) {
            throw new Invalid("deadLetterTopic", "partition and offset must come with it, whole numbers from 0");
        }
        return asked;
    }

    private static final class Invalid extends RuntimeException {

        private final String field;

        Invalid(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }
}
