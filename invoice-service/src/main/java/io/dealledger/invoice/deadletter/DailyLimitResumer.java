package io.dealledger.invoice.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dealledger.events.InvoiceRequested;
import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.lifecycle.BackgroundLoop;
import io.dealledger.zoho.books.BooksClient;
import io.dealledger.zoho.limits.BooksDailyLimitException;
import io.dealledger.zoho.limits.Priority;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resumes the invoice requests parked for the day's Books limit ({@link FailureCategory#BOOKS_DAILY_LIMIT}) once
 * their organization's Books day turns, or earlier when Zoho's own day turned first (the organization's budget lets
 * one call through every {@code daily-probe}). It reads invoice-service's own dead-letter topic in its own consumer
 * group and pushes each such request through its {@link Push} (the listener's {@code handle}), exactly as if it had
 * just arrived: its invoice, if any was made, is found by request id, so however often a request is resumed or
 * replayed by hand, one invoice comes of it. A partition whose next request must still wait is paused until then;
 * other dead letters (parked for a person to fix something) are left for the operator's replay.
 */
public class DailyLimitResumer extends BackgroundLoop {

    /**
     * Pushes a resumed request as the listener pushes a new one, its outcome published, but a request the day's
     * limit stops again throws {@link BooksDailyLimitException} instead of being announced and parked once more.
     * An interface, so the dead letters need not know the push that depends on them.
     */
    @FunctionalInterface
    public interface Push {
        void push(ConsumerRecord<String, InvoiceRequested> request) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(DailyLimitResumer.class);
    private static final String TOPIC = Topics.INVOICE_REQUESTS.deadLetterTopic(Service.INVOICE_SERVICE);
    private static final Duration FAULT_BACKOFF = Duration.ofMinutes(1);
    private static final int FAULT_ATTEMPTS = 5;

    private final Push requests;
    private final BooksClient books;
    private final Map<String, Object> consumerProperties;
    private final String groupId;
    private final Clock clock;
    private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();
    private final Map<String, Integer> faults = new HashMap<>();

    public DailyLimitResumer(Push requests, BooksClient books, Map<String, Object> consumerProperties,
                             String groupId, Clock clock) {
        super("daily-limit-resumer");
        this.requests = requests;
        this.books = books;
        this.consumerProperties = consumerProperties;
        this.groupId = groupId;
        this.clock = clock;
    }

    @Override
    protected void session() {
        pausedUntil.clear();
        try (KafkaConsumer<String, Object> consumer = consumer()) {
            consumer.subscribe(List.of(TOPIC));
            while (running()) {
                resumeDue(consumer);
                ConsumerRecords<String, Object> records = consumer.poll(Duration.ofMillis(500));
                for (TopicPartition partition : records.partitions()) {
                    for (ConsumerRecord<String, Object> record : records.records(partition)) {
                        if (!resume(consumer, partition, record)) {
                            break;
                        }
                    }
                }
            }
        }
    }

    /** Handles one dead letter; false when its partition must wait (it is then paused and rewound to it). */
    private boolean resume(KafkaConsumer<String, Object> consumer, TopicPartition partition,
                           ConsumerRecord<String, Object> record) {
        if (!FailureCategory.BOOKS_DAILY_LIMIT.name().equals(text(record, FailureCategory.HEADER))
                || !(record.value() instanceof InvoiceRequested request)) {
            commit(consumer, record);
            return true;
        }
        String organization = text(record, RejectedRequests.ORGANIZATION_HEADER);
        Instant at = organization == null ? clock.instant() : books.budget(organization).retryAt(Priority.HIGH);
        Instant now = clock.instant();
        if (at.isAfter(now)) {
            return wait(consumer, partition, record, at);
        }
        try {
            requests.push(requestRecord(record));
            faults.remove(request.getRequestId());
            log.info("event=daily_limit_resumed request_id={} deal_id={} org_id={}", request.getRequestId(),
                    request.getDealId(), organization);
            commit(consumer, record);
            return true;
        } catch (BooksDailyLimitException still) {
            Instant next = books.budget(still.organizationId()).retryAt(Priority.HIGH);
            return wait(consumer, partition, record, next.isAfter(now) ? next : now.plus(FAULT_BACKOFF));
        } catch (Exception fault) {
            int attempts = faults.merge(request.getRequestId(), 1, Integer::sum);
            log.warn("event=daily_limit_resume_failed request_id={} deal_id={} attempt={} reason=\"{}\"",
                    request.getRequestId(), request.getDealId(), attempts, fault.toString());
            if (attempts >= FAULT_ATTEMPTS) {
                // still listed among the dead letters: an operator replays it once Zoho answers again
                faults.remove(request.getRequestId());
                commit(consumer, record);
                return true;
            }
            return wait(consumer, partition, record, now.plus(FAULT_BACKOFF));
        }
    }

    private boolean wait(KafkaConsumer<?, ?> consumer, TopicPartition partition, ConsumerRecord<?, ?> record,
                         Instant until) {
        consumer.seek(partition, record.offset());
        consumer.pause(Set.of(partition));
        pausedUntil.put(partition, until);
        return false;
    }

    private void resumeDue(KafkaConsumer<?, ?> consumer) {
        Instant now = clock.instant();
        pausedUntil.entrySet().removeIf(entry -> {
            if (!consumer.assignment().contains(entry.getKey())) {
                return true;
            }
            if (now.isBefore(entry.getValue())) {
                return false;
            }
            consumer.resume(Set.of(entry.getKey()));
            return true;
        });
    }

    private static void commit(KafkaConsumer<?, ?> consumer, ConsumerRecord<?, ?> record) {
        consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                new OffsetAndMetadata(record.offset() + 1)));
    }

    private KafkaConsumer<String, Object> consumer() {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.put("group.id", groupId);
        properties.put("enable.auto.commit", "false");
        properties.put("auto.offset.reset", "earliest");
        properties.put("client.id", "invoice-service-daily-limit-resumer");
        // the service's deserializers: an unreadable dead letter arrives without a value and is left alone
        return new KafkaConsumer<>(properties);
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, InvoiceRequested> requestRecord(ConsumerRecord<String, Object> record) {
        return (ConsumerRecord<String, InvoiceRequested>) (ConsumerRecord<?, ?>) record;
    }

    private static String text(ConsumerRecord<?, ?> record, String header) {
        Header found = record.headers().lastHeader(header);
        return found == null ? null : new String(found.value(), StandardCharsets.UTF_8);
    }

}
