package io.dealledger.ledger.reconciliation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.dealledger.events.DealInvoice;
import io.dealledger.events.DealLedger;
import io.dealledger.ledger.deal.DealState;
import io.dealledger.ledger.projection.DealLedgerMapper;
import io.dealledger.ledger.projection.LedgerTopology;
import io.dealledger.ledger.query.LedgerStores;
import io.dealledger.ledger.writeback.CrmDealFields;
import io.dealledger.ledger.writeback.CrmRecordWriter;
import io.dealledger.zoho.books.BooksClient;
import io.dealledger.zoho.crm.CrmClient;
import io.dealledger.zoho.crm.CrmRecord;
import io.dealledger.zoho.crm.CrmWriteResult;
import io.dealledger.zoho.http.ZohoApiException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One reconciliation run over every deal this instance owns: each deal's ledger against Books (per linked invoice,
 * total and balance by {@code getInvoice}) and against its CRM Deal fields ({@code getRecord}); optionally rewrites
 * the CRM fields that drifted. The run's mismatch counts are the gauge {@code dealledger.reconciliation.mismatches}.
 */
public class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final LedgerStores stores;
    private final BooksClient books;
    private final CrmClient crm;
    private final CrmDealFields fields;
    private final CrmRecordWriter writer;
    private final ReconciliationProperties properties;
    private final Clock clock;
    private final AtomicLong booksMismatches = new AtomicLong();
    private final AtomicLong crmMismatches = new AtomicLong();

    public Reconciler(LedgerStores stores, BooksClient books, CrmClient crm, CrmDealFields fields, CrmRecordWriter writer,
                      ReconciliationProperties properties, Clock clock, MeterRegistry registry) {
        this.stores = stores;
        this.books = books;
        this.crm = crm;
        this.fields = fields;
        this.writer = writer;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("dealledger.reconciliation.mismatches", booksMismatches, AtomicLong::get).tag("source", "books")
                .description("Differences found by the last reconciliation run").register(registry);
        Gauge.builder("dealledger.reconciliation.mismatches", crmMismatches, AtomicLong::get).tag("source", "crm")
                .description("Differences found by the last reconciliation run").register(registry);
    }

    /** Runs once, writes the report files, and answers the report. */
    public ReconciliationReport run(boolean rewrite) {
        Instant started = clock.instant();
        List<DealLedger> ledgers = stores.<DealState>allLocal(LedgerTopology.DEAL_STORE).stream()
                .filter(state -> state.emitted() != null)
                .map(state -> DealLedgerMapper.toEvent(state.emitted(), state.version(), started)).toList();
        log.info("reconciliation=started deals={} rewrite={}", ledgers.size(), rewrite);
        Map<String, DealComparison.BooksInvoice> invoices = booksInvoices(ledgers);
        List<Difference> differences = new ArrayList<>();
        Map<String, Map<String, Object>> drifted = new LinkedHashMap<>();
        for (DealLedger ledger : ledgers) {
            differences.addAll(DealComparison.withBooks(ledger, invoicesOf(ledger, invoices)));
            List<Difference> crmDifferences = DealComparison.withCrm(ledger, fields,
                    crm.getRecord("Deals", ledger.getDealId()).blockOptional(Duration.ofMinutes(1)).orElse(null));
            Map<String, Object> rewrites = DealComparison.drifted(ledger, fields, crmDifferences);
            if (!rewrites.isEmpty()) {
                drifted.put(ledger.getDealId(), rewrites);
            }
            differences.addAll(crmDifferences);
        }
        int rewritten = rewrite && !drifted.isEmpty() ? rewrite(drifted, differences) : 0;
        long books = differences.stream().filter(d -> Difference.BOOKS.equals(d.source())).count();
        long crmCount = differences.size() - books;
        booksMismatches.set(books);
        crmMismatches.set(crmCount);
        ReconciliationReport report = new ReconciliationReport("reconciliation-" + FILE_TIME.format(started), started,
                clock.instant(), rewrite, ledgers.size(), invoices.size(),
                Map.of(Difference.BOOKS, books, Difference.CRM, crmCount), rewritten, differences);
        List<Path> files = report.writeTo(properties.reportDir());
        log.info("reconciliation=finished deals={} invoices={} books_mismatches={} crm_mismatches={} rewritten={} report={}",
                ledgers.size(), invoices.size(), books, crmCount, rewritten, files.get(0));
        return report;
    }

    /**
     * Every linked invoice as Books answers it. An invoice Books refuses to show (an organization these credentials
     * cannot read, say) is reported for that invoice rather than ending the whole run.
     */
    private Map<String, DealComparison.BooksInvoice> booksInvoices(List<DealLedger> ledgers) {
        return Flux.fromIterable(ledgers).flatMapIterable(DealLedger::getInvoices)
                .flatMap(line -> books.getInvoice(line.getOrganizationId(), line.getInvoiceId())
                        .map(DealComparison.BooksInvoice::found)
                        .onErrorResume(ZohoApiException.class, e -> Mono.just(e.notFound()
                                ? DealComparison.BooksInvoice.MISSING : unreadable(line, e)))
                        .defaultIfEmpty(DealComparison.BooksInvoice.MISSING)
                        .map(found -> Map.entry(key(line), found)), properties.booksConcurrency())
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .block(Duration.ofHours(1));
    }

    private static DealComparison.BooksInvoice unreadable(DealInvoice line, ZohoApiException failure) {
        log.warn("reconciliation=books-unreadable org={} invoice={} code={} reason=\"{}\"", line.getOrganizationId(),
                line.getInvoiceId(), failure.code(), failure.getMessage());
        return DealComparison.BooksInvoice.unreadable(failure.getMessage());
    }

    private static Map<String, DealComparison.BooksInvoice> invoicesOf(DealLedger ledger,
                                                                     Map<String, DealComparison.BooksInvoice> all) {
        Map<String, DealComparison.BooksInvoice> mine = new LinkedHashMap<>();
        ledger.getInvoices().forEach(line -> mine.put(line.getInvoiceId(),
                all.getOrDefault(key(line), DealComparison.BooksInvoice.MISSING)));
        return mine;
    }

    private int rewrite(Map<String, Map<String, Object>> drifted, List<Difference> differences) {
        List<CrmWriteResult> results = writer.rewrite(drifted);
        List<String> deals = new ArrayList<>(drifted.keySet());
        int rewritten = 0;
        for (int i = 0; i < results.size(); i++) {
            String dealId = deals.get(i);
            if (!results.get(i).success()) {
                log.warn("reconciliation=rewrite-refused deal={} code={} field={}", dealId, results.get(i).code(),
                        results.get(i).field());
                continue;
            }
            rewritten++;
            differences.replaceAll(d -> d.dealId().equals(dealId) && drifted.get(dealId).containsKey(d.field())
                    && Difference.CRM.equals(d.source()) ? d.asRewritten() : d);
        }
        return rewritten;
    }

    private static String key(DealInvoice line) {
        return line.getOrganizationId() + ":" + line.getInvoiceId();
    }
}
