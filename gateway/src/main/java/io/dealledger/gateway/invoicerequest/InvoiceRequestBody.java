package io.dealledger.gateway.invoicerequest;

import java.math.BigDecimal;
import java.util.Set;

import io.dealledger.events.BillingStage;
import io.dealledger.gateway.json.Amounts;
import io.dealledger.gateway.json.Fields;
import io.dealledger.gateway.json.JsonBodies;
import io.dealledger.gateway.problem.Refusal;

/**
 * What a CRM button asks for: the whole deal (empty body or {@code {}}), or one billing stage of it.
 *
 * <pre>{"stage": {"label": "Deposit 30%", "percentage": 30}, "requestedBy": "jane@zylker.com"}
 * {"stage": {"label": "Milestone 2", "fixedAmount": "1500.00", "currency": "EUR"}}</pre>
 */
public record InvoiceRequestBody(Stage stage, String requestedBy) {

    private static final Set<String> FIELDS = Set.of("stage", "requestedBy");
    private static final Set<String> STAGE_FIELDS = Set.of("label", "percentage", "fixedAmount", "currency");
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    /** A billing stage: exactly one of a percentage of the deal value or a fixed amount in a currency. */
    public record Stage(String label, BigDecimal percentage, BigDecimal fixedAmount, String currency) {

        BillingStage toEvent() {
            return BillingStage.newBuilder().setLabel(label).setPercentage(percentage)
                    .setFixedAmount(fixedAmount).setCurrency(currency).build();
        }
    }

    public static InvoiceRequestBody parse(byte[] body) {
        if (JsonBodies.utf8(body).isBlank()) {
            return new InvoiceRequestBody(null, null);
        }
        Fields fields = Fields.of(JsonBodies.object(body), "").allowOnly(FIELDS);
        String requestedBy = fields.text("requestedBy", 200);
        Fields stage = fields.object("stage");
        return new InvoiceRequestBody(stage == null ? null : stage(stage), requestedBy);
    }

    private static Stage stage(Fields stage) {
        stage.allowOnly(STAGE_FIELDS);
        String label = stage.requiredText("label", 100);
        BigDecimal percentage = stage.decimal("percentage", Amounts.PERCENTAGE_SCALE, 3);
        BigDecimal fixedAmount = stage.decimal("fixedAmount", Amounts.MONEY_SCALE, Amounts.MONEY_INTEGER_DIGITS);
        String currency = stage.currency("currency");
        if ((percentage == null) == (fixedAmount == null)) {
            throw Refusal.invalid("stage", "must have exactly one of percentage or fixedAmount");
        }
        if (percentage != null) {
            if (percentage.signum() == 0 || percentage.compareTo(HUNDRED) > 0) {
                throw Refusal.invalid(stage.path("percentage"), "must be in (0, 100]");
            }
            if (currency != null) {
                throw Refusal.invalid(stage.path("currency"), "applies to fixedAmount only; a percentage is of the"
                        + " deal's own currency");
            }
        } else {
            if (fixedAmount.signum() == 0) {
                throw Refusal.invalid(stage.path("fixedAmount"), "must be greater than 0");
            }
            if (currency == null) {
                throw Refusal.invalid(stage.path("currency"), "is required with fixedAmount");
            }
        }
        return new Stage(label, percentage, fixedAmount, currency);
    }

    /** Identifies the request's content whatever its JSON spelling (key order, 30 vs "30.0"). */
    public String fingerprint() {
        return stage == null ? "whole-deal|" + requestedBy
                : "stage|" + stage.label() + '|' + stage.percentage() + '|' + stage.fixedAmount() + '|'
                + stage.currency() + '|' + requestedBy;
    }
}
