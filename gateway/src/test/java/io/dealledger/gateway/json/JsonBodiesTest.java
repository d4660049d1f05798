package io.dealledger.gateway.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import io.dealledger.gateway.problem.Refusal;

import org.junit.jupiter.api.Test;

/** Numbers a decimal cannot hold are refused as bad values of their field, never as a fault. */
class JsonBodiesTest {

    private static void assertRefusedNaming(String json, String field) {
        assertThatThrownBy(() -> JsonBodies.object(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(refusal.field()).isEqualTo(field);
                });
    }

    @Test
    void aNumberWhoseExponentOverflowsAnIntIsA400NamingItsField() {
        assertRefusedNaming("{\"stage\":{\"label\":\"x\",\"percentage\":1e2147483648}}", "stage.percentage");
        assertRefusedNaming("{\"stage\":{\"fixedAmount\":1E+9999999999999}}", "stage.fixedAmount");
        assertRefusedNaming("{\"payment\":{\"invoices\":[{\"amount_applied\":1e-2147483649}]}}",
                "payment.invoices[0].amount_applied");
        assertRefusedNaming("{\"partition\":0,\"offset\":-1e2147483648}", "offset");
    }

    @Test
    void aNumberThatParsesButIsAstronomicallyLargeIsRefusedBeforeAnyArithmetic() {
        // 1e2147483647 parses, and precision − scale of it overflows an int: it must not pass as small
        assertThatThrownBy(() -> Amounts.checked("stage.fixedAmount", new BigDecimal("1e2147483647"), 3, 17))
                .isInstanceOfSatisfying(Refusal.class, refusal ->
                        assertThat(refusal.reason()).contains("digits before"));
        assertThatThrownBy(() -> Amounts.checked("stage.fixedAmount", new BigDecimal("1e-2147483647"), 3, 17))
                .isInstanceOfSatisfying(Refusal.class, refusal ->
                        assertThat(refusal.reason()).contains("decimals"));
    }
}
