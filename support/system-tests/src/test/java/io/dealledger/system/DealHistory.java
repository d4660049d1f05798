package io.dealledger.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One seeded life of two deals of one account (issue 17, deal level): deal A invoiced with the CRM button, a Books
 * invoice typed in naming A or B ({@code zcrm_potential_id}, auto-linked), possibly past due, and one naming no
 * deal. Then a mix of what Books users, CRM users and widget users do, without waiting for dealledger: payments,
 * credit notes, write-offs and their cancellation, voids, total edits, links, re-links, unlinks and deal amounts
 * changed in CRM. Invoices are named by their role (0 = the button's, 1 = the one naming a deal, 2 = the unnamed
 * one); deals by 0 (A) and 1 (B).
 *
 * @param seed          the run's seed
 * @param number        this history's number in the run
 * @param amounts       the deals' first amounts in CRM
 * @param namedDeal     the deal invoice 1 names in Books
 * @param pastDue       whether invoice 1 was due before today
 * @param rates         the rates of invoices 1 and 2
 * @param operations    what happens once every invoice is in Books, in order
 */
record DealHistory(long seed, int number, BigDecimal[] amounts, int namedDeal, boolean pastDue, BigDecimal[] rates,
                   List<Op> operations) {

    sealed interface Op permits Pay, Credit, WriteOff, CancelWriteOff, VoidInvoice, Edit, Link, Unlink, DealAmount {
    }

    /** A Books payment of {@code amount} applied to the invoice. */
    record Pay(int invoice, BigDecimal amount) implements Op {
    }

    /** A credit note of {@code amount}, applied to the invoice. */
    record Credit(int invoice, BigDecimal amount) implements Op {
    }

    record WriteOff(int invoice) implements Op {
    }

    record CancelWriteOff(int invoice) implements Op {
    }

    record VoidInvoice(int invoice) implements Op {
    }

    /** Invoice 1 or 2's one line set to {@code rate}. */
    record Edit(int invoice, BigDecimal rate) implements Op {
    }

    /** A person links the invoice to the deal in the widget (a re-link when it is on the other deal). */
    record Link(int invoice, int deal) implements Op {
    }

    /** A person unlinks the invoice from the deal it is on. */
    record Unlink(int invoice) implements Op {
    }

    /** A CRM user changes the deal's amount; CRM's workflow webhook tells the gateway. */
    record DealAmount(int deal, BigDecimal amount) implements Op {
    }

    static DealHistory generate(long seed, int number) {
        Random random = new Random(seed * 1_000_003L + number);
        BigDecimal[] amounts = {amount(random, 400, 2400), amount(random, 400, 2400)};
        BigDecimal[] rates = {amount(random, 100, 900), amount(random, 100, 900)};
        List<Op> operations = new ArrayList<>();
        int count = 4 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            int invoice = random.nextInt(3);
            operations.add(switch (random.nextInt(10)) {
                case 0, 1 -> new Pay(invoice, amount(random, 10, 300));
                case 2 -> new Credit(invoice, amount(random, 10, 150));
                case 3 -> random.nextBoolean() ? new WriteOff(invoice) : new CancelWriteOff(invoice);
                case 4 -> new VoidInvoice(invoice);
                case 5 -> new Edit(1 + random.nextInt(2), amount(random, 100, 900));
                case 6, 7 -> new Link(invoice, random.nextInt(2));
                case 8 -> new Unlink(invoice);
                default -> new DealAmount(random.nextInt(2), amount(random, 400, 2400));
            });
        }
        return new DealHistory(seed, number, amounts, random.nextInt(2), random.nextInt(3) == 0, rates,
                List.copyOf(operations));
    }

    private static BigDecimal amount(Random random, int from, int to) {
        return BigDecimal.valueOf(from * 100L + random.nextInt((to - from) * 100)).movePointLeft(2)
                .setScale(2, RoundingMode.UNNECESSARY);
    }

    @Override
    public String toString() {
        return "history " + number + " (seed " + seed + "): deals " + amounts[0] + " / " + amounts[1]
                + "; invoice 1 names deal " + namedDeal + (pastDue ? ", past due" : "") + ", rates " + rates[0] + " / "
                + rates[1] + "; then " + operations;
    }
}
