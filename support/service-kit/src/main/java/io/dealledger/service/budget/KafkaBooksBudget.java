package io.dealledger.service.budget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dealledger.events.BooksBudgetUsage;
import io.dealledger.schemas.EventIds;
import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.TopicSpec;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.lifecycle.BackgroundLoop;
import io.dealledger.zoho.limits.BudgetCoordination;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Books budget per organization for the whole deployment, on Kafka alone (docs/architecture.md, "One Books
 * budget per organization"):
 * <ul>
 * <li><b>Per minute and in flight</b>: each service has a configured share of every organization's limits, and its
 * instances divide it by the partitions of the service's budget topic they hold in one consumer group
 * ({@code <deployment>.<service>.books-budget}): an instance holding 6 of 12 partitions spends half the share. A
 * partition taken over from another instance counts only one window after the take-over if that instance may
 * still have calls in the window (its latest call, as it reported it, is recent), so the sum never exceeds the
 * share while a group rebalances. The group's partitions are paused: membership is all this consumer is for.</li>
 * <li><b>Per day</b>: every instance writes its running count of calls per organization and Books day to its
 * service's budget topic (compacted, kept three days) and reads every service's topic, so each knows what the
 * deployment spent today, across restarts.</li>
 * <li><b>One owner</b> per organization for single-owner work (the safety-net poll): the instance holding the
 * partition the organization's id hashes to.</li>
 * </ul>
 */
public final class KafkaBooksBudget extends BackgroundLoop implements BudgetCoordination, BudgetCoordination.Observable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBooksBudget.class);
    /** Zoho's minute plus the limiter's second of transit slack. */
    private static final Duration WINDOW = Duration.ofSeconds(61);

    private final Service service;
    private final String deployment;
    private final String instance = UUID.randomUUID().toString();
    private final TopicSpec ownTopic;
    private final Map<String, Object> consumerProperties;
    private final Map<String, Object> producerProperties;
    private final Duration publishInterval;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Every instance's latest count, by record key, as read back from the budget topics (this one's included). */
    private final Map<String, BooksBudgetUsage> counts = new ConcurrentHashMap<>();
    /** This instance's counts not yet written, by organization. */
    private final Map<String, Local> mine = new ConcurrentHashMap<>();
    /** Budget partitions this instance holds, and since when. */
    private final Map<Integer, Instant> held = new ConcurrentHashMap<>();
    private volatile boolean caughtUp;

    private record Local(LocalDate day, ZoneId zone, long calls, Instant lastCallAt, boolean written) {
    }

    /**
     * @param deployment      which deployment's budget this is (one per Zoho account; tests give each stack its own)
     * @param publishInterval how often this instance writes its counts when they changed
     */
    public KafkaBooksBudget(Service service, String deployment, Map<String, Object> consumerProperties,
                            Map<String, Object> producerProperties, Duration publishInterval, Clock clock) {
        super("books-budget");
        this.service = service;
        this.deployment = deployment;
        this.ownTopic = Topics.booksBudgetOf(service).orElseThrow(() -> new IllegalArgumentException(
                service.id() + " does not call Books: it has no Books budget topic"));
        this.consumerProperties = consumerProperties;
        this.producerProperties = producerProperties;
        this.publishInterval = publishInterval;
        this.clock = clock;
    }

    @Override
    public void onShareChange(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public double fraction(String org) {
        if (!caughtUp || held.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant othersLastCall = othersLastCall(org);
        int usable = 0;
        for (Instant acquired : held.values()) {
            boolean cooled = !now.isBefore(acquired.plus(WINDOW));
            boolean nobodyElseWasSpending = othersLastCall == null
                    || othersLastCall.isBefore(acquired.minus(WINDOW).minus(publishInterval));
            if (cooled || nobodyElseWasSpending) {
                usable++;
            }
        }
        return (double) usable / ownTopic.partitions();
    }

    @Override
    public DailyUsage others(String org, LocalDate day) {
        long byThisService = 0;
        long byEveryone = 0;
        for (BooksBudgetUsage usage : counts.values()) {
            if (usage.getDeployment().equals(deployment) && usage.getOrganizationId().equals(org)
                    && usage.getDay().equals(day) && !usage.getInstance().equals(instance)) {
                byEveryone += usage.getCalls();
                if (usage.getSource().equals(service.id())) {
                    byThisService += usage.getCalls();
                }
            }
        }
        return new DailyUsage(byThisService, byEveryone);
    }

    @Override
    public void spent(String org, LocalDate day, ZoneId zone, long callsToday, Instant lastCallAt) {
        mine.put(org, new Local(day, zone, callsToday, lastCallAt, false));
    }

    @Override
    public boolean owns(String org) {
        return held.containsKey(Utils.toPositive(Utils.murmur2(org.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                % ownTopic.partitions());
    }

    /** Budget partitions this instance holds now (for tests and logs). */
    public int heldPartitions() {
        return held.size();
    }

    private Instant othersLastCall(String org) {
        Instant latest = null;
        for (BooksBudgetUsage usage : counts.values()) {
            if (usage.getDeployment().equals(deployment) && usage.getOrganizationId().equals(org)
                    && usage.getSource().equals(service.id()) && !usage.getInstance().equals(instance)
                    && (latest == null || usage.getLastCallAt().isAfter(latest))) {
                latest = usage.getLastCallAt();
            }
        }
        return latest;
    }

    /** Before the listeners: a Books call waits for its share anyway, but need not wait for a late start. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    protected void session() {
        try (KafkaConsumer<String, BooksBudgetUsage> reader = reader();
             KafkaConsumer<byte[], byte[]> membership = membership();
             KafkaProducer<String, BooksBudgetUsage> writer = writer()) {
            Map<TopicPartition, Long> ends = assignEverything(reader);
            Instant lastWrite = Instant.EPOCH;
            while (running()) {
                membership.poll(Duration.ofMillis(100));
                for (ConsumerRecord<String, BooksBudgetUsage> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        counts.put(record.key(), record.value());
                    }
                }
                if (!caughtUp && reachedEnds(reader, ends)) {
                    caughtUp = true;
                    log.info("event=books_budget_ready service={} deployment={} instance={} counts={}",
                            service.id(), deployment, instance, counts.size());
                    changed();
                }
                Instant now = clock.instant();
                if (!now.isBefore(lastWrite.plus(publishInterval))) {
                    write(writer);
                    forgetOldDays();
                    lastWrite = now;
                }
            }
        } finally {
            if (!held.isEmpty()) {
                held.clear();
                changed();
            }
        }
    }

    private KafkaConsumer<String, BooksBudgetUsage> reader() {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.remove("group.id");
        properties.put("enable.auto.commit", "false");
        properties.put("client.id", service.id() + "-books-budget-reader");
        return new KafkaConsumer<>(properties, new org.apache.kafka.common.serialization.StringDeserializer(),
                typed(new io.dealledger.schemas.serde.EventDeserializer()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static org.apache.kafka.common.serialization.Deserializer<BooksBudgetUsage> typed(
            org.apache.kafka.common.serialization.Deserializer deserializer) {
        return deserializer;
    }

    private KafkaConsumer<byte[], byte[]> membership() {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.put("group.id", deployment + "." + service.id() + ".books-budget");
        properties.put("client.id", service.id() + "-books-budget-member");
        properties.put("enable.auto.commit", "false");
        properties.put("auto.offset.reset", "latest");
        properties.put("partition.assignment.strategy",
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
        properties.put("session.timeout.ms", "10000");
        properties.put("heartbeat.interval.ms", "3000");
        properties.remove("isolation.level");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        consumer.subscribe(List.of(ownTopic.name()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                partitions.forEach(partition -> held.remove(partition.partition()));
                changed();
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                onPartitionsRevoked(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                consumer.pause(partitions);
                Instant now = clock.instant();
                partitions.forEach(partition -> held.put(partition.partition(), now));
                log.info("event=books_budget_share service={} instance={} partitions={}/{}", service.id(), instance,
                        held.size(), ownTopic.partitions());
                changed();
            }
        });
        return consumer;
    }

    private KafkaProducer<String, BooksBudgetUsage> writer() {
        Map<String, Object> properties = new HashMap<>(producerProperties);
        properties.remove("transactional.id");
        properties.put("client.id", service.id() + "-books-budget-writer");
        return new KafkaProducer<>(properties, new org.apache.kafka.common.serialization.StringSerializer(),
                typedSerializer(new io.dealledger.schemas.serde.EventSerializer()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static org.apache.kafka.common.serialization.Serializer<BooksBudgetUsage> typedSerializer(
            org.apache.kafka.common.serialization.Serializer serializer) {
        return serializer;
    }

    /** Every partition of every service's budget topic, from the start; answers where each ends now. */
    private Map<TopicPartition, Long> assignEverything(KafkaConsumer<String, BooksBudgetUsage> reader) {
        List<TopicPartition> partitions = assignEveryPartition(reader, Topics.booksBudgets());
        reader.seekToBeginning(partitions);
        return reader.endOffsets(partitions, Duration.ofSeconds(10));
    }


    private void write(KafkaProducer<String, BooksBudgetUsage> writer) {
        for (Map.Entry<String, Local> entry : mine.entrySet()) {
            Local local = entry.getValue();
            if (local.written()) {
                continue;
            }
            String org = entry.getKey();
            BooksBudgetUsage usage = BooksBudgetUsage.newBuilder()
                    .setEventId(EventIds.derive("BooksBudgetUsage", deployment, org, local.day().toString(), instance,
                            String.valueOf(local.calls())))
                    .setOccurredAt(clock.instant()).setSource(service.id()).setOrganizationId(org)
                    .setDeployment(deployment).setInstance(instance).setDay(local.day())
                    .setTimeZone(local.zone().getId()).setCalls(local.calls()).setLastCallAt(local.lastCallAt())
                    .build();
            writer.send(new ProducerRecord<>(ownTopic.name(), Topics.booksBudgetKey(deployment, org, local.day(),
                    instance), usage));
            mine.replace(org, local, new Local(local.day(), local.zone(), local.calls(), local.lastCallAt(), true));
        }
        writer.flush();
    }

    private void forgetOldDays() {
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).minusDays(2);
        counts.values().removeIf(usage -> usage.getDay().isBefore(yesterday));
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

}
