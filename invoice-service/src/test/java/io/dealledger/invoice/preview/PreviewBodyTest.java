package io.dealledger.invoice.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import io.dealledger.invoice.stage.StageAmount;
import org.junit.jupiter.api.Test;

class PreviewBodyTest {

    @Test
    void anEmptyBodyOrAnEmptyObjectIsTheWholeDealAndAStageIsReadAsTheGatewayReadsIt() {
        assertThat(parse("").stage()).isInstanceOf(StageAmount.WholeDeal.class);
        assertThat(parse("{}").stage()).isInstanceOf(StageAmount.WholeDeal.class);
        assertThat(parse("{\"stage\":null,\"requestedBy\":\"\"}").stage()).isInstanceOf(StageAmount.WholeDeal.class);

        PreviewBody deposit = parse("{\"stage\":{\"label\":\"Deposit 30%\",\"percentage\":30},\"requestedBy\":\"jane@zylker.com\"}");
        assertThat(deposit.stage()).isEqualTo(new StageAmount.Percentage("Deposit 30%", new java.math.BigDecimal("30.0000")));
        assertThat(deposit.requestedBy()).isEqualTo("jane@zylker.com");

        PreviewBody milestone = parse("{\"stage\":{\"label\":\"Milestone 2\",\"fixedAmount\":\"1500.00\",\"currency\":\"EUR\"}}");
        assertThat(milestone.stage()).isEqualTo(new StageAmount.Fixed("Milestone 2", new java.math.BigDecimal("1500.000")));
        assertThat(milestone.stageCurrency()).isEqualTo("EUR");
    }

    @Test
    void anInvalidBodyIsRefusedNamingTheField() {
        assertRefused("{\"stage\":", "body");
        assertRefused("[1]", "body");
        assertRefused("{\"amount\":1}", "amount");
        assertRefused("{\"stage\":{\"label\":\"x\",\"percent\":30}}", "stage.percent");
        assertRefused("{\"stage\":{\"percentage\":30}}", "stage.label");
        assertRefused("{\"stage\":{\"label\":\"x\",\"percentage\":150}}", "stage.percentage");
        assertRefused("{\"stage\":{\"label\":\"x\",\"percentage\":30,\"fixedAmount\":10,\"currency\":\"USD\"}}", "stage");
        assertRefused("{\"stage\":{\"label\":\"x\",\"percentage\":30,\"currency\":\"USD\"}}", "stage.currency");
        assertRefused("{\"stage\":{\"label\":\"x\",\"fixedAmount\":\"10.0001\",\"currency\":\"USD\"}}", "stage.fixedAmount");
        assertRefused("{\"stage\":{\"label\":\"x\",\"fixedAmount\":10}}", "stage.currency");
        assertRefused("{\"stage\":{\"label\":\"x\",\"fixedAmount\":10,\"currency\":\"usd\"}}", "stage.currency");
        assertRefused("{\"requestedBy\":42}", "requestedBy");
    }

    private static PreviewBody parse(String json) {
        return PreviewBody.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String json, String field) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(PreviewBody.Invalid.class,
                refused -> assertThat(refused.field()).as(json).isEqualTo(field));
    }
}
