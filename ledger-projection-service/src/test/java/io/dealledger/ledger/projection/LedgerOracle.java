package io.dealledger.ledger.projection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.dealledger.events.CreditApplied;
import io.dealledger.events.CreditRefunded;
import io.dealledger.events.AccountCurrencyTotals;
import io.dealledger.events.AccountLedger;
import io.dealledger.events.CreditReversed;
import io.dealledger.events.DealChanged;
import io.dealledger.events.DealInvoice;
import io.dealledger.events.DealLedger;
import io.dealledger.events.DealLinkRejection;
import io.dealledger.events.InvoiceAmended;
import io.dealledger.events.InvoiceImported;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceLinkRejected;
import io.dealledger.events.InvoiceLinked;
import io.dealledger.events.InvoiceRejected;
import io.dealledger.events.InvoiceUnlinked;
import io.dealledger.events.InvoiceVoided;
import io.dealledger.events.InvoiceWriteOffCancelled;
import io.dealledger.events.InvoiceWrittenOff;
import io.dealledger.events.PaymentApplied;
import io.dealledger.events.PaymentReversalReason;
import io.dealledger.events.PaymentReversed;
import io.dealledger.schemas.failures.FailureCategory;

import org.apache.avro.specific.SpecificRecord;

/**
 * An independent statement of the ledger rules, for the generated-history test: it replays the distinct events
 * of a history in the order they happened, the way a bookkeeper would, and writes down each deal's ledger, and each
 * account's as the sums of its deals' ledgers per currency. It shares no code with the projection.
 */
final class LedgerOracle {

    static final String DEFAULT_CURRENCY = "USD";

    /** The comparable content of a DealLedger (everything but event id, time and version). */
    record Expected(String currency, String organizationId, String accountId, BigDecimal dealValue,
                    BigDecimal invoiced, BigDecimal paid, BigDecimal credited, BigDecimal refunded,
                    BigDecimal writtenOff, BigDecimal outstanding, BigDecimal overdue, BigDecimal uninvoiced,
                    String status, List<String> invoices, LocalDate lastPaymentDate, String lastInvoiceError,
                    String lastInvoiceErrorCategory, List<String> linkRejections) {

        static Expected of(DealLedger ledger) {
            return new Expected(ledger.getCurrency(), ledger.getOrganizationId(), ledger.getAccountId(),
                    n(ledger.getDealValue()), n(ledger.getTotalInvoiced()), n(ledger.getTotalPaid()),
                    n(ledger.getTotalCredited()), n(ledger.getTotalRefunded()), n(ledger.getWrittenOff()),
                    n(ledger.getOutstanding()), n(ledger.getOverdue()), n(ledger.getUninvoiced()),
                    ledger.getPaymentStatus().name(), ledger.getInvoices().stream().map(LedgerOracle::describe).toList(),
                    ledger.getLastPaymentDate(), ledger.getLastInvoiceError(), ledger.getLastInvoiceErrorCategory(),
                    ledger.getLinkRejections().stream().map(LedgerOracle::describe).toList());
        }
    }

    private static final class Book {
        String org;
        String invoiceId;
        boolean imported;
        boolean voided;
        String number;
        String url;
        String currency;
        BigDecimal total = BigDecimal.ZERO;
        LocalDate due;
        LocalDate importDate;
        LocalDate issueDate;
        String deal;
        final Map<String, BigDecimal> payments = new LinkedHashMap<>();
        final Map<String, LocalDate> paidOn = new HashMap<>();
        final Map<String, BigDecimal> credits = new LinkedHashMap<>();
        BigDecimal refunded = BigDecimal.ZERO;
        BigDecimal writtenOff = BigDecimal.ZERO;

