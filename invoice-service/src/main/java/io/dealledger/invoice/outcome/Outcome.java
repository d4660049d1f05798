package io.dealledger.invoice.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.dealledger.schemas.failures.FailureCategory;

/** What became of one invoice request: an invoice in Books, or reasons a person can act on. */
public sealed interface Outcome {

    String requestId();

    String dealId();

    /** The Books organization, when routing got that far. */
    String organizationId();

    record Issued(String requestId, String dealId, String organizationId, String invoiceId, String invoiceNumber,
                  String customerId, BigDecimal total, String currency, LocalDate invoiceDate, LocalDate dueDate,
                  String invoiceUrl, String stageLabel, BigDecimal dealAmount, String dealCurrency,
                  int booksCalls, BigDecimal subTotal, String accountId) implements Outcome {
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

        /** The categories of the reasons, each once, in reason order; the first is the dead letter's category. */
        public Set<FailureCategory> categories() {
            Set<FailureCategory> categories = new LinkedHashSet<>();
            reasons.forEach(r -> categories.add(r.category()));
            return categories;
        }

        /** Worth parking for a replay: every reason is fixed outside the request (a mapping, CRM data, Books). */
        public boolean replayableOnceFixed() {
            return reasons.stream().allMatch(Rejection::fixableOutsideTheRequest);
        }
    }
}
