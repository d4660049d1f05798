package io.dealledger.payment.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.dealledger.zoho.books.BooksRecords.AppliedPayment;
import io.dealledger.zoho.books.BooksRecords.CreditNote;
import io.dealledger.zoho.books.BooksRecords.Invoice;
import io.dealledger.zoho.books.BooksRecords.Payment;

/** Books records as the client reads them, for the pure mapping tests. */
final class BooksFixtures {

    static final String ORG = "10234695";
    static final FactBuilder FACTS = new FactBuilder(ORG, Instant.parse("2026-03-01T10:00:00Z"));

    private BooksFixtures() {
    }

    static Invoice invoice(String id, String total, String paid, String credited, String writtenOff, String status,
                           String revision) {
        BigDecimal balance = new BigDecimal(total).subtract(new BigDecimal(paid)).subtract(new BigDecimal(credited))
                .subtract(new BigDecimal(writtenOff));
        return new Invoice(id, "INV-" + id, null, "cust-1", "Soylent Corp", status, LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-31"), "USD", new BigDecimal(total), balance, new BigDecimal(paid),
                new BigDecimal(credited), new BigDecimal(writtenOff), "https://books/" + id, null, revision, Map.of(),
                new BigDecimal(total));
    }

    static Payment payment(String id, AppliedPayment... applied) {
        BigDecimal amount = List.of(applied).stream().map(AppliedPayment::amountApplied).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Payment(id, "P-" + id, "cust-1", LocalDate.parse("2026-03-02"), "USD", amount, BigDecimal.ZERO,
                BigDecimal.ZERO, List.of(applied), "2026-03-02T09:00:00-0800");
    }

    static AppliedPayment applied(String invoiceId, String amount) {
        return new AppliedPayment(invoiceId, "ip-" + invoiceId, "INV-" + invoiceId, new BigDecimal(amount));
    }

    static CreditNote creditNote(String id, String invoiceId) {
        return new CreditNote(id, "CN-" + id, "cust-1", "open", LocalDate.parse("2026-03-03"), "USD",
                new BigDecimal("100"), BigDecimal.ZERO, invoiceId, "2026-03-03T09:00:00-0800");
    }

    static InvoiceState known(Object... facts) {
        InvoiceState state = InvoiceState.UNKNOWN;
        for (Object fact : facts) {
            state = state.apply(fact instanceof Fact f ? f.event() : fact);
        }
        return state;
    }
}
