package io.dealledger.invoice.doctor;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OAuth scopes dealledger's calls need (one OAuth client serves Books, CRM and Cliq), each with the broader
 * scopes Zoho accepts in its place; compared ignoring case, as Zoho does.
 */
public final class RequiredScopes {

    /** @param blocking whether invoicing needs it (else: payment notices, CRM change notifications) */
    public record Scope(String name, boolean blocking, String usedFor, List<String> alsoSatisfiedBy) {
    }

    public static final List<Scope> ALL = List.of(
            new Scope("ZohoBooks.contacts.ALL", true, "Books customers (find, create, update)",
                    List.of("ZohoBooks.fullaccess.all")),
            new Scope("ZohoBooks.settings.ALL", true, "Books organizations, items, taxes, currencies, webhooks",
                    List.of("ZohoBooks.fullaccess.all")),
            new Scope("ZohoBooks.invoices.ALL", true, "Books invoices (upsert, mark sent, void, write off)",
                    List.of("ZohoBooks.fullaccess.all")),
            new Scope("ZohoBooks.customerpayments.READ", true, "payments of invoices",
                    List.of("ZohoBooks.fullaccess.all", "ZohoBooks.customerpayments.ALL")),
            new Scope("ZohoBooks.creditnotes.ALL", true, "credit notes and refunds",
                    List.of("ZohoBooks.fullaccess.all")),
            new Scope("ZohoCRM.modules.ALL", true, "Deals, Accounts, Products, Contacts (read, write back)",
                    List.of()),
            new Scope("ZohoCRM.settings.variables.READ", true, "CRM Variables (routing, tax)",
                    List.of("ZohoCRM.settings.ALL", "ZohoCRM.settings.variables.ALL")),
            new Scope("ZohoCRM.settings.fields.READ", false, "the doctor's checks of the CRM fields and the Deals subform",
                    List.of("ZohoCRM.settings.ALL", "ZohoCRM.settings.fields.ALL")),
            new Scope("ZohoCRM.settings.automation_actions.READ", false, "the doctor's check of the Deals webhook",
                    List.of("ZohoCRM.settings.ALL", "ZohoCRM.settings.automation_actions.ALL")),
            new Scope("ZohoCRM.notifications.ALL", false, "CRM deal change notifications (actions/watch)", List.of()),
            new Scope("ZohoCliq.Webhooks.CREATE", false, "payment notices in Cliq (or PAYMENT_CLIQ_ENABLED=false)",
                    List.of()));

    private RequiredScopes() {
    }

    /** The required scopes {@code granted} does not cover, in {@link #ALL}'s order. */
    public static List<Scope> missing(Set<String> granted) {
        Set<String> have = granted.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return ALL.stream().filter(scope -> !have.contains(scope.name().toLowerCase(Locale.ROOT))
                && scope.alsoSatisfiedBy().stream().noneMatch(s -> have.contains(s.toLowerCase(Locale.ROOT)))).toList();
    }

    /** Every scope, comma-separated, as the Self Client's scope box takes them. */
    public static String all() {
        return ALL.stream().map(Scope::name).collect(Collectors.joining(","));
    }
}
