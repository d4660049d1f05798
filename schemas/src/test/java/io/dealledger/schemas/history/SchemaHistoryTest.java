package io.dealledger.schemas.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.dealledger.schemas.topics.Topics;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class SchemaHistoryTest {

    private final SchemaHistory history = SchemaHistory.catalogue();

    @Test
    void everyEventSchemaIsPublishedAsItsLatestVersion() {
        List<String> unpublished = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : Topics.eventTypes()) {
            List<SchemaVersion> versions = history.versionsOf(type);
            SchemaVersion latest = versions.get(versions.size() - 1);
            if (latest.fingerprint() != SchemaHistory.fingerprint(SchemaHistory.currentSchema(type))) {
                unpublished.add(type.getSimpleName() + " changed: add it as schemas/src/main/avro-history/"
                        + type.getSimpleName() + "/v" + (versions.size() + 1) + ".avsc");
            }
        }
        assertThat(unpublished).isEmpty();
    }

    @Test
    void everyEventSchemaIsFullyCompatibleWithEveryEarlierVersion() {
        List<String> problems = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : Topics.eventTypes()) {
            Schema current = SchemaHistory.currentSchema(type);
            for (SchemaVersion earlier : history.versionsOf(type)) {
                CompatibilityCheck.problems(earlier.schema(), current)
                        .forEach(p -> problems.add(type.getSimpleName() + " v" + earlier.version() + ": " + p));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everySchemaFileInTheHistoryBelongsToACataloguedEvent() throws IOException {
        List<String> names = Topics.eventTypes().stream().map(Class::getSimpleName).toList();
        try (Stream<Path> dirs = Files.list(Path.of("src/main/avro-history"))) {
            assertThat(dirs.map(dir -> dir.getFileName().toString())).allMatch(names::contains);
        }
        assertThat(history.eventTypes()).hasSize(Topics.eventTypes().size());
    }

    @Test
    void anIncompatibleChangeIsCaughtNamingTheFields() throws IOException {
        Schema published = history.versionsOf(io.dealledger.events.PaymentApplied.class).get(0).schema();
        Schema changed;
        try (InputStream in = getClass().getResourceAsStream("/incompatible/PaymentApplied.avsc")) {
            changed = new Schema.Parser().parse(in);
        }

        List<CompatibilityCheck.Problem> problems = CompatibilityCheck.problems(published, changed);

        assertThat(problems).extracting(CompatibilityCheck.Problem::toString)
                .anySatisfy(p -> assertThat(p).contains("new reader cannot read old data").contains("exchangeRate"))
                .anySatisfy(p -> assertThat(p).contains("amount").contains("TYPE_MISMATCH"));
    }

    @Test
    void aCompatibleChangeHasNoProblems() {
        SchemaHistory fixture = SchemaHistory.load(List.of(io.dealledger.events.DealChanged.class), "history-fixture");
        List<SchemaVersion> versions = fixture.versionsOf(io.dealledger.events.DealChanged.class);

        assertThat(versions).hasSize(2);
        assertThat(CompatibilityCheck.problems(versions.get(0).schema(), versions.get(1).schema())).isEmpty();
    }
}
