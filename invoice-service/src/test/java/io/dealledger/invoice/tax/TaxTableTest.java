package io.dealledger.invoice.tax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TaxTableTest {

    final TaxTable table = new TaxTable(Map.of(
            "US1", Map.of("US-CA", new TaxMapping("t-ca", "a-ca"), "us-ny", new TaxMapping("t-ny", null)),
            "UK1", Map.of("GB", new TaxMapping("vat20", null)),
            "IN1", Map.of("IN-KA", new TaxMapping("gst-intra", null), "IN", new TaxMapping("igst", null))));

    @Test
    void aStateEntryWinsAndTheCountryEntryCoversTheRest() {
        assertThat(table.lookup("US1", Region.of("USA", "California").orElseThrow())).contains(new TaxMapping("t-ca", "a-ca"));
        assertThat(table.lookup("US1", Region.of("USA", "NY").orElseThrow())).contains(new TaxMapping("t-ny", null));
        assertThat(table.lookup("IN1", Region.of("India", "Karnataka").orElseThrow())).map(TaxMapping::taxId).contains("gst-intra");
        assertThat(table.lookup("IN1", Region.of("India", "Maharashtra").orElseThrow())).map(TaxMapping::taxId).contains("igst");
        assertThat(table.lookup("UK1", Region.of("United Kingdom", "Greater London").orElseThrow())).map(TaxMapping::taxId).contains("vat20");
    }

    @Test
    void anUnmappedRegionOrOrgFindsNothing() {
        assertThat(table.lookup("US1", Region.of("USA", "Oregon").orElseThrow())).isEmpty();
        assertThat(table.lookup("UK1", Region.of("Germany", null).orElseThrow())).isEmpty();
        assertThat(table.lookup("nobody", Region.of("USA", "CA").orElseThrow())).isEmpty();
    }
}
