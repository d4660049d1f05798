package io.dealledger.ledger.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.dealledger.events.DealInvoice;
import io.dealledger.events.DealLedger;
import io.dealledger.events.PaymentStatus;

import org.junit.jupiter.api.Test;

class CrmDealFieldsTest {

    private final CrmDealFields fields = CrmDealFields.defaults();

    @Test
    void aLedgerBecomesTheDealFieldsAPersonReadsInCrm() {
        // Given an overdue USD deal with two invoices, the later one due last
        DealLedger ledger = ledger("USD", PaymentStatus.OVERDUE, List.of(
                invoice("100", "INV-1", LocalDate.parse("2026-01-10"), "unpaid"),
                invoice("101", "INV-2", LocalDate.parse("2026-02-10"), "overdue")));
        // When it is mapped to CRM fields
        Map<String, Object> values = fields.valuesOf(ledger);
        // Then amounts carry the currency's two decimals, the status is text, the latest invoice is named
        assertThat(values.get("Total_Invoiced")).isEqualTo(new BigDecimal("1000.50"));
        assertThat(values.get("Outstanding_Balance")).isEqualTo(new BigDecimal("400.00"));
        assertThat(values.get("Uninvoiced_Amount")).isNull();
        assertThat(values).containsEntry("Payment_Status", "Overdue").containsEntry("Invoice_Id", "101")
                .containsEntry("Invoice_URL", "https://books/101").containsEntry("Last_Payment_Date", "2026-02-01")
                .containsEntry("Invoice_Error", "Missing tax mapping: tax region unmapped: TX");
        assertThat(values).hasSize(11);
    }

    @Test
    void theInvoiceErrorLeadsWithItsCategorysLabel() {
        DealLedger ledger = DealLedger.newBuilder(ledger("USD", PaymentStatus.NOT_INVOICED, List.of()))
                .setLastInvoiceError("No tax mapping for US-TX").setLastInvoiceErrorCategory("MISSING_TAX_MAPPING")
                .build();
        assertThat(fields.valuesOf(ledger)).containsEntry("Invoice_Error", "Missing tax mapping: No tax mapping for US-TX");
        DealLedger newer = DealLedger.newBuilder(ledger).setLastInvoiceErrorCategory("A_CATEGORY_FROM_A_NEWER_BUILD")
                .build();
        assertThat(fields.valuesOf(newer)).containsEntry("Invoice_Error", "Unexpected error: No tax mapping for US-TX");
        DealLedger cleared = DealLedger.newBuilder(ledger).setLastInvoiceError(null).build();
        assertThat(fields.valuesOf(cleared)).containsEntry("Invoice_Error", null);
    }

    @Test
    void theLatestInvoiceIsTheOneWithTheLatestInvoiceDate() {
        DealInvoice older = DealInvoice.newBuilder(invoice("100", "INV-1", LocalDate.parse("2026-03-10"), "unpaid"))
                .setInvoiceDate(LocalDate.parse("2026-02-01")).build();
        DealInvoice newer = DealInvoice.newBuilder(invoice("99", "INV-2", LocalDate.parse("2026-03-01"), "unpaid"))
                .setInvoiceDate(LocalDate.parse("2026-02-15")).build();
        assertThat(fields.valuesOf(ledger("USD", PaymentStatus.UNPAID, List.of(older, newer))))
                .containsEntry("Invoice_Id", "99");
    }

    @Test
    void aCurrencyWithoutDecimalsIsWrittenInWholeUnits() {
        DealLedger ledger = ledger("JPY", PaymentStatus.UNPAID, List.of());
        assertThat(fields.valuesOf(ledger).get("Total_Invoiced")).isEqualTo(new BigDecimal("1001"));
    }

    @Test
    void aVoidInvoiceIsNeverTheLatest() {
        DealLedger ledger = ledger("USD", PaymentStatus.UNPAID, List.of(
                invoice("100", "INV-1", LocalDate.parse("2026-01-10"), "unpaid"),
                invoice("101", "INV-2", LocalDate.parse("2026-02-10"), "void")));
        assertThat(fields.valuesOf(ledger)).containsEntry("Invoice_Id", "100");
    }

    @Test
    void fieldNamesMustBeSetAndDistinct() {
        assertThatThrownBy(() -> new CrmDealFields("A", "A", "C", "D", "E", "F", "G", "H", "I", "J", "K"))
                .hasMessageContaining("11 different");
        assertThatThrownBy(() -> new CrmDealFields("A", " ", "C", "D", "E", "F", "G", "H", "I", "J", "K"))
                .hasMessageContaining("fields.total-paid");
    }

    private static DealLedger ledger(String currency, PaymentStatus status, List<DealInvoice> invoices) {
        return DealLedger.newBuilder().setEventId("e").setOccurredAt(Instant.EPOCH).setSource("test")
                .setOrganizationId("org").setDealId("deal").setCurrency(currency).setDealValue(null)
                .setTotalInvoiced(new BigDecimal("1000.500")).setTotalPaid(new BigDecimal("500.000"))
                .setTotalCredited(new BigDecimal("100.500")).setTotalRefunded(new BigDecimal("0.000"))
                .setWrittenOff(new BigDecimal("0.000")).setOutstanding(new BigDecimal("400.000"))
                .setOverdue(new BigDecimal("400.000")).setUninvoiced(null).setPaymentStatus(status)
                .setInvoices(invoices).setLastPaymentDate(LocalDate.parse("2026-02-01"))
                .setLastInvoiceError("tax region unmapped: TX").setLastInvoiceErrorCategory("MISSING_TAX_MAPPING")
                .setVersion(3).build();
    }

    private static DealInvoice invoice(String id, String number, LocalDate due, String status) {
        return DealInvoice.newBuilder().setOrganizationId("org").setInvoiceId(id).setInvoiceNumber(number)
                .setStatus(status).setTotal(new BigDecimal("500.000")).setBalance(new BigDecimal("200.000"))
                .setDueDate(due).setInvoiceUrl("https://books/" + id).build();
    }
}
