package io.dealledger.ledger.projection;

import static io.dealledger.ledger.Events.amended;
import static io.dealledger.ledger.Events.creditRefunded;
import static io.dealledger.ledger.Events.creditReversed;
import static io.dealledger.ledger.Events.credited;
import static io.dealledger.ledger.Events.dealChanged;
import static io.dealledger.ledger.Events.imported;
import static io.dealledger.ledger.Events.issued;
import static io.dealledger.ledger.Events.linkRejected;
import static io.dealledger.ledger.Events.linked;
import static io.dealledger.ledger.Events.paid;
import static io.dealledger.ledger.Events.rejectedAs;
import static io.dealledger.ledger.Events.reversed;
import static io.dealledger.ledger.Events.unlinked;
import static io.dealledger.ledger.Events.voided;
import static io.dealledger.ledger.Events.writeOffCancelled;
import static io.dealledger.ledger.Events.writtenOff;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.dealledger.events.PaymentReversalReason;
import io.dealledger.schemas.topics.Topics;

import org.apache.avro.specific.SpecificRecord;

/**
 * Random but valid Books histories (every balance stays ≥ 0 in real time), then delivered the way Kafka and
 * the services can deliver them: each invoice's facts in order except that the import may come late (money
 * before import), invoices and deals interleaved at random, and duplicates of any event anywhere later.
 * Deals belong to CRM accounts and change account; links and issued invoices name the account as their writer saw
 * it (sometimes none, sometimes a stale one); link requests are refused and invoice requests rejected with
 * failure categories.
 */
final class HistoryGenerator {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    /** One record as it is piped into a topic. */
    record Delivery(String topic, String key, SpecificRecord event) {
    }

    /** The events that happened (each once) and the order they were delivered in (with duplicates). */
    record History(long seed, List<SpecificRecord> happened, List<Delivery> deliveries, List<String> deals,
                   List<String> accounts) {
    }

    private static final String[] CATEGORIES = {"MISSING_TAX_MAPPING", "UNKNOWN_SKU", "DEAL_WITHOUT_ACCOUNT",
        "BOOKS_VALIDATION", "INTERNAL", "A_CATEGORY_FROM_A_NEWER_BUILD"};
    private static final String[][] LINK_REFUSALS = {{"CUSTOMER_MISMATCH", "LINK_REFUSED"},
        {"DEAL_WITHOUT_ACCOUNT", "DEAL_WITHOUT_ACCOUNT"}, {"DEAL_NOT_FOUND", "CRM_RECORD_MISSING"}};

    private final long seed;
    private final Random random;
    private final String prefix;
    private final List<String> deals = new ArrayList<>();
    private final List<String> accounts = new ArrayList<>();
    /** Each deal's CRM account as CRM has it now (null: none). */
    private final Map<String, String> dealAccounts = new HashMap<>();
    private final List<Invoice> invoices = new ArrayList<>();
    private final List<SpecificRecord> happened = new ArrayList<>();
    private final List<Delivery> dealQueue = new ArrayList<>();
    private Instant clock;
    private int ids;

    private static final class Invoice {
        final String org;
        final String id;
        final String currency;
        final List<Delivery> queue = new ArrayList<>();
        BigDecimal total;
        BigDecimal writtenOff = BigDecimal.ZERO;
        final Map<String, BigDecimal> payments = new LinkedHashMap<>();
        final Map<String, BigDecimal> credits = new LinkedHashMap<>();
        String deal;
        boolean voided;
        boolean issued;

        Invoice(String org, String id, String currency, BigDecimal total) {
            this.org = org;
            this.id = id;
            this.currency = currency;
            this.total = total;
        }

        BigDecimal balance() {
            BigDecimal applied = writtenOff;
            for (BigDecimal p : payments.values()) {
                applied = applied.add(p);
            }
            for (BigDecimal c : credits.values()) {
                applied = applied.add(c);
            }
            return total.subtract(applied);
        }
    }

