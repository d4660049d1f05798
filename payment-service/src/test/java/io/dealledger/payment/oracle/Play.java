package io.dealledger.payment.oracle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.payment.oracle.History.ApplyUnused;
import io.dealledger.payment.oracle.History.CancelWriteOff;
import io.dealledger.payment.oracle.History.Create;
import io.dealledger.payment.oracle.History.Credit;
import io.dealledger.payment.oracle.History.DeletePayment;
import io.dealledger.payment.oracle.History.EditTotal;
import io.dealledger.payment.oracle.History.MarkSent;
import io.dealledger.payment.oracle.History.Op;
import io.dealledger.payment.oracle.History.Pay;
import io.dealledger.payment.oracle.History.PayLeavingUnused;
import io.dealledger.payment.oracle.History.Redraft;
import io.dealledger.payment.oracle.History.Refund;
import io.dealledger.payment.oracle.History.UnapplyCredit;
import io.dealledger.payment.oracle.History.Void;
import io.dealledger.payment.oracle.History.WriteOff;
import io.dealledger.payment.support.BooksApi;
import io.dealledger.payment.support.Kafka;

import tools.jackson.databind.JsonNode;

/**
 * One history played on the emulator's Books API, as a Books user in the web app would: each operation answers the
 * notifications Books sends for it (what the gateway publishes from its webhooks), each describing the record as it
 * was right then. Whether they arrive, twice, or late is the caller's choice.
 */
final class Play {

    private final History history;
    private final String org;
    private final String customer;
    private final BooksApi books;
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, Integer> accepted = new HashMap<>();
    private int next;

    Play(History history, String org, String customer) {
        this.history = history;
        this.org = org;
        this.customer = customer;
        this.books = new BooksApi(org);
    }

    History history() {
        return history;
    }

    boolean done() {
        return next >= history.ops().size();
    }

    /** Plays the next operation; answers the notifications Books sends for it (none if Books refused it). */
    List<Runnable> step() {
        Op op = history.ops().get(next++);
        try {
            List<Runnable> webhooks = perform(op);
            accepted.merge(op.getClass().getSimpleName(), 1, Integer::sum);
            return webhooks;
        } catch (Skipped skipped) {
            return List.of();
        }
    }

    /** How many operations of each kind Books accepted. */
    Map<String, Integer> accepted() {
        return accepted;
    }

    /** The Books ids of the history's invoices (those Books created). */
    List<String> invoiceIds() {
        List<String> invoices = new ArrayList<>();
        for (String name : List.of("A", "B")) {
            if (ids.containsKey(name)) {
                invoices.add(ids.get(name));
            }
        }
        return invoices;
    }

    /** What the safety net does for a webhook that never came: the invoice as Books lists it now. */
    Runnable catchUp(String invoiceId) {
        return invoiceChanged(invoiceId);
    }

