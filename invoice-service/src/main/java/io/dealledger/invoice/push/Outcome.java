package io.dealledger.invoice.push;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What became of one invoice request: an invoice in Books, or reasons a person can act on. */
public sealed interface Outcome {

    String requestId();

    String dealId();

    /** The Books organization, when routing got that far. */
    String organizationId();

    record Issued(String requestId, String dealId, String organizationId, String invoiceId, String invoiceNumber,
                  String customerId, BigDecimal total, String currency, LocalDate invoiceDate, LocalDate dueDate,
                  String invoiceUrl, String stageLabel, BigDecimal dealAmount, String dealCurrency,
                  int booksCalls, BigDecimal subTotal) implements Outcome {
    }

    record Rejected(String requestId, String dealId, String organizationId, List<Rejection> reasons)
            implements Outcome {
        public Rejected {
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one reason");
            }
            reasons = List.copyOf(reasons);
        }

        /** The first reason found, in push order: the metric's reason label. */
        public Rejection.Code primaryCode() {
            return reasons.get(0).code();
        }
    }
}
