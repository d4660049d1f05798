package io.dealledger.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Books' timestamps, parsed one way everywhere (issue 18: they were parsed three ways). */
class BooksTimeTest {

    @Test
    void everyFormBooksWritesNamesItsInstant() {
        assertThat(BooksTime.parse("2016-06-11T17:38:06-0700")).contains(Instant.parse("2016-06-12T00:38:06Z"));
        assertThat(BooksTime.parse("2026-11-01T10:15:00.250+0530")).contains(Instant.parse("2026-11-01T04:45:00.250Z"));
        assertThat(BooksTime.parse("2026-11-01T10:15:00+05:30")).contains(Instant.parse("2026-11-01T04:45:00Z"));
        assertThat(BooksTime.parse("yesterday")).isEmpty();
        assertThat(BooksTime.parse(null)).isEmpty();
    }

    @Test
    void revisionsAreOrderedByTheInstantTheyName_notAsText() {
        // as text "…10:15:00.900+0530" sorts after "…10:15:01+0530"; as instants it is before
        List<String> revisions = new ArrayList<>(List.of("2026-11-01T10:15:01+0530", "later", "2026-11-01T10:15:00.900+0530",
                "2026-11-01T04:44:59Z"));
        revisions.add(null);
        revisions.sort(BooksTime.ORDER);
        assertThat(revisions).containsExactly(null, "2026-11-01T04:44:59Z", "2026-11-01T10:15:00.900+0530",
                "2026-11-01T10:15:01+0530", "later");
    }

    @Test
    void anInstantIsWrittenAsBooksWritesItForListFilters() {
        assertThat(BooksTime.format(Instant.parse("2026-12-02T08:00:00Z"))).isEqualTo("2026-12-02T08:00:00+0000");
    }
}
