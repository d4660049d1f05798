package io.dealledger.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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
    void theQuickReadingOfBooksFormsAnswersWhatTheFormattersAnswer_forWellFormedAndMalformedValues() {
        Random random = new Random(20);
        String digits = "0123456789";
        String others = "+-:.TZ x";
        int quick = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder value = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s%02d%02d",
                    random.nextInt(3000), 1 + random.nextInt(13), random.nextInt(33), random.nextInt(26),
                    random.nextInt(61), random.nextInt(61), random.nextBoolean() ? "" : "." + random.nextInt(10)
                            + random.nextInt(10) + random.nextInt(10), random.nextBoolean() ? "+" : "-",
                    random.nextInt(20), random.nextInt(61)));
            if (random.nextInt(4) == 0) {
                int at = random.nextInt(value.length());
                String pool = random.nextBoolean() ? digits : others;
                value.setCharAt(at, pool.charAt(random.nextInt(pool.length())));
            }
            String text = value.toString();
            assertThat(BooksTime.parse(text)).as(text).isEqualTo(BooksTime.parsed(text));
            Instant read = BooksTime.usual(text);
            if (read != null) {
                assertThat(BooksTime.parsed(text)).as(text).contains(read);
                quick++;
            }
        }
        // the generator must reach the quick path often, or the comparison proves nothing
        assertThat(quick).isGreaterThan(50_000);
        assertThat(BooksTime.parse("2024-02-29T23:59:59.999-1730")).contains(Instant.parse("2024-03-01T17:29:59.999Z"));
        assertThat(BooksTime.parse("2023-02-29T10:00:00+0000")).isEqualTo(BooksTime.parsed("2023-02-29T10:00:00+0000"));
        assertThat(BooksTime.parse(" 2016-06-11T17:38:06-0700 ")).contains(Instant.parse("2016-06-12T00:38:06Z"));
    }

    @Test
    void anInstantIsWrittenAsBooksWritesItForListFilters() {
        assertThat(BooksTime.format(Instant.parse("2026-12-02T08:00:00Z"))).isEqualTo("2026-12-02T08:00:00+0000");
    }
}
