package io.dealledger.core.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import io.dealledger.core.time.BooksTime;

/**
 * When a fact took effect for an as-of ledger: the time Books states for it
 * where the fact carries one, but never later than the fact was observed ({@link LedgerFact#occurredAt()}, when
 * payment-service read Books or a link was made). So a payment entered in Books on 2 July with the date 28 June counts
 * on the ledger as of 30 June, as in Books' own reports, and a fact without a Books time (a credit application, a
 * write-off, a reversal, a link) counts from when it was seen.
 * <ul>
 * <li>payment applied: the end of its {@code paidOn} day in the organization's zone (its first statement only:
 * an edit or a re-application of the same payment happened when it was seen);</li>
 * <li>invoice imported: the end of its invoice date, else its Books revision;</li>
 * <li>amendment, void: the Books revision ({@code last_modified_time}) they state;</li>
 * <li>everything else: when it was observed.</li>
 * </ul>
 */
public final class BooksTimes {

    private BooksTimes() {
    }

    /** The instant {@code fact} counts from, for an invoice of an organization whose calendar is {@code zone}. */
    public static Instant effective(LedgerFact fact, ZoneId zone) {
        Optional<Instant> books = Optional.empty();
        if (fact instanceof LedgerFact.PaymentApplied payment && payment.paidOn() != null && payment.sequence() <= 1) {
            books = Optional.of(endOf(payment.paidOn(), zone));
        } else if (fact instanceof LedgerFact.Imported imported) {
            books = imported.invoiceDate() != null ? Optional.of(endOf(imported.invoiceDate(), zone))
                    : BooksTime.parse(imported.revision());
        } else if (fact instanceof LedgerFact.Amended amended) {
            books = BooksTime.parse(amended.revision());
        } else if (fact instanceof LedgerFact.Voided voided) {
            books = BooksTime.parse(voided.revision());
        }
        return books.filter(at -> at.isBefore(fact.occurredAt())).orElse(fact.occurredAt());
    }

    /** The last instant of {@code day} in {@code zone}: a ledger "as of a date" is as of the end of that date. */
    public static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
    }
}
