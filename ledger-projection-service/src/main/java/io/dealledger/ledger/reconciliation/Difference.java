package io.dealledger.ledger.reconciliation;

/**
 * One field on which the ledger and Books or CRM disagree.
 *
 * @param source      {@code books} or {@code crm}
 * @param field       a CRM Deal field's API name, or {@code invoice <number or id>.total|balance|status} for Books
 * @param ledgerValue what the ledger says (null: no value)
 * @param otherValue  what Books or CRM says (null: no value; {@code missing}: the record does not exist;
 *                    {@code unreadable: <why>}: Books would not show it)
 * @param rewritten   the CRM field was rewritten with the ledger's value by this run
 */
public record Difference(String dealId, String source, String field, String ledgerValue, String otherValue,
                         boolean rewritten) {

    public static final String BOOKS = "books";
    public static final String CRM = "crm";
    public static final String MISSING = "missing";
    public static final String UNREADABLE = "unreadable: ";

    Difference asRewritten() {
        return new Difference(dealId, source, field, ledgerValue, otherValue, true);
    }
}
