package io.dealledger.system;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A realistic life of a deal, driven only through public interfaces: the signed CRM button on the
 * gateway, a Books user's actions on Zoho Books (which fire Books' webhooks), and a link from the CRM
 * widget. Each step says what the Deal record in CRM must show afterwards.
 */
final class Scenario {

    static final String US_ORG = "10234695";
    static final String BOOKS_ITEM_ROBOT_ARM = "460000000002001";
    static final String UK_ORG = "20876543";

    /**
     * The emulator's seeded Globex account (California, USD), with its contact and the three products of its Closed
     * Won robot cell deal (USD 16,800); Initech (UK, GBP).
     */
    private static final String GLOBEX_DEAL = "{\"Deal_Name\":\"Globex - Robot cell (%s)\",\"Stage\":\"Closed Won\","
            + "\"Amount\":16800.00,\"Currency\":\"USD\",\"Closing_Date\":\"2026-01-15\","
            + "\"Account_Name\":{\"id\":\"5725767000000100001\"},\"Contact_Name\":{\"id\":\"5725767000000200001\"},"
            + "\"Deal_Line_Items\":[{\"Product_Name\":{\"id\":\"5725767000000300001\"},\"Quantity\":1,\"List_Price\":12000.00},"
            + "{\"Product_Name\":{\"id\":\"5725767000000300002\"},\"Quantity\":2,\"List_Price\":1500.00},"
            + "{\"Product_Name\":{\"id\":\"5725767000000300003\"},\"Quantity\":4,\"List_Price\":450.00}]}";
    private static final String UK_DEAL = "{\"Deal_Name\":\"Initech - UK rollout (%s)\",\"Stage\":\"Closed Won\","
            + "\"Amount\":9500.00,\"Currency\":\"GBP\",\"Closing_Date\":\"2026-01-15\","
            + "\"Account_Name\":{\"id\":\"5725767000000100003\"},\"Contact_Name\":{\"id\":\"5725767000000200003\"},"
            + "\"Deal_Line_Items\":[{\"Product_Name\":{\"id\":\"5725767000000300001\"},\"Quantity\":1,\"List_Price\":9500.00}]}";
    private static final String DEAL_WITHOUT_ACCOUNT = "{\"Deal_Name\":\"Walk-in - no account (%s)\","
            + "\"Stage\":\"Closed Won\",\"Amount\":1000.00,\"Currency\":\"USD\",\"Closing_Date\":\"2026-01-15\"}";

    /** What the Deal record must show after a step, by CRM field. */
    record Expectation(String dealId, String step, Map<String, Object> fields) {
    }

    private final GatewayClient gateway;
    private final ZohoApi zoho;
    private final PrintStream out;
    private final Duration timeout;
    /** This run's own deals, as a sales rep creates them in CRM: a run never meets an earlier run's invoices. */
    final String deal;
    final String ukDeal;
    final String dealWithoutAccount;
    final List<Expectation> expectations = new ArrayList<>();
    final List<Duration> paymentToCrm = new ArrayList<>();
    int payments;

    Scenario(GatewayClient gateway, ZohoApi zoho, PrintStream out, Duration timeout) {
        this.gateway = gateway;
        this.zoho = zoho;
        this.out = out;
        this.timeout = timeout;
        String run = java.time.LocalDateTime.now().withNano(0).toString().replace('T', ' ');
        this.deal = zoho.createRecord("Deals", String.format(GLOBEX_DEAL, run));
        this.ukDeal = zoho.createRecord("Deals", String.format(UK_DEAL, run));
        this.dealWithoutAccount = zoho.createRecord("Deals", String.format(DEAL_WITHOUT_ACCOUNT, run));
    }

    List<String> deals() {
        return List.of(deal, ukDeal, dealWithoutAccount);
    }

    void run() {
        JsonNode deposit = invoice("{\"label\":\"Deposit 40%\",\"percentage\":40}");
        BigDecimal t1 = deposit.path("total").decimalValue();
        String customer = deposit.path("customer_id").asString();
        String inv1 = deposit.path("invoice_id").asString();
        pay(customer, inv1, new BigDecimal("1000.00"));
        expect("deposit invoiced, 1,000.00 paid", Map.of("Total_Invoiced", t1, "Total_Paid", new BigDecimal("1000.00"),
                "Outstanding_Balance", t1.subtract(new BigDecimal("1000.00")), "Payment_Status", "Partially paid"));

        JsonNode balance = invoice("{\"label\":\"Balance 60%\",\"percentage\":60}");
        BigDecimal t2 = balance.path("total").decimalValue();
        String inv2 = balance.path("invoice_id").asString();
        String creditNote = zoho.createCreditNote(US_ORG, customer, new BigDecimal("300.00"));
        zoho.applyCredit(US_ORG, creditNote, inv2, new BigDecimal("200.00"));
        zoho.refundCredit(US_ORG, creditNote, new BigDecimal("100.00"));
        out.printf("credit note %s: 200.00 applied to the balance invoice, 100.00 refunded%n", creditNote);
        expect("balance invoiced, 200.00 credited", Map.of("Total_Invoiced", t1.add(t2),
                "Total_Credited", new BigDecimal("200.00"),
                "Outstanding_Balance", t1.add(t2).subtract(new BigDecimal("1200.00"))));

        pay(customer, inv1, t1.subtract(new BigDecimal("1000.00")));
        pay(customer, inv2, t2.subtract(new BigDecimal("200.00")));
        expect("both invoices paid in full", Map.of("Total_Paid", t1.add(t2).subtract(new BigDecimal("200.00")),
                "Outstanding_Balance", BigDecimal.ZERO, "Payment_Status", "Paid",
                "Uninvoiced_Amount", BigDecimal.ZERO));

        JsonNode typedInBooks = zoho.createInvoice(US_ORG, customer, BOOKS_ITEM_ROBOT_ARM, new BigDecimal("500.00"));
        String inv3 = typedInBooks.path("invoice_id").asString();
        BigDecimal t3 = zoho.invoice(US_ORG, inv3).path("total").decimalValue();
        pay(customer, inv3, new BigDecimal("200.00"));
        gateway.linkInvoice(deal, US_ORG, inv3);
        out.printf("invoice %s typed in Books (%s), 200.00 paid, then linked to the deal%n",
                typedInBooks.path("invoice_number").asString(), t3);
        expect("a Books invoice linked with its payment", Map.of("Total_Invoiced", t1.add(t2).add(t3),
                "Total_Paid", t1.add(t2).subtract(new BigDecimal("200.00")).add(new BigDecimal("200.00")),
                "Outstanding_Balance", t3.subtract(new BigDecimal("200.00")), "Payment_Status", "Partially paid",
                "Uninvoiced_Amount", new BigDecimal("-500.00")));
    }

