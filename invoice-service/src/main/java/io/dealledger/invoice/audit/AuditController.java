package io.dealledger.invoice.audit;

import java.util.Map;

import io.dealledger.invoice.books.BooksFields;
import io.dealledger.zoho.ZohoClients;
import io.dealledger.zoho.limits.Priority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/audit/organizations/{orgId}}: the org's Books items whose SKUs collide after
 * normalization and its customers that look duplicated, as JSON. Reads Books fresh (two list reads,
 * paged), never the push's caches.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final ZohoClients zoho;
    private final BooksFields fields;

    AuditController(ZohoClients zoho, BooksFields fields) {
        this.zoho = zoho;
        this.fields = fields;
    }

    @GetMapping("/organizations/{organizationId}")
    Mono<OrganizationAudit.Report> audit(@PathVariable String organizationId) {
        return Mono.zip(zoho.books().at(Priority.LOW).listItems(organizationId, Map.of()).collectList(),
                        zoho.books().at(Priority.LOW).listContacts(organizationId, Map.of()).collectList())
                .map(both -> OrganizationAudit.of(organizationId, both.getT1(), both.getT2(),
                        fields.accountIdField()));
    }
}