    private HistoryGenerator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.prefix = "h" + seed;
        this.clock = Instant.parse("2026-05-01T00:00:00Z").plusSeconds(random.nextInt(86_400));
    }

    static History generate(long seed) {
        return new HistoryGenerator(seed).build();
    }

    private History build() {
        int dealCount = 1 + random.nextInt(3);
        for (int d = 0; d < dealCount; d++) {
            deals.add(prefix + "-deal-" + d);
        }
        int accountCount = 2 + random.nextInt(2);
        for (int a = 0; a < accountCount; a++) {
            accounts.add(prefix + "-acc-" + a);
        }
        int invoiceCount = 1 + random.nextInt(4);
        for (int i = 0; i < invoiceCount; i++) {
            String currency = random.nextInt(10) == 0 ? "EUR" : "USD";
            Invoice invoice = new Invoice(random.nextBoolean() ? "org-a" : "org-b", prefix + "-inv-" + i, currency,
                    money(100, 5000));
            invoices.add(invoice);
            LocalDate due = TODAY.plusDays(random.nextInt(81) - 40);
            fact(invoice, imported(id(), tick(), invoice.org, invoice.id, "INV-" + i, plain(invoice.total),
                    currency, random.nextInt(5) == 0 ? null : due.minusDays(30), due));
        }
        for (String deal : deals) {
            if (random.nextInt(10) < 6) {
                dealEvent(dealChanged(id(), tick(), "org-a", deal, plain(money(500, 9000)),
                        random.nextInt(10) == 0 ? null : "USD", moveAccount(deal)));
            }
        }
        int steps = 5 + random.nextInt(36);
        for (int s = 0; s < steps; s++) {
            step(invoices.get(random.nextInt(invoices.size())));
        }
        return new History(seed, happened, deliver(), deals, accounts);
    }

    private void step(Invoice invoice) {
        int op = random.nextInt(18);
        if (invoice.voided && op > 3 && op != 17) {
            op = random.nextInt(4);
        }
        BigDecimal balance = invoice.balance();
        switch (op) {
            case 0, 1 -> link(invoice);
            case 2 -> {
                String deal = invoice.deal != null && random.nextInt(4) > 0 ? invoice.deal : randomDeal();
                fact(invoice, unlinked(id(), tick(), invoice.org, invoice.id, deal));
                if (deal.equals(invoice.deal)) {
                    invoice.deal = null;
                }
            }
            case 3 -> dealLevel();
            case 4, 5, 6 -> {
                if (balance.signum() > 0) {
                    String payment = prefix + "-pay-" + id();
                    pay(invoice, payment, portion(balance));
                    Invoice other = invoices.get(random.nextInt(invoices.size()));
                    if (random.nextInt(3) == 0 && other != invoice && !other.voided && other.balance().signum() > 0
                            && other.currency.equals(invoice.currency)) {
                        pay(other, payment, portion(other.balance())); // one payment split across two invoices
                    }
                }
            }
            case 7 -> {
                if (!invoice.payments.isEmpty()) {
                    String payment = List.copyOf(invoice.payments.keySet()).get(random.nextInt(invoice.payments.size()));
                    PaymentReversalReason reason = PaymentReversalReason.values()[random.nextInt(3)];
                    fact(invoice, reversed(id(), tick(), invoice.org, invoice.id, payment,
                            plain(invoice.payments.remove(payment)), invoice.currency, reason));
                }
            }
            case 8, 9 -> {
                if (balance.signum() > 0) {
                    String application = prefix + "-app-" + id();
                    BigDecimal amount = portion(balance);
                    invoice.credits.put(application, amount);
                    fact(invoice, credited(id(), tick(), invoice.org, invoice.id, application, plain(amount),
                            invoice.currency));
                }
            }
            case 10 -> {
                if (!invoice.credits.isEmpty()) {
                    String application = List.copyOf(invoice.credits.keySet()).get(random.nextInt(invoice.credits.size()));
                    fact(invoice, creditReversed(id(), tick(), invoice.org, invoice.id, application,
                            plain(invoice.credits.remove(application)), invoice.currency));
                }
            }
            case 11 -> fact(invoice, creditRefunded(id(), tick(), invoice.org, invoice.id, prefix + "-ref-" + id(),
                    plain(money(1, 200)), invoice.currency));
            case 12 -> {
                if (invoice.writtenOff.signum() == 0 && balance.signum() > 0) {
                    invoice.writtenOff = balance;
                    fact(invoice, writtenOff(id(), tick(), invoice.org, invoice.id, plain(balance), invoice.currency));
                } else if (invoice.writtenOff.signum() > 0) {
                    fact(invoice, writeOffCancelled(id(), tick(), invoice.org, invoice.id, plain(invoice.writtenOff),
                            invoice.currency));
                    invoice.writtenOff = BigDecimal.ZERO;
                }
            }
            case 13, 14 -> {
                BigDecimal applied = invoice.total.subtract(balance);
                BigDecimal total = applied.add(money(0, 3000));
                invoice.total = total;
                Instant at = tick();
                fact(invoice, amended(id(), at, invoice.org, invoice.id, at.atOffset(ZoneOffset.UTC).toString(),
                        plain(total), invoice.currency, random.nextBoolean() ? null
                                : TODAY.plusDays(random.nextInt(81) - 40)));
            }
            case 15 -> {
                if (invoice.payments.isEmpty() && invoice.credits.isEmpty() && invoice.writtenOff.signum() == 0
                        && random.nextBoolean()) {
                    invoice.voided = true;
                    fact(invoice, voided(id(), tick(), invoice.org, invoice.id));
                }
            }
            case 17 -> refuseLink(invoice);
            default -> link(invoice);
        }
    }

    private void link(Invoice invoice) {
        String deal = randomDeal();
        invoice.deal = deal;
        if (!invoice.issued && random.nextInt(4) == 0) {
            invoice.issued = true;
            SpecificRecord event = issued(id(), tick(), invoice.org, deal, prefix + "-req-" + id(), invoice.id,
                    plain(invoice.total), random.nextBoolean() ? plain(money(500, 9000)) : null, "USD",
                    TODAY.minusDays(random.nextInt(60)), accountAsSeen(deal));
            happened.add(event);
            invoice.queue.add(new Delivery(Topics.INVOICE_OUTCOMES.name(), deal, event));
        } else {
            fact(invoice, linked(id(), tick(), invoice.org, invoice.id, deal, accountAsSeen(deal)));
        }
    }

    /** A request to link the invoice to some deal, refused by payment-service. */
    private void refuseLink(Invoice invoice) {
        String[] refusal = LINK_REFUSALS[random.nextInt(LINK_REFUSALS.length)];
        String request = prefix + "-link-" + id();
        fact(invoice, linkRejected(id(), tick(), invoice.org, invoice.id, randomDeal(), request, refusal[0], refusal[1],
                "Refused " + request));
    }

    private void dealLevel() {
        String deal = randomDeal();
        if (random.nextBoolean()) {
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            dealEvent(rejectedAs(id(), tick(), deal, prefix + "-req-" + id(), category,
                    "No tax authority for region " + id(), "Deal has no account"));
        } else {
            dealEvent(dealChanged(id(), tick(), "org-a", deal, random.nextInt(5) == 0 ? null : plain(money(500, 9000)),
                    "USD", moveAccount(deal)));
        }
    }

    /** The deal's account as CRM now has it: sometimes a new one, sometimes none named (the event leaves it out). */
    private String moveAccount(String deal) {
        if (random.nextInt(5) == 0) {
            return null;
        }
        if (!dealAccounts.containsKey(deal) || random.nextInt(3) == 0) {
            dealAccounts.put(deal, accounts.get(random.nextInt(accounts.size())));
        }
        return dealAccounts.get(deal);
    }

    /** The account a link's writer read for the deal: mostly CRM's current one, sometimes none or a stale one. */
    private String accountAsSeen(String deal) {
        int roll = random.nextInt(10);
        if (roll < 3) {
            return null;
        }
        return roll == 3 ? accounts.get(random.nextInt(accounts.size())) : moveAccountIfUnknown(deal);
    }

    private String moveAccountIfUnknown(String deal) {
        dealAccounts.computeIfAbsent(deal, d -> accounts.get(random.nextInt(accounts.size())));
        return dealAccounts.get(deal);
    }

    private void pay(Invoice invoice, String payment, BigDecimal amount) {
        invoice.payments.put(payment, amount);
        Instant at = tick();
        fact(invoice, paid(id(), at, invoice.org, invoice.id, payment, plain(amount), invoice.currency,
                LocalDate.ofInstant(at, ZoneOffset.UTC)));
    }

    private void fact(Invoice invoice, SpecificRecord event) {
        happened.add(event);
        invoice.queue.add(new Delivery(Topics.LEDGER_FACTS.name(), Topics.ledgerFactKey(invoice.org, invoice.id),
                event));
    }

    private void dealEvent(SpecificRecord event) {
        happened.add(event);
        String deal = event instanceof io.dealledger.events.DealChanged changed ? changed.getDealId()
                : ((io.dealledger.events.InvoiceRejected) event).getDealId();
        String topic = event instanceof io.dealledger.events.DealChanged ? Topics.CRM_DEALS.name()
                : Topics.INVOICE_OUTCOMES.name();
        dealQueue.add(new Delivery(topic, deal, event));
    }

    private List<Delivery> deliver() {
        List<List<Delivery>> queues = new ArrayList<>();
        for (Invoice invoice : invoices) {
            List<Delivery> queue = new ArrayList<>(invoice.queue);
            if (random.nextInt(100) < 35 && queue.size() > 1) { // the import arrives after some of its money
                Delivery importFact = queue.remove(0);
                queue.add(1 + random.nextInt(queue.size()), importFact);
            }
            queues.add(queue);
        }
        queues.add(new ArrayList<>(dealQueue));
        List<Delivery> order = new ArrayList<>();
        while (queues.stream().anyMatch(q -> !q.isEmpty())) {
            List<List<Delivery>> open = queues.stream().filter(q -> !q.isEmpty()).toList();
            order.add(open.get(random.nextInt(open.size())).remove(0));
        }
        List<Delivery> withDuplicates = new ArrayList<>(order);
        for (Delivery delivery : order) {
            if (random.nextInt(100) < 12) {
                int at = withDuplicates.indexOf(delivery) + 1;
                withDuplicates.add(at + random.nextInt(withDuplicates.size() - at + 1), delivery);
            }
        }
        return withDuplicates;
    }

    private String randomDeal() {
        return deals.get(random.nextInt(deals.size()));
    }

    private BigDecimal portion(BigDecimal balance) {
        if (random.nextInt(3) == 0) {
            return balance;
        }
        BigDecimal part = balance.multiply(BigDecimal.valueOf(1 + random.nextInt(99)))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
        return part.signum() > 0 ? part : balance;
    }

    private BigDecimal money(int min, int max) {
        return BigDecimal.valueOf(min * 100L + random.nextInt((max - min) * 100 + 1), 2);
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }

    private Instant tick() {
        clock = clock.plusSeconds(60 + random.nextInt(3600));
        return clock;
    }

    private String id() {
        return prefix + "-e" + (ids++);
    }
}
