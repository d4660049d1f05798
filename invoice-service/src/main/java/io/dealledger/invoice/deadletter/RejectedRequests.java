package io.dealledger.invoice.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.dealledger.events.InvoiceRequested;
import io.dealledger.invoice.outcome.Outcome;
import io.dealledger.invoice.outcome.Rejection;
import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.kafka.DeadLetters;
import io.dealledger.zoho.limits.BooksDailyLimitException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Parks a rejected request that a person can fix outside it (a tax or organization mapping, a SKU, the
 * deal's account, a CRM field, what Books refused) on {@code invoice.requests.v1.invoice-service.dlt}, so it
 * can be replayed once fixed — the gateway lists and replays dead letters. The record is the one a fault
 * would leave there: the request's bytes (the serde writes an event the same way every time), keyed by deal
 * id, with the reasons, the first reason's category and spring-kafka's {@code kafka_dlt-original-*} headers.
 * A rejection the request itself causes (nothing left to invoice, a stage the deal is not at) is not parked:
 * replaying it cannot help.
 */
public class RejectedRequests {

    private static final String DEAD_LETTER_TOPIC = Topics.INVOICE_REQUESTS.deadLetterTopic(Service.INVOICE_SERVICE);

    private final KafkaTemplate<String, Object> kafka;
    private final Duration timeout;
    private final Counter parked;

    public RejectedRequests(KafkaTemplate<String, Object> kafka, MeterRegistry meters, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
        // the same series service-kit counts faults' dead letters in
        this.parked = Counter.builder("dealledger.dead.letters").description("records parked on a dead-letter topic")
                .tag("topic", Topics.INVOICE_REQUESTS.name()).tag("service", Service.INVOICE_SERVICE.id())
                .register(meters);
    }

    /** Set on a request parked for the day's Books limit: when its organization's Books day turns (ISO instant). */
    public static final String RESUME_AFTER_HEADER = "dealledger-resume-after";
    /** Set on a request parked for the day's Books limit: the Books organization whose day it waits for. */
    public static final String ORGANIZATION_HEADER = "dealledger-books-organization";

    /** Parks the request when replaying it can succeed once fixed; answers whether it did. */
    public boolean parkIfReplayable(ConsumerRecord<String, InvoiceRequested> request, Outcome.Rejected rejected)
            throws Exception {
        return parkIfReplayable(request, rejected, null);
    }

    /**
     * Parks the request when replaying it can succeed once fixed, with when to resume it if the day's Books
     * limit stopped it ({@code limit}, or null); answers whether it did.
     */
    public boolean parkIfReplayable(ConsumerRecord<String, InvoiceRequested> request, Outcome.Rejected rejected,
                                    BooksDailyLimitException limit) throws Exception {
        if (!rejected.replayableOnceFixed()) {
            return false;
        }
        List<Header> headers = new ArrayList<>();
        for (Header header : request.headers()) {
            if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("dealledger-dlt-")
                    && !header.key().equals(RESUME_AFTER_HEADER) && !header.key().equals(ORGANIZATION_HEADER)) {
                headers.add(header);
            }
        }
        headers.add(text(DeadLetters.REASON_HEADER, rejected.reasons().stream().map(Rejection::message)
                .collect(Collectors.joining("; "))));
        headers.add(text(FailureCategory.HEADER, rejected.reasons().get(0).category().name()));
        if (limit != null) {
            headers.add(text(RESUME_AFTER_HEADER, limit.resumesAt().toString()));
            headers.add(text(ORGANIZATION_HEADER, limit.organizationId()));
        }
        headers.add(text(KafkaHeaders.DLT_ORIGINAL_TOPIC, request.topic()));
        headers.add(new RecordHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION,
                ByteBuffer.allocate(Integer.BYTES).putInt(request.partition()).array()));
        headers.add(new RecordHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET,
                ByteBuffer.allocate(Long.BYTES).putLong(request.offset()).array()));
        headers.add(new RecordHeader(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP,
                ByteBuffer.allocate(Long.BYTES).putLong(request.timestamp()).array()));
        headers.add(text(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE, request.timestampType().toString()));
        String group = KafkaUtils.getConsumerGroupId();
        if (group != null) {
            headers.add(text(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group));
        }
        kafka.send(new ProducerRecord<>(DEAD_LETTER_TOPIC, null, request.value().getDealId(), request.value(), headers))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        parked.increment();
        return true;
    }

    private static Header text(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
