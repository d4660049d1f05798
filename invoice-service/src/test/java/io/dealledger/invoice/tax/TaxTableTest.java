package io.dealledger.invoice.tax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TaxTableTest {

    final Map<String, Map<String, TaxMapping>> configured = Map.of(
            "US1", Map.of("US-CA", new TaxMapping("t-ca", "a-ca"), "us-ny", new TaxMapping("t-ny", null)),
            "UK1", Map.of("GB", new TaxMapping("vat20", null)),
            "IN1", Map.of("IN-KA", new TaxMapping("gst-intra", null), "IN", new TaxMapping("igst", null)));
    final TaxTable table = new TaxTable(configured);
    final TaxTable withVariables = new TaxTable(configured, "Books_Org_");

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

    @Test
    void aCrmVariableNamedAfterOrgAndRegionMapsARegionAndWinsOverTheConfigurationAtItsLevel() {
        Region oregon = Region.of("USA", "Oregon").orElseThrow();
        Region california = Region.of("USA", "CA").orElseThrow();
        Region texas = Region.of("USA", "Texas").orElseThrow();
        Map<String, String> variables = Map.of(
                "Books_Org_tax_US1_US_OR", " exempt ",
                "books_org_TAX_US1_us_ca", "t-ca2/a-ca2",
                "Books_Org_tax_US1_US", "t-us",
                "Books_Org_tax_US1_US_NY", "",
                "Books_Org_Acme_Robotics_Inc", "US1");

        assertThat(withVariables.variableName("US1", texas)).isEqualTo("Books_Org_tax_US1_US_TX");
        assertThat(withVariables.lookup("US1", oregon, variables)).contains(
                new TaxTable.Found(new TaxMapping("", null), "CRM Variable Books_Org_tax_US1_US_OR"));
        assertThat(withVariables.lookup("US1", oregon, variables).orElseThrow().mapping().taxed()).isFalse();
        assertThat(withVariables.lookup("US1", california, variables)).map(TaxTable.Found::mapping)
                .contains(new TaxMapping("t-ca2", "a-ca2"));
        // a state configured wins over a country variable; a blank variable maps nothing
        assertThat(withVariables.lookup("US1", Region.of("USA", "NY").orElseThrow(), variables))
                .contains(new TaxTable.Found(new TaxMapping("t-ny", null), "dealledger.invoice.tax.US1.US-NY"));
        assertThat(withVariables.lookup("US1", texas, variables)).map(TaxTable.Found::mapping).contains(new TaxMapping("t-us", null));
        // variables count only where they are read
        assertThat(table.lookup("US1", oregon, variables)).isEmpty();
    }

    @Test
    void theMessageToAddAMappingNamesBothWays() {
        Region oregon = Region.of("USA", "Oregon").orElseThrow();

        assertThat(withVariables.howToAdd("US1", oregon)).contains("dealledger.invoice.tax.US1.US-OR",
                "CRM Variable Books_Org_tax_US1_US_OR", "<taxId>/<taxAuthorityId>", "exempt");
        assertThat(table.howToAdd("US1", oregon)).contains("dealledger.invoice.tax.US1.US-OR").doesNotContain("CRM Variable");
    }
}
