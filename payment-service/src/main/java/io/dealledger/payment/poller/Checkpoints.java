package io.dealledger.payment.poller;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.dealledger.core.time.BooksTime;
import io.dealledger.events.PollerCheckpoint;

import org.apache.avro.specific.SpecificRecord;

/**
 * The latest poller checkpoint per org and Books entity, read back from payment.checkpoints.v1 at start and
 * kept current as checkpoints are written. The newest {@code modifiedThrough} wins.
 */
public class Checkpoints {

    private final Map<String, PollerCheckpoint> latest = new ConcurrentHashMap<>();

    public void remember(PollerCheckpoint checkpoint) {
        latest.merge(key(checkpoint.getOrganizationId(), checkpoint.getEntity()), checkpoint,
                (old, candidate) -> BooksTime.ORDER.compare(candidate.getModifiedThrough(), old.getModifiedThrough()) >= 0
                        ? candidate : old);
    }

    /** A record of payment.checkpoints.v1 as it is read back at start; only checkpoints are kept. */
    public void readBack(String key, SpecificRecord record) {
        if (record instanceof PollerCheckpoint checkpoint) {
            remember(checkpoint);
        }
    }

    public Optional<PollerCheckpoint> get(String org, String entity) {
        return Optional.ofNullable(latest.get(key(org, entity)));
    }

    public static String key(String org, String entity) {
        return org + ":" + entity;
    }
}
