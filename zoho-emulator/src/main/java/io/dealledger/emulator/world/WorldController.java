package io.dealledger.emulator.world;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.dealledger.emulator.books.invoice.InvoiceService;
import io.dealledger.emulator.books.org.BooksOrganization;
import io.dealledger.emulator.books.org.Organizations;
import io.dealledger.emulator.crm.CrmModule;
import io.dealledger.emulator.crm.CrmRecords;

/**
 * {@code GET /_emulator/world}: whether the world is fresh or carried over from an earlier run (and since when), how
 * many writes its journal holds, and how many deals and invoices it has (for {@code bin/dealledger status}).
 */
@RestController
public class WorldController {

    private final WorldJournal journal;
    private final CrmRecords crm;
    private final Organizations organizations;
    private final InvoiceService invoices;

    public WorldController(WorldJournal journal, CrmRecords crm, Organizations organizations, InvoiceService invoices) {
        this.journal = journal;
        this.crm = crm;
        this.organizations = organizations;
        this.invoices = invoices;
    }

    @GetMapping("/_emulator/world")
    public Map<String, Object> world() {
        Map<String, Object> json = journal.describe();
        json.put("deals", crm.all(CrmModule.DEALS).size());
        Map<String, Object> byOrganization = new LinkedHashMap<>();
        for (BooksOrganization organization : organizations.all()) {
            byOrganization.put(organization.organizationId(), invoices.all(organization.organizationId()).size());
        }
        json.put("invoices", byOrganization);
        return json;
    }
}
