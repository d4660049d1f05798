package io.dealledger.payment.oracle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded, reproducible history of what Books users do to two invoices of one customer: invoices created (sent or
 * draft), edited, sent, voided and converted back to draft, written off and back; payments recorded (partial, split
 * across both invoices, with an unused amount applied later), deleted; credit notes applied, unapplied and refunded.
 * Names ({@code A}, {@code pay2}, {@code cn1}) stand for the Books ids a play gives them. An operation Books refuses
 * (an over-payment, a void of a paid invoice) is what a user would be told no to: it is skipped.
 */
record History(long seed, int number, List<Op> ops) {

    sealed interface Op {
    }

    record Create(String invoice, BigDecimal total, boolean draft) implements Op {
    }

    record MarkSent(String invoice) implements Op {
    }

    record EditTotal(String invoice, BigDecimal total) implements Op {
    }

    /** A payment applied to one invoice, or split across both. */
    record Pay(String payment, String invoice, BigDecimal amount, String other, BigDecimal otherAmount) implements Op {
    }

    /** A payment of {@code amount} with only {@code applied} of it applied: the rest is unused. */
    record PayLeavingUnused(String payment, String invoice, BigDecimal amount, BigDecimal applied) implements Op {
    }

    record ApplyUnused(String payment, String invoice, BigDecimal amount) implements Op {
    }

    record DeletePayment(String payment) implements Op {
    }

    /** A credit note of {@code amount}, {@code applied} of it applied to the invoice. */
    record Credit(String creditNote, String invoice, BigDecimal amount, BigDecimal applied) implements Op {
    }

    record UnapplyCredit(String creditNote, String invoice) implements Op {
    }

    record Refund(String creditNote, BigDecimal amount) implements Op {
    }

    record WriteOff(String invoice) implements Op {
    }

    record CancelWriteOff(String invoice) implements Op {
    }

    record Void(String invoice) implements Op {
    }

    /** A void converted back to draft. */
    record Redraft(String invoice) implements Op {
    }

    static History generate(long seed, int number) {
        Random random = new Random(seed * 1_000_003L + number);
        List<Op> ops = new ArrayList<>();
        List<String> invoices = new ArrayList<>(List.of("A"));
        ops.add(new Create("A", amount(random, 300, 1000), random.nextInt(10) < 3));
        if (random.nextInt(10) < 7) {
            invoices.add("B");
            ops.add(new Create("B", amount(random, 300, 1000), random.nextInt(10) < 3));
        }
        List<String> payments = new ArrayList<>();
        List<String> creditNotes = new ArrayList<>();
        int more = 4 + random.nextInt(6);
        for (int i = 0; i < more; i++) {
            String invoice = invoices.get(random.nextInt(invoices.size()));
            String other = invoices.size() > 1 ? invoices.get(invoices.indexOf(invoice) == 0 ? 1 : 0) : null;
            int kind = random.nextInt(20);
            Op op;
            if (kind < 5) {
                String payment = "pay" + (payments.size() + 1);
                payments.add(payment);
                boolean split = other != null && random.nextBoolean();
                op = new Pay(payment, invoice, amount(random, 10, 150), split ? other : null,
                        split ? amount(random, 10, 150) : null);
            } else if (kind < 7) {
                String payment = "pay" + (payments.size() + 1);
                payments.add(payment);
                BigDecimal applied = amount(random, 10, 100);
                op = new PayLeavingUnused(payment, invoice, applied.add(amount(random, 10, 100)), applied);
            } else if (kind < 9 && !payments.isEmpty()) {
                op = new ApplyUnused(payments.get(random.nextInt(payments.size())), invoice, amount(random, 5, 60));
            } else if (kind < 10 && !payments.isEmpty()) {
                op = new DeletePayment(payments.get(random.nextInt(payments.size())));
            } else if (kind < 12) {
                String creditNote = "cn" + (creditNotes.size() + 1);
                creditNotes.add(creditNote);
                BigDecimal applied = amount(random, 10, 100);
                op = new Credit(creditNote, invoice, applied.add(amount(random, 0, 50)), applied);
            } else if (kind < 13 && !creditNotes.isEmpty()) {
                op = new UnapplyCredit(creditNotes.get(random.nextInt(creditNotes.size())), invoice);
            } else if (kind < 14 && !creditNotes.isEmpty()) {
                op = new Refund(creditNotes.get(random.nextInt(creditNotes.size())), amount(random, 5, 40));
            } else if (kind < 15) {
                op = new EditTotal(invoice, amount(random, 300, 1200));
            } else if (kind < 16) {
                op = new MarkSent(invoice);
            } else if (kind < 17) {
                op = new WriteOff(invoice);
            } else if (kind < 18) {
                op = new CancelWriteOff(invoice);
            } else if (kind < 19) {
                op = new Void(invoice);
            } else {
                op = new Redraft(invoice);
            }
            ops.add(op);
        }
        return new History(seed, number, List.copyOf(ops));
    }

    /** The same history without operation {@code index} (shrinking). */
    History without(int index) {
        List<Op> fewer = new ArrayList<>(ops);
        fewer.remove(index);
        return new History(seed, number, List.copyOf(fewer));
    }

    private static BigDecimal amount(Random random, int from, int to) {
        return BigDecimal.valueOf(from * 100L + random.nextInt((to - from) * 100 + 1), 2);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("history " + number + " (seed " + seed + "):");
        ops.forEach(op -> text.append("\n  ").append(op));
        return text.toString();
    }
}
