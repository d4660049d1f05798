package io.dealledger.ledger.writeback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dealledger.ledger.writeback.PendingWrites.Write;
import io.dealledger.zoho.crm.CrmClient;
import io.dealledger.zoho.crm.CrmWriteResult;
import io.dealledger.zoho.http.ZohoApiException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records' changed fields to one CRM module (Deals, Accounts) in one update call per batch (at most 100
 * records, {@code "trigger":[]}, through the CRM client's limiter and retries) and settles each record by its own
 * result in its {@link PendingWrites}: a refused record is logged and counted and never holds back the others. A
 * deleted record is dropped; any other refusal (a locked record, a validation rule someone added in CRM, a field
 * not yet created) is retried at the back-off until CRM takes it, since the value must end up there once the cause
 * is fixed.
 */
public class CrmRecordWriter {

    private static final Logger log = LoggerFactory.getLogger(CrmRecordWriter.class);

    private final String module;
    private final CrmClient crm;
    private final PendingWrites pending;
    private final WriteBackMetrics metrics;
    private final Duration callTimeout;
    private final Clock clock;

    public CrmRecordWriter(String module, CrmClient crm, PendingWrites pending, WriteBackMetrics metrics,
                           Duration callTimeout, Clock clock) {
        this.module = module;
        this.crm = crm;
        this.pending = pending;
        this.metrics = metrics;
        this.callTimeout = callTimeout;
        this.clock = clock;
    }

    public String module() {
        return module;
    }

    /** What waits to be written to this module, and what was written last. */
    public PendingWrites pending() {
        return pending;
    }

    WriteBackMetrics metrics() {
        return metrics;
    }

    /** One CRM update call for {@code writes} (at most 100), each record settled in {@link PendingWrites}. */
    public void write(List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        List<Map<String, Object>> records = writes.stream().map(w -> record(w.recordId(), w.changed())).toList();
        List<CrmWriteResult> results;
        try {
            results = crm.updateRecords(module, records).block(callTimeout);
        } catch (RuntimeException failure) {
            metrics.call("failed");
            String code = failure instanceof ZohoApiException zoho ? zoho.code() : failure.getClass().getSimpleName();
            Instant now = clock.instant();
            for (Write write : writes) {
                boolean retry = pending.failed(write, true, now);
                metrics.record(retry ? "retrying" : "failed", code);
                log.warn("crm=write-failed module={} record={} attempt={} retry={} reason=\"{}\"", module,
                        write.recordId(), write.attempt(), retry, failure.getMessage());
            }
            return;
        }
        Instant now = clock.instant();
        int refused = 0;
        for (int i = 0; i < writes.size(); i++) {
            Write write = writes.get(i);
            CrmWriteResult result = results != null && i < results.size() ? results.get(i)
                    : new CrmWriteResult(write.recordId(), false, "NO_RESULT", "CRM answered no result", null);
            if (result.success()) {
                pending.written(write);
                metrics.record("success", null);
                metrics.latency(Duration.between(write.oldestChange(), now));
                log.info("crm=written module={} record={} fields={} attempt={}", module, write.recordId(),
                        write.changed().keySet(), write.attempt());
            } else {
                refused++;
                settleRefusal(write, result, now);
            }
        }
        metrics.call(refused == 0 ? "success" : "partial");
    }

    /**
     * Writes fields outside the write-back's flow (a reconciliation rewrite), in calls of at most 100; the
     * written values become the last written. One result per record, in the map's order.
     */
    public List<CrmWriteResult> rewrite(Map<String, Map<String, Object>> fieldsByRecord) {
        List<String> ids = new ArrayList<>(fieldsByRecord.keySet());
        List<Map<String, Object>> records = ids.stream().map(id -> record(id, fieldsByRecord.get(id))).toList();
        List<CrmWriteResult> results = crm.updateRecords(module, records).block(callTimeout);
        List<CrmWriteResult> settled = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            CrmWriteResult result = results != null && i < results.size() ? results.get(i)
                    : new CrmWriteResult(ids.get(i), false, "NO_RESULT", "CRM answered no result", null);
            metrics.record(result.success() ? "success" : "failed", result.success() ? null : result.code());
            if (result.success()) {
                pending.rewritten(ids.get(i), fieldsByRecord.get(ids.get(i)));
            }
            settled.add(result);
        }
        metrics.call(settled.stream().allMatch(CrmWriteResult::success) ? "success" : "partial");
        return settled;
    }

    private void settleRefusal(Write write, CrmWriteResult result, Instant now) {
        boolean deleted = "id".equals(result.field()) || "INVALID_DATA".equals(result.code()) && result.field() == null;
        boolean retry = pending.failed(write, !deleted, now);
        if (deleted) {
            pending.forget(write.recordId());
        }
        metrics.record(retry ? "retrying" : "failed", result.code());
        log.warn("crm=refused module={} record={} code={} field={} message=\"{}\" attempt={} retry={}", module,
                write.recordId(), result.code(), result.field(), result.message(), write.attempt(), retry);
    }

    private static Map<String, Object> record(String id, Map<String, Object> fields) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        record.putAll(fields);
        return record;
    }
}
