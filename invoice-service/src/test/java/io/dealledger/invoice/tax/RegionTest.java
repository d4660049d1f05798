package io.dealledger.invoice.tax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionTest {

    @Test
    void readsCountriesAndStatesAsPeopleTypeThemInCrm() {
        assertThat(Region.of("United States", "california").orElseThrow().key()).isEqualTo("US-CA");
        assertThat(Region.of("U.S.A.", "TX").orElseThrow().key()).isEqualTo("US-TX");
        assertThat(Region.of(" usa ", " New  York ").orElseThrow().key()).isEqualTo("US-NY");
        assertThat(Region.of("India", "Karnataka").orElseThrow().key()).isEqualTo("IN-KA");
    }

    @Test
    void countriesWhereTaxDoesNotDependOnTheStateIgnoreIt() {
        assertThat(Region.of("United Kingdom", "Greater London").orElseThrow().key()).isEqualTo("GB");
        assertThat(Region.of("Deutschland", null).orElseThrow().key()).isEqualTo("DE");
    }

    @Test
    void anUnknownStateKeepsWhatCrmHoldsSoARejectionCanNameIt() {
        assertThat(Region.of("US", "Atlantis").orElseThrow().key()).isEqualTo("US-ATLANTIS");
        assertThat(Region.of("US", null).orElseThrow().key()).isEqualTo("US");
        assertThat(Region.of("Narnia", "North")).isEmpty();
        assertThat(Region.of(null, "CA")).isEmpty();
    }
}
