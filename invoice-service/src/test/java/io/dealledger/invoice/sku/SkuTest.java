package io.dealledger.invoice.sku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SkuTest {

    @Test
    void skusThatDifferOnlyByCaseSpacesOrPunctuationAreOneProduct() {
        Sku sku = Sku.of("AB-100 ");

        assertThat(sku.normalized()).isEqualTo("AB100");
        assertThat(sku.matches("ab-100")).isTrue();
        assertThat(sku.matches("AB100")).isTrue();
        assertThat(sku.matches(" a.b 1/0_0 ")).isTrue();
        assertThat(sku.matches("Ａｂ－１００")).as("full-width characters typed on another keyboard").isTrue();
        assertThat(sku.matches("AB-1000")).isFalse();
        assertThat(sku.matches(null)).isFalse();
    }

    @Test
    void aSkuWithoutALetterOrDigitIsRefused() {
        assertThatThrownBy(() -> Sku.of(" -- ")).hasMessageContaining("' -- '");
        assertThatThrownBy(() -> Sku.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