        BigDecimal paid() {
            return payments.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal credited() {
            return credits.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal balance() {
            return voided ? BigDecimal.ZERO : total.subtract(paid()).subtract(credited()).subtract(writtenOff);
        }
    }

    private LedgerOracle() {
    }

    /** Every deal's expected ledger after all {@code happened} events (each exactly once, any order given). */
    static Map<String, Expected> ledgers(List<SpecificRecord> happened, List<String> deals, LocalDate today) {
        List<SpecificRecord> chronological = new ArrayList<>(happened);
        chronological.sort(Comparator.comparing(LedgerOracle::when).thenComparing(LedgerOracle::eventId));
        Map<String, Book> books = new TreeMap<>();
        Map<String, DealChanged> terms = new HashMap<>();
        Map<String, InvoiceIssued> issued = new HashMap<>();
        Map<String, InvoiceRejected> rejected = new HashMap<>();
        Map<String, String> accounts = new HashMap<>();
        Map<String, Map<String, InvoiceLinkRejected>> refusals = new HashMap<>();
        for (SpecificRecord event : chronological) {
            if (event instanceof DealChanged e) {
                DealChanged before = terms.get(e.getDealId());
                // a change without an amount keeps the last known amount (and currency when it names none)
                terms.put(e.getDealId(), e.getAmount() == null && before != null && before.getAmount() != null
                        ? DealChanged.newBuilder(e).setAmount(before.getAmount())
                                .setCurrency(e.getCurrency() == null ? before.getCurrency() : e.getCurrency()).build()
                        : e);
                noteAccount(accounts, e.getDealId(), e.getAccountId());
                continue;
            }
            if (event instanceof InvoiceRejected e) {
                rejected.put(e.getDealId(), e);
                continue;
            }
            if (event instanceof InvoiceIssued e) {
                issued.put(e.getDealId(), e);
                noteAccount(accounts, e.getDealId(), e.getAccountId());
                clearRefusal(refusals, e.getDealId(), e.getOrganizationId(), e.getInvoiceId());
            }
            if (event instanceof InvoiceLinked e) {
                noteAccount(accounts, e.getDealId(), e.getAccountId());
                clearRefusal(refusals, e.getDealId(), e.getOrganizationId(), e.getInvoiceId());
            }
            if (event instanceof InvoiceLinkRejected e) {
                refusals.computeIfAbsent(e.getDealId(), d -> new TreeMap<>())
                        .put(e.getOrganizationId() + ":" + e.getInvoiceId(), e);
                continue;
            }
            record(books, event);
        }
        Map<String, Expected> expected = new TreeMap<>();
        for (String deal : deals) {
            expected.put(deal, deal(deal, books.values(), terms.get(deal), issued.get(deal), rejected.get(deal),
                    accounts.get(deal), refusals.getOrDefault(deal, Map.of()), today));
        }
        return expected;
    }

    /** A link of the invoice to the deal settles an earlier refusal to link them. */
    private static void clearRefusal(Map<String, Map<String, InvoiceLinkRejected>> refusals, String deal, String org,
                                     String invoice) {
        refusals.getOrDefault(deal, new HashMap<>()).remove(org + ":" + invoice);
    }

    /** A source that names no account says nothing about it: the latest account named stands. */
    private static void noteAccount(Map<String, String> accounts, String deal, String account) {
        if (account != null) {
            accounts.put(deal, account);
        }
    }

    /**
     * Each account's ledger as the sums, per currency, of the ledgers of the deals whose account it is: one line per
     * currency, "currency|invoiced|paid|credited|outstanding|overdue|open deals|deals", by currency.
     */
    static Map<String, List<String>> accountLedgers(Map<String, Expected> deals, List<String> accounts) {
        Map<String, List<String>> expected = new TreeMap<>();
        for (String account : accounts) {
            Map<String, List<Expected>> byCurrency = new TreeMap<>();
            deals.values().stream().filter(deal -> account.equals(deal.accountId()))
                    .forEach(deal -> byCurrency.computeIfAbsent(deal.currency(), c -> new ArrayList<>()).add(deal));
            List<String> lines = new ArrayList<>();
            byCurrency.forEach((currency, ofCurrency) -> lines.add(String.join("|", currency,
                    total(ofCurrency, Expected::invoiced), total(ofCurrency, Expected::paid),
                    total(ofCurrency, Expected::credited), total(ofCurrency, Expected::outstanding),
                    total(ofCurrency, Expected::overdue),
                    String.valueOf(ofCurrency.stream().filter(d -> d.outstanding().signum() > 0).count()),
                    String.valueOf(ofCurrency.size()))));
            expected.put(account, lines);
        }
        return expected;
    }

    /** A published AccountLedger in the same form as {@link #accountLedgers}. */
    static List<String> describe(AccountLedger ledger) {
        return ledger.getCurrencies().stream().map((AccountCurrencyTotals totals) -> String.join("|",
                totals.getCurrency(), n(totals.getTotalInvoiced()).toPlainString(),
                n(totals.getTotalPaid()).toPlainString(), n(totals.getTotalCredited()).toPlainString(),
                n(totals.getOutstanding()).toPlainString(), n(totals.getOverdue()).toPlainString(),
                String.valueOf(totals.getOpenDeals()), String.valueOf(totals.getDeals()))).toList();
    }

    private static String total(List<Expected> deals, java.util.function.Function<Expected, BigDecimal> amount) {
        return n(deals.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add)).toPlainString();
    }

