package io.dealledger.ledger.reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dealledger.events.DealInvoice;
import io.dealledger.events.DealLedger;
import io.dealledger.ledger.writeback.CrmDealFields;
import io.dealledger.zoho.books.BooksRecords.Invoice;
import io.dealledger.zoho.crm.CrmRecord;

/** Compares one deal's ledger with what Books and CRM hold. Pure: the records are read elsewhere. */
public final class DealComparison {

    private DealComparison() {
    }

    /**
     * What Books answered for one invoice: the invoice, or nothing ({@link #MISSING}: Books does not know it), or a
     * refusal to show it ({@code unreadable}: e.g. an organization these credentials cannot read).
     */
    public record BooksInvoice(Optional<Invoice> invoice, String unreadable) {

        public static final BooksInvoice MISSING = new BooksInvoice(Optional.empty(), null);

        public static BooksInvoice found(Invoice invoice) {
            return new BooksInvoice(Optional.of(invoice), null);
        }

        public static BooksInvoice unreadable(String reason) {
            return new BooksInvoice(Optional.empty(), reason);
        }
    }

    /**
     * Per linked invoice: total and balance, and a voided invoice against Books' status. {@code booksInvoices} maps
     * invoice id to what Books answered; an invoice Books does not know is {@code missing}, one it would not show is
     * {@code unreadable: <why>}.
     */
    public static List<Difference> withBooks(DealLedger ledger, Map<String, BooksInvoice> booksInvoices) {
        List<Difference> differences = new ArrayList<>();
        for (DealInvoice line : ledger.getInvoices()) {
            String name = "invoice " + (line.getInvoiceNumber() == null ? line.getInvoiceId() : line.getInvoiceNumber());
            BooksInvoice answer = booksInvoices.getOrDefault(line.getInvoiceId(), BooksInvoice.MISSING);
            if (answer.invoice().isEmpty()) {
                differences.add(new Difference(ledger.getDealId(), Difference.BOOKS, name, line.getInvoiceId(),
                        answer.unreadable() == null ? Difference.MISSING : Difference.UNREADABLE + answer.unreadable(),
                        false));
                continue;
            }
            Optional<Invoice> books = answer.invoice();
            Invoice invoice = books.get();
            boolean voidInLedger = "void".equals(line.getStatus());
            if (voidInLedger != "void".equals(invoice.status())) {
                differences.add(new Difference(ledger.getDealId(), Difference.BOOKS, name + ".status",
                        line.getStatus(), invoice.status(), false));
            }
            if (!voidInLedger) {
                compareAmount(ledger, name + ".total", line.getTotal(), invoice.total(), differences);
            }
            compareAmount(ledger, name + ".balance", line.getBalance(), invoice.balance(), differences);
        }
        return differences;
    }

    /** Every written-back field against the CRM Deal; {@code deal} null when CRM has no such deal. */
    public static List<Difference> withCrm(DealLedger ledger, CrmDealFields fields, CrmRecord deal) {
        if (deal == null) {
            return List.of(new Difference(ledger.getDealId(), Difference.CRM, "deal", ledger.getDealId(),
                    Difference.MISSING, false));
        }
        List<Difference> differences = new ArrayList<>();
        fields.valuesOf(ledger).forEach((name, wanted) -> {
            Object actual = fields.isAmount(name) ? deal.decimal(name) : deal.string(name);
            if (!CrmDealFields.same(wanted, actual)) {
                differences.add(new Difference(ledger.getDealId(), Difference.CRM, name, text(wanted), text(actual),
                        false));
            }
        });
        return differences;
    }

    /** The ledger's values of the CRM fields that differ, ready to be rewritten. */
    public static Map<String, Object> drifted(DealLedger ledger, CrmDealFields fields, List<Difference> crmDifferences) {
        Map<String, Object> wanted = fields.valuesOf(ledger);
        Map<String, Object> drifted = new LinkedHashMap<>();
        crmDifferences.stream().filter(d -> wanted.containsKey(d.field()))
                .forEach(d -> drifted.put(d.field(), wanted.get(d.field())));
        return drifted;
    }

    private static void compareAmount(DealLedger ledger, String field, BigDecimal ours, BigDecimal theirs,
                                      List<Difference> differences) {
        if (!CrmDealFields.same(ours, theirs)) {
            differences.add(new Difference(ledger.getDealId(), Difference.BOOKS, field, text(ours), text(theirs), false));
        }
    }

    private static String text(Object value) {
        return value instanceof BigDecimal amount ? amount.toPlainString() : value == null ? null : value.toString();
    }
}
