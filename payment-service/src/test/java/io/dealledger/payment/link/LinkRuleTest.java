package io.dealledger.payment.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.dealledger.zoho.books.BooksRecords.Invoice;

import org.junit.jupiter.api.Test;

class LinkRuleTest {

    private static final Invoice SOYLENT_INVOICE = new Invoice("i1", "INV-000001", null, "c-soylent", "Soylent Corp",
            "sent", null, null, "USD", BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            null, null, null, Map.of(), BigDecimal.TEN);

    @Test
    void anInvoiceOfTheAccountsBooksCustomerMayBeLinked() {
        assertThat(LinkRule.check("org", SOYLENT_INVOICE, new DealAccount("d1", "a1", "Soylent", "c-soylent"), "d1", null))
                .isEmpty();
        assertThat(LinkRule.check("org", SOYLENT_INVOICE, new DealAccount("d1", "a1", "Soylent", null), "d1", "a1"))
                .isEmpty();
    }

    @Test
    void anInvoiceOfAnotherCustomerIsRefusedNamingBothCustomers() {
        DealAccount globex = new DealAccount("d1", "a-globex", "Globex Corporation", null);

        LinkRejection refused = LinkRule.check("org", SOYLENT_INVOICE, globex, "d1", "a-soylent").orElseThrow();
        LinkRejection named = LinkRule.mismatch("org", SOYLENT_INVOICE, globex, List.of("Globex Corporation (c-globex)"));

        assertThat(refused.code()).isEqualTo(LinkRejection.CUSTOMER_MISMATCH);
        assertThat(named.message()).isEqualTo("Invoice INV-000001 belongs to Books customer Soylent Corp (c-soylent),"
                + " not to the deal's account Globex Corporation (a-globex), whose Books customer is Globex Corporation (c-globex).");
    }

    @Test
    void aDealThatIsMissingOrHasNoAccountIsRefused() {
        assertThat(LinkRule.check("org", SOYLENT_INVOICE, null, "d9", null)).get()
                .extracting(LinkRejection::code).isEqualTo(LinkRejection.DEAL_NOT_FOUND);
        assertThat(LinkRule.check("org", SOYLENT_INVOICE, new DealAccount("d1", null, null, null), "d1", null)).get()
                .extracting(LinkRejection::code).isEqualTo(LinkRejection.DEAL_WITHOUT_ACCOUNT);
    }
}
