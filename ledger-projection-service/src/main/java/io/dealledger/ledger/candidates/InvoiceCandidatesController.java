package io.dealledger.ledger.candidates;

import java.util.List;
import java.util.Map;

import io.dealledger.ledger.candidates.CustomerResolution.Resolved;
import io.dealledger.ledger.candidates.CustomerResolution.Unresolved;
import io.dealledger.ledger.candidates.InvoiceCandidatesResponse.Candidate;
import io.dealledger.ledger.query.Problems;
import io.dealledger.zoho.ZohoClients;
import io.dealledger.zoho.limits.Priority;
import io.dealledger.zoho.books.BooksClient;
import io.dealledger.zoho.http.ZohoApiException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/v1/deals/{dealId}/invoice-candidates}: the Books invoices of the deal's customer not linked to
 * any deal (void ones left out), with Books' live status. 404 problem for a deal CRM does not know, 422 when the
 * deal has no account or its legal entity maps to no Books organization, 502 when Zoho fails.
 */
@RestController
@ConditionalOnProperty(prefix = "dealledger.zoho", name = "enabled", havingValue = "true")
public class InvoiceCandidatesController {

    private static final Logger log = LoggerFactory.getLogger(InvoiceCandidatesController.class);

    private final DealCustomers customers;
    private final BooksClient books;
    private final InvoiceLinks links;

    public InvoiceCandidatesController(DealCustomers customers, ZohoClients zoho, InvoiceLinks links) {
        this.customers = customers;
        this.books = zoho.books().at(Priority.LOW);
        this.links = links;
    }

    @GetMapping("/api/v1/deals/{dealId}/invoice-candidates")
    public Mono<ResponseEntity<Object>> candidates(@PathVariable String dealId) {
        return customers.resolve(dealId)
                .flatMap(resolution -> resolution instanceof Resolved customer
                        ? invoices(customer).map(ResponseEntity::ok) : Mono.just(refusal((Unresolved) resolution)))
                .onErrorResume(ZohoApiException.class, failure -> {
                    log.warn("candidates=failed deal={} reason=\"{}\"", dealId, failure.getMessage());
                    return Mono.just(Problems.badGateway(failure.getMessage()));
                });
    }

    private static ResponseEntity<Object> refusal(Unresolved unresolved) {
        return unresolved.dealUnknown() ? Problems.notFound("Deal", unresolved.reason())
                : Problems.unprocessable(unresolved.field(), unresolved.reason());
    }

    private Mono<Object> invoices(Resolved customer) {
        if (customer.customerId() == null) {
            return Mono.just(response(customer, List.of()));
        }
        return books.listInvoices(customer.organizationId(), Map.of("customer_id", customer.customerId()))
                .filter(invoice -> !"void".equals(invoice.status()))
                .publishOn(Schedulers.boundedElastic())
                .filter(invoice -> !links.linked(customer.organizationId(), invoice))
                .map(Candidate::of)
                .collectList()
                .map(candidates -> {
                    log.info("candidates=listed deal={} org={} customer={} count={}", customer.dealId(),
                            customer.organizationId(), customer.customerId(), candidates.size());
                    return response(customer, candidates);
                });
    }

    private static Object response(Resolved customer, List<Candidate> candidates) {
        return new InvoiceCandidatesResponse(customer.dealId(), customer.accountId(), customer.organizationId(),
                customer.customerId(), candidates);
    }
}
