package io.dealledger.schemas.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dealledger.schemas.topics.Topics;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every published version of every event schema, read from {@code avro-history/<Event>/v<N>.avsc} on the
 * classpath. A record written years ago carries its writer schema's fingerprint; this history turns the
 * fingerprint back into that schema, so the record still decodes into today's classes.
 */
public final class SchemaHistory {

    public static final String DEFAULT_ROOT = "avro-history";

    private static final SchemaHistory CATALOGUE = load(Topics.eventTypes(), DEFAULT_ROOT);

    private final Map<Class<? extends SpecificRecord>, List<SchemaVersion>> versionsByType;
    private final Map<Long, SchemaVersion> byFingerprint;

    private SchemaHistory(Map<Class<? extends SpecificRecord>, List<SchemaVersion>> versionsByType) {
        this.versionsByType = Map.copyOf(versionsByType);
        Map<Long, SchemaVersion> fingerprints = new HashMap<>();
        versionsByType.values().forEach(versions -> versions.forEach(v -> {
            SchemaVersion clash = fingerprints.putIfAbsent(v.fingerprint(), v);
            if (clash != null && clash.eventType() != v.eventType()) {
                throw new IllegalStateException("schemas of " + clash.eventType().getSimpleName() + " and "
                        + v.eventType().getSimpleName() + " share fingerprint " + v.fingerprintHex());
            }
        }));
        this.byFingerprint = Map.copyOf(fingerprints);
    }

    /** The history of every event in the topic catalogue, as shipped in this jar. */
    public static SchemaHistory catalogue() {
        return CATALOGUE;
    }

    /**
     * Reads the history of {@code eventTypes} under a classpath {@code root}. An event with no published
     * version yet is given its current schema as version 1, so the serde can always read what it writes.
     */
    public static SchemaHistory load(Collection<Class<? extends SpecificRecord>> eventTypes, String root) {
        Map<Class<? extends SpecificRecord>, List<SchemaVersion>> versions = new HashMap<>();
        for (Class<? extends SpecificRecord> type : eventTypes) {
            List<SchemaVersion> published = readVersions(type, root);
            versions.put(type, published.isEmpty() ? List.of(version(type, 1, currentSchema(type))) : published);
        }
        return new SchemaHistory(versions);
    }

    public Optional<SchemaVersion> byFingerprint(long fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    /** Published versions of one event, oldest first. */
    public List<SchemaVersion> versionsOf(Class<? extends SpecificRecord> eventType) {
        return versionsByType.getOrDefault(eventType, List.of());
    }

    public Collection<Class<? extends SpecificRecord>> eventTypes() {
        return versionsByType.keySet();
    }

    public static Schema currentSchema(Class<? extends SpecificRecord> eventType) {
        return SpecificData.get().getSchema(eventType);
    }

    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    private static List<SchemaVersion> readVersions(Class<? extends SpecificRecord> type, String root) {
        List<SchemaVersion> versions = new ArrayList<>();
        ClassLoader loader = SchemaHistory.class.getClassLoader();
        for (int n = 1; ; n++) {
            String path = root + "/" + type.getSimpleName() + "/v" + n + ".avsc";
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    return versions;
                }
                versions.add(version(type, n, new Schema.Parser().parse(in)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema history " + path, e);
            }
        }
    }

    private static SchemaVersion version(Class<? extends SpecificRecord> type, int n, Schema schema) {
        return new SchemaVersion(type, n, schema, fingerprint(schema));
    }
}
