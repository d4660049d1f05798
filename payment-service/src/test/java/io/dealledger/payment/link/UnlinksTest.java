package io.dealledger.payment.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.dealledger.payment.facts.FactBuilder;
import io.dealledger.payment.ledger.LedgerMemory;

import org.junit.jupiter.api.Test;

/** A person's unlink keeps an invoice out of every deal until a person links it again. */
class UnlinksTest {

    private static final String ORG = "10234695";
    private static final String INVOICE = "460000000031001";
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private final LedgerMemory memory = new LedgerMemory();
    private final FactBuilder facts = new FactBuilder(ORG, T0);
    private final Unlinks unlinks = new Unlinks(memory);

    @Test
    void anInvoiceNeverLinkedMayBeLinkedToTheDealBooksNames() {
        assertThat(unlinks.unlinkedByAPerson(ORG, INVOICE)).isFalse();
        assertThat(unlinks.mayLinkAutomatically(ORG, INVOICE, "deal-a")).isTrue();
    }

    @Test
    void aLinkedInvoiceMayBeLinkedAgainToItsOwnDealButNotMovedToAnother() {
        memory.remember(facts.linked(INVOICE, "deal-a", "account-1", "request-1", T0));

        assertThat(unlinks.mayLinkAutomatically(ORG, INVOICE, "deal-a")).isTrue();
        assertThat(unlinks.mayLinkAutomatically(ORG, INVOICE, "deal-b")).isFalse();
    }

    @Test
    void anInvoiceAPersonUnlinkedIsLinkedByNothingButAPerson() {
        memory.remember(facts.linked(INVOICE, "deal-a", "account-1", "request-1", T0));
        memory.remember(facts.unlinked(INVOICE, "deal-a", "unlink-1", T0.plusSeconds(60)));

        assertThat(unlinks.unlinkedByAPerson(ORG, INVOICE)).isTrue();
        assertThat(unlinks.mayLinkAutomatically(ORG, INVOICE, "deal-a")).isFalse();
        assertThat(unlinks.mayLinkAutomatically(ORG, INVOICE, "deal-b")).isFalse();

        // a person links it again
        memory.remember(facts.linked(INVOICE, "deal-b", "account-1", "request-2", T0.plusSeconds(120)));

        assertThat(unlinks.unlinkedByAPerson(ORG, INVOICE)).isFalse();
        assertThat(unlinks.mayLinkAutomatically(ORG, INVOICE, "deal-b")).isTrue();
    }

    @Test
    void anUnlinkOfAnotherDealThanTheLinkedOneChangesNothing() {
        memory.remember(facts.linked(INVOICE, "deal-a", "account-1", "request-1", T0));
        memory.remember(facts.unlinked(INVOICE, "deal-b", "unlink-1", T0.plusSeconds(60)));

        assertThat(unlinks.unlinkedByAPerson(ORG, INVOICE)).isFalse();
        assertThat(unlinks.mayLinkAutomatically(ORG, INVOICE, "deal-a")).isTrue();
    }
}