    private List<Runnable> perform(Op op) {
        if (op instanceof Create c) {
            JsonNode created = must(books.attempt("POST", c.draft() ? "/invoices" : "/invoices?send=true",
                    "{\"customer_id\":\"" + customer + "\",\"line_items\":[{\"name\":\"Work\",\"rate\":" + c.total() + "}]}"));
            ids.put(c.invoice(), created.path("invoice").path("invoice_id").asString());
            return List.of(invoiceChanged(id(c.invoice())));
        }
        if (op instanceof MarkSent s) {
            return invoiceOp(s.invoice(), "POST", "/status/sent", null);
        }
        if (op instanceof EditTotal e) {
            return invoiceOp(e.invoice(), "PUT", "", "{\"line_items\":[{\"name\":\"Work\",\"rate\":" + e.total() + "}]}");
        }
        if (op instanceof WriteOff w) {
            return invoiceOp(w.invoice(), "POST", "/writeoff", null);
        }
        if (op instanceof CancelWriteOff w) {
            return invoiceOp(w.invoice(), "POST", "/writeoff/cancel", null);
        }
        if (op instanceof Void v) {
            return invoiceOp(v.invoice(), "POST", "/status/void", null);
        }
        if (op instanceof Redraft r) {
            return invoiceOp(r.invoice(), "POST", "/status/draft", null);
        }
        if (op instanceof Pay p) {
            Map<String, BigDecimal> applications = new LinkedHashMap<>();
            applications.put(id(p.invoice()), p.amount());
            if (p.other() != null) {
                applications.put(id(p.other()), p.otherAmount());
            }
            BigDecimal total = applications.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return payment(p.payment(), total, applications);
        }
        if (op instanceof PayLeavingUnused p) {
            return payment(p.payment(), p.amount(), Map.of(id(p.invoice()), p.applied()));
        }
        if (op instanceof ApplyUnused a) {
            must(books.attempt("POST", "/invoices/" + id(a.invoice()) + "/credits", "{\"invoice_payments\":[{"
                    + "\"payment_id\":\"" + id(a.payment()) + "\",\"amount_applied\":" + a.amount() + "}]}"));
            return List.of(paymentReceived(id(a.payment())), invoiceChanged(id(a.invoice())));
        }
        if (op instanceof DeletePayment d) {
            JsonNode payment = must(books.attempt("GET", "/customerpayments/" + id(d.payment()), null)).path("payment");
            List<String> invoices = new ArrayList<>();
            payment.path("invoices").forEach(row -> invoices.add(row.path("invoice_id").asString()));
            must(books.attempt("DELETE", "/customerpayments/" + id(d.payment()), null));
            List<Runnable> notified = new ArrayList<>();
            String paymentId = id(d.payment());
            notified.add(() -> Kafka.paymentDeleted(org, paymentId, invoices));
            invoices.forEach(invoice -> notified.add(invoiceChanged(invoice)));
            return notified;
        }
        if (op instanceof Credit c) {
            JsonNode note = must(books.attempt("POST", "/creditnotes", "{\"customer_id\":\"" + customer
                    + "\",\"line_items\":[{\"name\":\"Goodwill\",\"rate\":" + c.amount() + "}]}"));
            ids.put(c.creditNote(), note.path("creditnote").path("creditnote_id").asString());
            must(books.attempt("POST", "/creditnotes/" + id(c.creditNote()) + "/invoices", "{\"invoices\":[{"
                    + "\"invoice_id\":\"" + id(c.invoice()) + "\",\"amount_applied\":" + c.applied() + "}]}"));
            return List.of(creditNoteChanged(id(c.creditNote())), invoiceChanged(id(c.invoice())));
        }
        if (op instanceof UnapplyCredit u) {
            String creditNote = id(u.creditNote());
            JsonNode applications = must(books.attempt("GET", "/creditnotes/" + creditNote + "/invoices", null));
            for (JsonNode row : applications.path("invoices_credited")) {
                if (row.path("invoice_id").asString().equals(id(u.invoice()))) {
                    must(books.attempt("DELETE", "/creditnotes/" + creditNote + "/invoices/"
                            + row.path("creditnote_invoice_id").asString(), null));
                    return List.of(creditNoteChanged(creditNote), invoiceChanged(id(u.invoice())));
                }
            }
            throw new Skipped();
        }
        if (op instanceof Refund r) {
            must(books.attempt("POST", "/creditnotes/" + id(r.creditNote()) + "/refunds", "{\"amount\":" + r.amount()
                    + ",\"refund_mode\":\"cash\"}"));
            return List.of(creditNoteChanged(id(r.creditNote())));
        }
        throw new IllegalArgumentException("unknown operation " + op);
    }

    private List<Runnable> payment(String name, BigDecimal amount, Map<String, BigDecimal> applications) {
        StringBuilder rows = new StringBuilder();
        applications.forEach((invoice, applied) -> rows.append(rows.isEmpty() ? "" : ",").append("{\"invoice_id\":\"")
                .append(invoice).append("\",\"amount_applied\":").append(applied).append('}'));
        JsonNode created = must(books.attempt("POST", "/customerpayments", "{\"customer_id\":\"" + customer
                + "\",\"payment_mode\":\"banktransfer\",\"amount\":" + amount + ",\"invoices\":[" + rows + "]}"));
        ids.put(name, created.path("payment").path("payment_id").asString());
        List<Runnable> notified = new ArrayList<>();
        notified.add(paymentReceived(id(name)));
        applications.keySet().forEach(invoice -> notified.add(invoiceChanged(invoice)));
        return notified;
    }

    private List<Runnable> invoiceOp(String name, String method, String suffix, String body) {
        must(books.attempt(method, "/invoices/" + id(name) + suffix, body));
        return List.of(invoiceChanged(id(name)));
    }

    /** The invoice webhook, with the invoice as it is now (a notification delivered late still says this). */
    private Runnable invoiceChanged(String invoiceId) {
        JsonNode invoice = books.invoice(invoiceId);
        return () -> Kafka.invoiceChanged(org, invoiceId, invoice);
    }

    /** The payment webhook, with its applications as they are now. */
    private Runnable paymentReceived(String paymentId) {
        JsonNode payment = must(books.attempt("GET", "/customerpayments/" + paymentId, null)).path("payment");
        List<String> applications = new ArrayList<>();
        payment.path("invoices").forEach(row -> {
            applications.add(row.path("invoice_id").asString());
            applications.add(row.path("amount_applied").asString());
        });
        String currency = payment.path("currency_code").asString("USD");
        return () -> Kafka.paymentReceived(org, paymentId, currency, applications.toArray(String[]::new));
    }

    private Runnable creditNoteChanged(String creditNoteId) {
        return () -> Kafka.creditNoteChanged(org, creditNoteId);
    }

    private String id(String name) {
        String id = ids.get(name);
        if (id == null) {
            throw new Skipped(); // made by an operation Books refused
        }
        return id;
    }

    private static JsonNode must(JsonNode answer) {
        if (answer == null) {
            throw new Skipped();
        }
        return answer;
    }

    /** Books refused the operation, or it names a record a refused operation would have made. */
    private static final class Skipped extends RuntimeException {
        Skipped() {
            super(null, null, false, false);
        }
    }
}
