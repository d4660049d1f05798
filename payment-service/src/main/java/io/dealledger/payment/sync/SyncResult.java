package io.dealledger.payment.sync;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.dealledger.events.PaymentApplied;
import io.dealledger.payment.facts.Fact;

/**
 * What one look at Books gave: every fact the record implies ({@code derived}) and those of them that were new
 * and so published now ({@code published}).
 */
public record SyncResult(List<Fact> derived, List<Fact> published) {

    public static final SyncResult NOTHING = new SyncResult(List.of(), List.of());

    public SyncResult and(SyncResult other) {
        List<Fact> derivedAll = new ArrayList<>(derived);
        derivedAll.addAll(other.derived);
        List<Fact> publishedAll = new ArrayList<>(published);
        publishedAll.addAll(other.published);
        return new SyncResult(derivedAll, publishedAll);
    }

    /** Payments this record shows applied, published now or before: candidates for a Cliq notice. */
    public Set<String> appliedPayments() {
        return paymentsIn(derived);
    }

    /** Payments first seen in this look: a link can be the first to see a payment, before its webhook. */
    public Set<String> newlyAppliedPayments() {
        return paymentsIn(published);
    }

    private static Set<String> paymentsIn(List<Fact> facts) {
        Set<String> payments = new LinkedHashSet<>();
        facts.stream().map(Fact::event).filter(PaymentApplied.class::isInstance)
                .map(e -> ((PaymentApplied) e).getPaymentId()).forEach(payments::add);
        return payments;
    }
}
