package io.dealledger.payment.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.dealledger.zoho.books.BooksRecords.CreditApplication;
import io.dealledger.zoho.books.BooksRecords.CreditNote;
import io.dealledger.zoho.books.BooksRecords.CreditRefund;

/**
 * What a Books credit note implies: a CreditApplied per application (Books' creditnote_invoice_id), a
 * CreditReversed for an application that is gone, and a CreditRefunded per refund.
 *
 * <p>A refund pays back credit-note money, not an invoice's, so it is attributed to one invoice by rule: the
 * invoice the credit note was raised against (its {@code invoice_id}), else the invoice of its first
 * application. A refund of a credit note never applied to an invoice belongs to no deal and gives no fact.
 */
public final class CreditNoteFacts {

    private CreditNoteFacts() {
    }

    /**
     * @param known the ledger's view of every invoice this credit note was applied to before (by invoice id)
     */
    public static List<Fact> of(FactBuilder facts, CreditNote note, List<CreditApplication> applications,
                                List<CreditRefund> refunds, Map<String, InvoiceState> known) {
        List<Fact> result = new ArrayList<>();
        String currency = note.currencyCode();
        Set<String> live = applications.stream().map(CreditApplication::creditNoteInvoiceId).collect(Collectors.toSet());
        known.forEach((invoiceId, state) -> state.credits().forEach((applicationId, credit) -> {
            if (credit.creditNoteId().equals(note.creditNoteId()) && !live.contains(applicationId)) {
                result.add(facts.creditReversed(invoiceId, note.creditNoteId(), applicationId, credit.amount(), currency));
            }
        }));
        for (CreditApplication application : applications) {
            result.add(facts.creditApplied(application.invoiceId(), note.creditNoteId(),
                    application.creditNoteInvoiceId(), application.amountApplied(), currency));
        }
        String refundInvoice = refundInvoice(note, applications, known);
        if (refundInvoice != null) {
            for (CreditRefund refund : refunds) {
                result.add(facts.creditRefunded(refundInvoice, note.creditNoteId(), refund.refundId(), refund.amount(),
                        currency, refund.date()));
            }
        }
        return result;
    }

    static String refundInvoice(CreditNote note, List<CreditApplication> applications, Map<String, InvoiceState> known) {
        if (note.invoiceId() != null && !note.invoiceId().isBlank()) {
            return note.invoiceId();
        }
        if (!applications.isEmpty()) {
            return applications.get(0).invoiceId();
        }
        // every application was taken back: the refund stays with an invoice the note was applied to before
        return known.keySet().stream().sorted().findFirst().orElse(null);
    }
}