    /** A UK deal invoiced whole in GBP and half paid; a deal without account refused with its reason. */
    void runOtherDeals() {
        JsonNode uk = invoice(ukDeal, UK_ORG, null);
        BigDecimal total = uk.path("total").decimalValue();
        BigDecimal half = total.divide(new BigDecimal("2"), 2, java.math.RoundingMode.HALF_UP);
        zoho.recordPayment(UK_ORG, uk.path("customer_id").asString(), uk.path("invoice_id").asString(), half);
        payments++;
        out.printf("payment of %s recorded in Books (UK org)%n", half);
        expect(ukDeal, "UK deal invoiced in GBP, half paid", Map.of("Total_Invoiced", total, "Total_Paid", half,
                "Payment_Status", "Partially paid"));

        String requestId = gateway.requestInvoice(dealWithoutAccount, null);
        JsonNode outcome = Waits.until("invoice request " + requestId, () -> gateway.requestOutcome(requestId),
                answer -> "rejected".equals(answer.path("status").asString()), timeout);
        out.printf("button pressed on a deal without account -> rejected: %s%n",
                outcome.path("reasons").path(0).path("message").asString());
        Waits.until("Invoice_Error on the deal without account", () -> zoho.deal(dealWithoutAccount),
                deal -> deal.path("Invoice_Error").asString("").toLowerCase().contains("account"), timeout);
        out.println("  CRM Deal shows the reason in Invoice_Error");
    }

    /** Presses the CRM button for a stage and waits for the invoice; answers the Books invoice. */
    private JsonNode invoice(String stage) {
        return invoice(deal, US_ORG, stage);
    }

    private JsonNode invoice(String dealId, String org, String stage) {
        String requestId = gateway.requestInvoice(dealId, stage);
        JsonNode outcome = Waits.until("invoice request " + requestId, () -> gateway.requestOutcome(requestId),
                answer -> !"accepted".equals(answer.path("status").asString("accepted")), timeout);
        if (!"issued".equals(outcome.path("status").asString())) {
            throw new IllegalStateException("invoice request " + requestId + " was not issued: " + outcome);
        }
        String invoiceId = outcome.path("invoice").path("invoiceId").asString();
        JsonNode invoice = zoho.invoice(org, invoiceId);
        out.printf("button pressed (%s) -> request %s -> invoice %s for %s %s%n", stage == null ? "whole deal" : stage, requestId,
                invoice.path("invoice_number").asString(), invoice.path("currency_code").asString(),
                invoice.path("total").asString());
        return invoice;
    }

    private void pay(String customer, String invoiceId, BigDecimal amount) {
        String payment = zoho.recordPayment(US_ORG, customer, invoiceId, amount);
        payments++;
        out.printf("payment %s of %s recorded in Books on invoice %s%n", payment, amount, invoiceId);
    }

    /** Waits until the Deal record in CRM shows every expected field; records how long that took. */
    private void expect(String step, Map<String, Object> fields) {
        expect(deal, step, fields);
    }

    private void expect(String dealId, String step, Map<String, Object> fields) {
        long start = System.nanoTime();
        Map<String, Object> ordered = new LinkedHashMap<>(fields);
        Waits.until("CRM Deal fields after: " + step, () -> zoho.deal(dealId), deal -> matches(deal, ordered), timeout);
        paymentToCrm.add(Duration.ofNanos(System.nanoTime() - start));
        expectations.add(new Expectation(dealId, step, ordered));
        out.printf("  CRM Deal shows it (%d ms): %s%n", (System.nanoTime() - start) / 1_000_000, ordered);
    }

    static boolean matches(JsonNode deal, Map<String, Object> fields) {
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            JsonNode actual = deal.path(field.getKey());
            if (field.getValue() instanceof BigDecimal expected) {
                if (!actual.isNumber() && !actual.isString() || actual.asString().isBlank()
                        || new BigDecimal(actual.asString()).compareTo(expected) != 0) {
                    return false;
                }
            } else if (!field.getValue().toString().equals(actual.asString(null))) {
                return false;
            }
        }
        return true;
    }
}
