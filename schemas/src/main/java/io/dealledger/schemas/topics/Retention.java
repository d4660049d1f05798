package io.dealledger.schemas.topics;

import java.util.Map;

import org.apache.kafka.common.config.TopicConfig;

/** How long a topic keeps its records. */
public enum Retention {
    /** An immutable log kept for ever: the ledger is rebuilt from it. */
    FOREVER(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, "-1")),
    /** The latest record per key is kept (a view or a state, not a history). */
    COMPACTED(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
    /** The latest record per key, for a few days only (counts of the current day, say). */
    RECENT(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + ","
            + TopicConfig.CLEANUP_POLICY_DELETE, TopicConfig.RETENTION_MS_CONFIG, String.valueOf(3L * 24 * 3600 * 1000))),
    /** Dead letters: kept four weeks, long enough to fix the cause and replay. */
    DEAD_LETTERS(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, String.valueOf(28L * 24 * 3600 * 1000))),
    /**
     * Records that only matter for minutes (signature nonces, inside a 300 s window): kept an hour, in segments
     * of ten minutes so old ones are actually deleted.
     */
    MINUTES(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, String.valueOf(3600L * 1000),
            TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(600L * 1000)));

    private final Map<String, String> topicConfig;

    Retention(Map<String, String> topicConfig) {
        this.topicConfig = topicConfig;
    }

    public Map<String, String> topicConfig() {
        return topicConfig;
    }
}
