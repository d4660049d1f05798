package io.dealledger.gateway.deadletter;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.dealledger.gateway.json.Fields;
import io.dealledger.gateway.json.JsonBodies;
import io.dealledger.gateway.problem.Refusal;
import io.dealledger.schemas.topics.Service;

/**
 * What to replay: every pending dead letter of a service, or one of them.
 *
 * <pre>{"service": "invoice-service"}
 * {"service": "invoice-service", "deadLetterTopic": "invoice.requests.v1.invoice-service.dlt", "partition": 2, "offset": 17}</pre>
 */
record ReplayRequest(Service service, String deadLetterTopic, Integer partition, Long offset) {

    private static final Set<String> FIELDS = Set.of("service", "deadLetterTopic", "partition", "offset");

    private static final String SERVICE_IDS = Arrays.stream(Service.values()).map(Service::id)
            .collect(Collectors.joining(", "));

    static ReplayRequest parse(byte[] body) {
        Fields fields = Fields.of(JsonBodies.object(body), "").allowOnly(FIELDS);
        String serviceId = fields.text("service", 100);
        if (serviceId == null) {
            throw Refusal.invalid("service", "is required: the service whose dead letters to replay");
        }
        Service service = service("service", serviceId);
        // 249: Kafka's longest topic name
        String topic = fields.text("deadLetterTopic", 249);
        Long partition = fields.wholeNumber("partition", Integer.MAX_VALUE);
        Long offset = fields.wholeNumber("offset", Long.MAX_VALUE);
        if (topic == null && partition == null && offset == null) {
            return new ReplayRequest(service, null, null, null);
        }
        for (String name : new String[] {"deadLetterTopic", "partition", "offset"}) {
            if (!fields.has(name)) {
                throw Refusal.invalid(name, "is required to replay one dead letter (with deadLetterTopic, partition"
                        + " and offset); leave all three out to replay every pending one of the service");
            }
        }
        return new ReplayRequest(service, topic, partition.intValue(), offset);
    }

    /** Whether one dead letter is named, rather than all of the service's. */
    boolean one() {
        return deadLetterTopic != null;
    }

    /** The service whose id is {@code id}; a 400 naming {@code field} for any other value. */
    static Service service(String field, String id) {
        return Arrays.stream(Service.values()).filter(service -> service.id().equals(id)).findFirst()
                .orElseThrow(() -> Refusal.invalid(field, "must be one of " + SERVICE_IDS));
    }
}
