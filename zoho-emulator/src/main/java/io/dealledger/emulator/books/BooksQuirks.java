package io.dealledger.emulator.books;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.json.JsonBody;
import io.dealledger.emulator.reset.Resettable;

/**
 * Books behaviours its docs leave open, switchable so a client can be tested against either answer. Off by
 * default (the emulator then does what the client hopes); reset switches them off.
 *
 * <ul>
 * <li>{@code invoice_list_ignores_zcrm_potential_id}: Books documents {@code zcrm_potential_id} as a list filter
 * of estimates, not of invoices; when on, {@code GET /invoices?zcrm_potential_id=…} lists every invoice.</li>
 * </ul>
 */
@Component
public class BooksQuirks implements Resettable {

    private volatile boolean invoiceListIgnoresDealFilter;

    public boolean invoiceListIgnoresDealFilter() {
        return invoiceListIgnoresDealFilter;
    }

    public void update(JsonBody body) {
        invoiceListIgnoresDealFilter = body.bool("invoice_list_ignores_zcrm_potential_id", invoiceListIgnoresDealFilter);
    }

    public java.util.Map<String, Object> toJson() {
        return java.util.Map.of("invoice_list_ignores_zcrm_potential_id", invoiceListIgnoresDealFilter);
    }

    @Override
    public void reset() {
        invoiceListIgnoresDealFilter = false;
    }
}
