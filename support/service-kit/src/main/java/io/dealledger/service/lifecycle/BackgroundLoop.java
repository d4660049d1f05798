package io.dealledger.service.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dealledger.schemas.topics.TopicSpec;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A service's own long-running loop on one thread (a consumer that is not a listener container): started and
 * stopped with the application, a failed session logged and started again after a second, never a dead thread.
 * {@link #session()} runs until {@link #running()} turns false; it polls in short steps so a stop is prompt.
 */
public abstract class BackgroundLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

    private final String threadName;
    private volatile boolean running;
    private Thread thread;

    protected BackgroundLoop(String threadName) {
        this.threadName = threadName;
    }

    /** One session: open what it needs, loop while {@link #running()}, close. An exception starts a new one. */
    protected abstract void session();

    protected final boolean running() {
        return running;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                session();
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("event=background_loop_failed thread={} reason=\"{}\"", threadName, e.toString());
                    pause(Duration.ofSeconds(1));
                }
            }
        }
    }

    /**
     * Assigns {@code reader} every partition of {@code topics}, once the broker knows them all (waiting while it
     * does not yet, unless the application is stopping), and answers them.
     */
    protected final List<TopicPartition> assignEveryPartition(KafkaConsumer<?, ?> reader, List<TopicSpec> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        while (running() && partitions.isEmpty()) {
            for (TopicSpec topic : topics) {
                var info = reader.partitionsFor(topic.name(), Duration.ofSeconds(10));
                if (info == null || info.isEmpty()) {
                    partitions.clear();
                    pause(Duration.ofSeconds(1));
                    break;
                }
                info.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
        }
        reader.assign(partitions);
        return partitions;
    }

    /** Whether {@code reader} has read up to {@code ends} on every partition. */
    protected static boolean reachedEnds(KafkaConsumer<?, ?> reader, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (reader.position(end.getKey(), Duration.ofSeconds(5)) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Waits, unless the application is stopping. */
    protected final void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
