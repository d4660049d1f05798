package io.dealledger.emulator.books;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.dealledger.emulator.support.EmulatorTest;
import io.dealledger.emulator.support.Json;
import io.dealledger.emulator.support.Response;

import static io.dealledger.emulator.seed.SeedIds.*;
import static org.assertj.core.api.Assertions.assertThat;

class InvoiceLifecycleTest extends EmulatorTest {

    private String invoice(String org, String customerId, String amount, String extra) {
        Response created = zoho.post(books("/invoices", org), json("{'customer_id':'" + customerId + "','line_items':[{'name':'Work','rate':"
                + amount + ",'quantity':1}]" + extra + "}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().string("invoice.invoice_id");
    }

    private Json read(String org, String invoiceId) {
        Json invoice = zoho.get(books("/invoices/" + invoiceId, org)).json().get("invoice");
        assertBalanced(invoice);
        return invoice;
    }

    private Response pay(String org, String customerId, String amount, String applications) {
        return zoho.post(books("/customerpayments", org), json("{'customer_id':'" + customerId + "','payment_mode':'banktransfer','amount':"
                + amount + ",'invoices':[" + applications + "]}"));
    }

    @Test
    void usOrgRefusesATaxedInvoiceWithoutTaxAuthorityNamingTheField() {
        String contact = zoho.post(books("/contacts", US), json("{'contact_name':'No Authority LLC'}")).json().string("contact.contact_id");

        Response refused = zoho.post(books("/invoices", US), json("{'customer_id':'" + contact
                + "','line_items':[{'item_id':'" + BOOKS_ITEM_GRIPPER + "','quantity':1,'tax_id':'" + TAX_TX + "'}]}"));
        Response accepted = zoho.post(books("/invoices", US), json("{'customer_id':'" + contact + "','tax_authority_id':'" + TAX_AUTHORITY_TX
                + "','line_items':[{'item_id':'" + BOOKS_ITEM_GRIPPER + "','quantity':1,'tax_id':'" + TAX_TX + "'}]}"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().integer("code")).isNotZero();
        assertThat(refused.json().string("message")).contains("tax_authority_id");
        assertThat(accepted.status()).isEqualTo(201);
        Json invoice = accepted.json().get("invoice");
        assertThat(invoice.decimal("sub_total")).isEqualByComparingTo("1500.00");
        assertThat(invoice.decimal("tax_total")).isEqualByComparingTo("93.75");
        assertThat(invoice.decimal("total")).isEqualByComparingTo("1593.75");
        assertThat(invoice.string("status")).isEqualTo("draft");
        assertThat(invoice.string("invoice_url")).startsWith("https://books.zoho.com/SecurePayment?CInvoiceID=");
    }

    @Test
    void everyAnswerShowsOneStateOfAnInvoiceEditedMeanwhile() throws Exception {
        // Given an invoice a Books user keeps editing (every edit sets one line's rate: total = sub_total, no tax);
        // answers rendered outside the org's lock once mixed one edit's sub_total with the next one's total
        assertThat(anonymous.put("/_emulator/limits", json("{'books_per_minute':100000}")).status()).isEqualTo(200);
        String id = invoice(US, BOOKS_CONTACT_SOYLENT, "100", "");
        java.util.concurrent.atomic.AtomicBoolean editing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread editor = new Thread(() -> {
            for (int i = 0; editing.get(); i++) {
                zoho.put(books("/invoices/" + id, US), json("{'line_items':[{'name':'Work','rate':" + (100 + i % 700)
                        + ",'quantity':1}]}"));
            }
        });
        editor.start();
        try {
            // When it is read meanwhile, alone and in lists
            for (int i = 0; i < 1000; i++) {
                Json invoice = i % 2 == 0 ? read(US, id) : zoho.get(books("/invoices?customer_id=" + BOOKS_CONTACT_SOYLENT, US))
                        .json().list("invoices").stream().map(Json::new).filter(row -> id.equals(row.string("invoice_id"))).findFirst()
                        .orElseThrow();
                // Then each answer is one state: its sub_total and total belong to the same edit
                assertThat(invoice.decimal("total")).as("answer %d", i).isEqualByComparingTo(invoice.decimal("sub_total"));
            }
        } finally {
            editing.set(false);
            editor.join();
        }
    }

    @Test
    void ukOrgAcceptsVatLinesWithoutAuthority() {
        Response created = zoho.post(books("/invoices", UK), json("{'customer_id':'" + BOOKS_CONTACT_INITECH + "','line_items':[{'item_id':'"
                + BOOKS_ITEM_ROBOT_ARM_UK + "','quantity':1,'tax_id':'" + TAX_UK_VAT_20 + "'}]}"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().decimal("invoice.total")).isEqualByComparingTo("11400.00");
        assertThat(created.json().string("invoice.currency_code")).isEqualTo("GBP");
    }

    @Test
    void statusFollowsTheMoneyFromDraftToPaid() {
        String id = invoice(US, BOOKS_CONTACT_SOYLENT, "1000", ",'reference_number':'PO-1','zcrm_potential_id':'" + DEAL_SOYLENT_NEGOTIATION
                + "','custom_fields':[{'api_name':'cf_crm_deal_id','value':'" + DEAL_SOYLENT_NEGOTIATION + "'}]");
        assertThat(read(US, id).string("status")).isEqualTo("draft");

        assertThat(zoho.post(books("/invoices/" + id + "/status/sent", US), null).status()).isEqualTo(200);
        assertThat(read(US, id).string("status")).isEqualTo("sent");

        assertThat(pay(US, BOOKS_CONTACT_SOYLENT, "400", "{'invoice_id':'" + id + "','amount_applied':400}").status()).isEqualTo(201);
        Json partly = read(US, id);
        assertThat(partly.string("status")).isEqualTo("partially_paid");
        assertThat(partly.decimal("balance")).isEqualByComparingTo("600.00");

        pay(US, BOOKS_CONTACT_SOYLENT, "600", "{'invoice_id':'" + id + "','amount_applied':600}");
        Json paid = read(US, id);
        assertThat(paid.string("status")).isEqualTo("paid");
        assertThat(paid.decimal("payment_made")).isEqualByComparingTo("1000.00");
        assertThat(paid.list("payments")).hasSize(2);

        Json byDeal = zoho.get(books("/invoices?zcrm_potential_id=" + DEAL_SOYLENT_NEGOTIATION, US)).json();
        assertThat(byDeal.list("invoices")).hasSize(1);
        assertThat(zoho.get(books("/invoices?custom_field=" + DEAL_SOYLENT_NEGOTIATION, US)).json().list("invoices")).hasSize(1);
        assertThat(zoho.get(books("/invoices?reference_number=PO-1&status=paid", US)).json().list("invoices")).hasSize(1);
    }

    @Test
    void onePaymentIsAppliedAcrossSeveralInvoicesAndDeletingItGivesTheMoneyBack() {
        String first = invoice(US, BOOKS_CONTACT_SOYLENT, "300", "");
        String second = invoice(US, BOOKS_CONTACT_SOYLENT, "500", "");

        Response payment = pay(US, BOOKS_CONTACT_SOYLENT, "1000",
                "{'invoice_id':'" + first + "','amount_applied':300},{'invoice_id':'" + second + "','amount_applied':200}");

        assertThat(payment.status()).isEqualTo(201);
        Json recorded = payment.json().get("payment");
        assertThat(recorded.decimal("unused_amount")).isEqualByComparingTo("500.00");
        assertThat(recorded.list("invoices")).hasSize(2);
        assertThat(recorded.decimal("invoices[1].balance_amount")).isEqualByComparingTo("300.00");
        assertThat(read(US, first).string("status")).isEqualTo("paid");
        assertThat(read(US, second).string("status")).isEqualTo("partially_paid");

        Response applyUnused = zoho.post(books("/invoices/" + second + "/credits", US),
                json("{'invoice_payments':[{'payment_id':'" + recorded.string("payment_id") + "','amount_applied':300}]}"));
        assertThat(applyUnused.status()).isEqualTo(200);
        assertThat(read(US, second).string("status")).isEqualTo("paid");

        assertThat(zoho.delete(books("/customerpayments/" + recorded.string("payment_id"), US)).status()).isEqualTo(200);
        assertThat(read(US, first).decimal("balance")).isEqualByComparingTo("300.00");
        assertThat(read(US, second).string("status")).isEqualTo("sent");
        assertThat(zoho.get(books("/customerpayments/" + recorded.string("payment_id"), US)).json().integer("code")).isEqualTo(1002);
    }

    @Test
    void refusesAPaymentAboveTheBalanceDueWithCode24016AndChangesNothing() {
        String id = invoice(US, BOOKS_CONTACT_SOYLENT, "100", "");
        pay(US, BOOKS_CONTACT_SOYLENT, "60", "{'invoice_id':'" + id + "','amount_applied':60}");

        Response over = pay(US, BOOKS_CONTACT_SOYLENT, "50", "{'invoice_id':'" + id + "','amount_applied':50}");

        assertThat(over.status()).isEqualTo(400);
        assertThat(over.json().integer("code")).isEqualTo(24016);
        assertThat(read(US, id).decimal("balance")).isEqualByComparingTo("40.00");
        assertThat(zoho.get(books("/customerpayments?customer_id=" + BOOKS_CONTACT_SOYLENT, US)).json().list("customerpayments")).hasSize(1);
        assertThat(pay(US, "460000000001999", "10", "").json().integer("code")).isEqualTo(3004);
    }

    @Test
    void becomesOverdueWhenTheClockPassesTheDueDateWithABalance() {
        String id = invoice(US, BOOKS_CONTACT_SOYLENT, "100", ",'payment_terms':15");
        zoho.post(books("/invoices/" + id + "/status/sent", US), null);

        advanceClock(Duration.ofDays(20));

        assertThat(read(US, id).string("status")).isEqualTo("overdue");
        Json overdue = zoho.get(books("/invoices?filter_by=Status.OverDue", US)).json();
        assertThat(overdue.list("invoices")).hasSize(1);
        assertThat(overdue.string("invoices[0].invoice_id")).isEqualTo(id);
        assertThat(read(US, BOOKS_INVOICE_SOYLENT).string("status")).isEqualTo("sent");
    }

    @Test
    void writeOffClearsTheBalanceAndCancellingRestoresIt() {
        String id = invoice(US, BOOKS_CONTACT_SOYLENT, "250", "");
        zoho.post(books("/invoices/" + id + "/status/sent", US), null);
        pay(US, BOOKS_CONTACT_SOYLENT, "50", "{'invoice_id':'" + id + "','amount_applied':50}");

        assertThat(zoho.post(books("/invoices/" + id + "/writeoff", US), null).json().string("message")).isEqualTo("Invoice has been written off.");
        Json writtenOff = read(US, id);
        assertThat(writtenOff.decimal("write_off_amount")).isEqualByComparingTo("200.00");
        assertThat(writtenOff.decimal("balance")).isEqualByComparingTo("0");
        assertThat(writtenOff.string("status")).isEqualTo("paid");

        zoho.post(books("/invoices/" + id + "/writeoff/cancel", US), null);
        Json restored = read(US, id);
        assertThat(restored.decimal("write_off_amount")).isEqualByComparingTo("0");
        assertThat(restored.string("status")).isEqualTo("partially_paid");
    }

    @Test
    void voidIsRefusedWhileMoneyIsAppliedAndAllowedOtherwise() {
        String paid = invoice(US, BOOKS_CONTACT_SOYLENT, "80", "");
        pay(US, BOOKS_CONTACT_SOYLENT, "10", "{'invoice_id':'" + paid + "','amount_applied':10}");
        String unpaid = invoice(US, BOOKS_CONTACT_SOYLENT, "90", ",'due_date':'2020-01-01'");

        Response refused = zoho.post(books("/invoices/" + paid + "/status/void", US), null);
        Response voided = zoho.post(books("/invoices/" + unpaid + "/status/void", US), null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(voided.json().string("message")).isEqualTo("Invoice status has been changed to Void.");
        Json invoice = read(US, unpaid);
        assertThat(invoice.string("status")).isEqualTo("void");
        assertThat(invoice.decimal("balance")).isEqualByComparingTo("0");
        assertThat(pay(US, BOOKS_CONTACT_SOYLENT, "5", "{'invoice_id':'" + unpaid + "','amount_applied':5}").status()).isEqualTo(400);
    }

    @Test
    void creditNoteIsAppliedToInvoicesThenRefundedUntilClosed() {
        String id = invoice(UK, BOOKS_CONTACT_INITECH, "1000", "");
        zoho.post(books("/invoices/" + id + "/status/sent", UK), null);
        Json note = zoho.post(books("/creditnotes", UK), json("{'customer_id':'" + BOOKS_CONTACT_INITECH
                + "','line_items':[{'name':'Goodwill','rate':300}]}")).json().get("creditnote");
        String noteId = note.string("creditnote_id");
        assertThat(note.string("status")).isEqualTo("open");

        Response applied = zoho.post(books("/creditnotes/" + noteId + "/invoices", UK),
                json("{'invoices':[{'invoice_id':'" + id + "','amount_applied':200}]}"));
        assertThat(applied.status()).isEqualTo(200);
        Json invoice = read(UK, id);
        assertThat(invoice.decimal("credits_applied")).isEqualByComparingTo("200.00");
        assertThat(invoice.string("status")).isEqualTo("partially_paid");

        Response tooMuch = zoho.post(books("/creditnotes/" + noteId + "/refunds", UK), json("{'amount':150,'refund_mode':'cash'}"));
        assertThat(tooMuch.status()).isEqualTo(400);
        Response refund = zoho.post(books("/creditnotes/" + noteId + "/refunds", UK), json("{'amount':100,'refund_mode':'cash','date':'2026-02-01'}"));
        assertThat(refund.status()).isEqualTo(201);
        assertThat(refund.json().string("creditnote_refund.creditnote_refund_id")).isNotBlank();

        Json closed = zoho.get(books("/creditnotes/" + noteId, UK)).json().get("creditnote");
        assertThat(closed.decimal("balance")).isEqualByComparingTo("0");
        assertThat(closed.string("status")).isEqualTo("closed");
        assertThat(zoho.post(books("/creditnotes/" + noteId + "/status/void", UK), null).status()).isEqualTo(400);
    }

    @Test
    void creditNoteAppliedThroughTheInvoiceAndTakenBack() {
        String id = invoice(UK, BOOKS_CONTACT_INITECH, "500", "");
        String noteId = zoho.post(books("/creditnotes", UK), json("{'customer_id':'" + BOOKS_CONTACT_INITECH
                + "','line_items':[{'name':'Return','rate':500}]}")).json().string("creditnote.creditnote_id");

        zoho.post(books("/invoices/" + id + "/credits", UK), json("{'apply_creditnotes':[{'creditnote_id':'" + noteId + "','amount_applied':500}]}"));
        Json credited = read(UK, id);
        assertThat(credited.string("status")).isEqualTo("paid");
        String applicationId = credited.string("credits[0].creditnotes_invoice_id");

        assertThat(zoho.delete(books("/invoices/" + id + "/creditsapplied/" + applicationId, UK)).status()).isEqualTo(200);
        assertThat(read(UK, id).decimal("balance")).isEqualByComparingTo("500.00");
        assertThat(zoho.get(books("/creditnotes/" + noteId, UK)).json().string("creditnote.status")).isEqualTo("open");
    }

    @Test
    void editingTheTotalBelowWhatIsPaidIsRefusedAndLeavesTheInvoiceUnchanged() {
        String id = invoice(US, BOOKS_CONTACT_SOYLENT, "100", "");
        pay(US, BOOKS_CONTACT_SOYLENT, "80", "{'invoice_id':'" + id + "','amount_applied':80}");

        Response refused = zoho.put(books("/invoices/" + id, US), json("{'line_items':[{'name':'Work','rate':50}]}"));
        Response edited = zoho.put(books("/invoices/" + id, US), json("{'line_items':[{'name':'Work','rate':120}],'reference_number':'PO-9'}"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(edited.status()).isEqualTo(200);
        Json invoice = read(US, id);
        assertThat(invoice.decimal("total")).isEqualByComparingTo("120.00");
        assertThat(invoice.decimal("balance")).isEqualByComparingTo("40.00");
        assertThat(invoice.string("reference_number")).isEqualTo("PO-9");
    }
}