    private static void record(Map<String, Book> books, SpecificRecord event) {
        String org = (String) event.get(event.getSchema().getField("organizationId").pos());
        String invoiceId = (String) event.get(event.getSchema().getField("invoiceId").pos());
        Book book = books.computeIfAbsent(org + ":" + invoiceId, k -> new Book());
        book.org = org;
        book.invoiceId = invoiceId;
        if (event instanceof InvoiceImported e) {
            book.imported = true;
            book.importDate = e.getInvoiceDate();
            book.number = e.getInvoiceNumber();
            book.url = e.getInvoiceUrl();
            book.currency = e.getCurrency();
            book.total = e.getTotal();
            book.due = e.getDueDate();
        } else if (event instanceof InvoiceAmended e) {
            book.total = e.getTotal();
            if (e.getDueDate() != null) {
                book.due = e.getDueDate();
            }
        } else if (event instanceof InvoiceLinked e) {
            book.deal = e.getDealId();
        } else if (event instanceof InvoiceIssued e) {
            book.deal = e.getDealId();
            if (e.getInvoiceDate() != null) {
                book.issueDate = e.getInvoiceDate();
            }
        } else if (event instanceof InvoiceUnlinked e) {
            if (e.getDealId().equals(book.deal)) {
                book.deal = null;
            }
        } else if (event instanceof PaymentApplied e) {
            book.payments.put(e.getPaymentId(), e.getAmount());
            book.paidOn.put(e.getPaymentId(), e.getPaidOn());
        } else if (event instanceof PaymentReversed e) {
            book.payments.remove(e.getPaymentId());
            if (e.getReason() == PaymentReversalReason.REFUNDED) {
                book.refunded = book.refunded.add(e.getAmount());
            }
        } else if (event instanceof CreditApplied e) {
            book.credits.put(e.getApplicationId(), e.getAmount());
        } else if (event instanceof CreditReversed e) {
            book.credits.remove(e.getApplicationId());
        } else if (event instanceof CreditRefunded e) {
            book.refunded = book.refunded.add(e.getAmount());
        } else if (event instanceof InvoiceWrittenOff e) {
            book.writtenOff = book.writtenOff.add(e.getAmount());
        } else if (event instanceof InvoiceWriteOffCancelled e) {
            book.writtenOff = book.writtenOff.subtract(e.getAmount());
        } else if (event instanceof InvoiceVoided) {
            book.voided = true;
        }
    }

    private static Expected deal(String deal, java.util.Collection<Book> allBooks, DealChanged terms,
                                 InvoiceIssued issued, InvoiceRejected rejected, String account,
                                 Map<String, InvoiceLinkRejected> refusals, LocalDate today) {
        List<Book> listed = allBooks.stream().filter(b -> deal.equals(b.deal) && b.imported)
                .sorted(Comparator.comparing((Book b) -> b.org).thenComparing(b -> b.invoiceId)).toList();
        String currency;
        if (terms != null && terms.getCurrency() != null) {
            currency = terms.getCurrency();
        } else if (issued != null && issued.getDealCurrency() != null) {
            currency = issued.getDealCurrency();
        } else {
            Map<String, Long> counts = listed.stream().collect(Collectors.groupingBy(b -> b.currency, TreeMap::new,
                    Collectors.counting()));
            currency = DEFAULT_CURRENCY;
            long best = 0;
            for (Map.Entry<String, Long> entry : counts.entrySet()) {
                if (entry.getValue() > best) {
                    best = entry.getValue();
                    currency = entry.getKey();
                }
            }
        }
        String dealCurrency = currency;
        List<Book> counted = listed.stream().filter(b -> !b.voided && b.currency.equals(dealCurrency)).toList();
        BigDecimal invoiced = sum(counted, b -> b.total);
        BigDecimal paid = sum(counted, Book::paid);
        BigDecimal credited = sum(counted, Book::credited);
        BigDecimal outstanding = sum(counted, Book::balance);
        BigDecimal overdue = sum(counted.stream().filter(b -> overdue(b, today)).toList(), Book::balance);
        BigDecimal dealValue = null;
        if (terms != null && terms.getAmount() != null) {
            dealValue = terms.getAmount();
        } else if (issued != null && issued.getDealAmount() != null && currency.equals(issued.getDealCurrency())) {
            dealValue = issued.getDealAmount();
        }
        String status;
        if (counted.isEmpty()) {
            status = "NOT_INVOICED";
        } else if (overdue.signum() > 0) {
            status = "OVERDUE";
        } else if (outstanding.signum() == 0 && invoiced.signum() > 0) {
            status = "PAID";
        } else if (paid.add(credited).signum() > 0) {
            status = "PARTIALLY_PAID";
        } else {
            status = "UNPAID";
        }
        LocalDate lastPayment = counted.stream().flatMap(b -> b.payments.keySet().stream().map(b.paidOn::get))
                .filter(d -> d != null).max(Comparator.naturalOrder()).orElse(null);
        String error = null;
        String category = null;
        if (rejected != null && (issued == null || when(rejected).isAfter(when(issued)))) {
            error = rejected.getReasons().stream().map(r -> r.getMessage()).collect(Collectors.joining("; "));
            category = rejected.getReasons().isEmpty() ? null
                    : FailureCategory.parse(rejected.getReasons().get(0).getCategory()).name();
        }
        String org = terms != null && terms.getOrganizationId() != null ? terms.getOrganizationId()
                : issued != null ? issued.getOrganizationId()
                : listed.stream().map(b -> b.org).sorted().findFirst().orElse(null);
        return new Expected(currency, org, account, n(dealValue), n(invoiced), n(paid), n(credited),
                n(sum(counted, b -> b.refunded)), n(sum(counted, b -> b.writtenOff)), n(outstanding), n(overdue),
                dealValue == null ? null : n(dealValue.subtract(invoiced)), status,
                listed.stream().map(b -> describe(b, dealCurrency, today)).toList(), lastPayment, error, category,
                new TreeMap<>(refusals).values().stream().map(r -> String.join("|", r.getOrganizationId(),
                        r.getInvoiceId(), r.getRequestId(), r.getCode(), FailureCategory.parse(r.getCategory()).name(),
                        r.getMessage(), String.valueOf(r.getOccurredAt()))).toList());
    }

    private static boolean overdue(Book book, LocalDate today) {
        return book.balance().signum() > 0 && book.due != null && book.due.isBefore(today);
    }

    private static String describe(Book book, String dealCurrency, LocalDate today) {
        String status = book.voided ? "void"
                : !book.currency.equals(dealCurrency) ? "currency_mismatch:" + book.currency
                : book.balance().signum() == 0 ? "paid"
                : overdue(book, today) ? "overdue"
                : book.paid().add(book.credited()).signum() > 0 ? "partially_paid" : "unpaid";
        return String.join("|", book.org, book.invoiceId, book.number, status, n(book.total).toPlainString(),
                n(book.balance()).toPlainString(), String.valueOf(book.due), book.url,
                String.valueOf(book.importDate != null ? book.importDate : book.issueDate));
    }

    static String describe(DealInvoice line) {
        return String.join("|", line.getOrganizationId(), line.getInvoiceId(), line.getInvoiceNumber(),
                line.getStatus(), n(line.getTotal()).toPlainString(), n(line.getBalance()).toPlainString(),
                String.valueOf(line.getDueDate()), line.getInvoiceUrl(), String.valueOf(line.getInvoiceDate()));
    }

    static String describe(DealLinkRejection rejection) {
        return String.join("|", rejection.getOrganizationId(), rejection.getInvoiceId(), rejection.getRequestId(),
                rejection.getCode(), rejection.getCategory(), rejection.getMessage(),
                String.valueOf(rejection.getOccurredAt()));
    }

    private static BigDecimal sum(List<Book> books, java.util.function.Function<Book, BigDecimal> amount) {
        return books.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal n(BigDecimal amount) {
        return amount == null ? null : amount.setScale(3);
    }

    private static Instant when(SpecificRecord event) {
        return (Instant) event.get(event.getSchema().getField("occurredAt").pos());
    }

    private static String eventId(SpecificRecord event) {
        return (String) event.get(event.getSchema().getField("eventId").pos());
    }
}
