package io.dealledger.ledger.reconciliation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outcome of one reconciliation run, and its two files: {@code <id>.json} (this record) and {@code <id>.csv}
 * (one line per difference: deal, source, field, ledger value, Books/CRM value, rewritten).
 */
public record ReconciliationReport(String id, Instant startedAt, Instant finishedAt, boolean rewrite, int deals,
                                   int invoices, Map<String, Long> mismatches, int rewritten,
                                   List<Difference> differences) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Writes both files into {@code folder} (created if needed); answers their paths, JSON first. */
    public List<Path> writeTo(Path folder) {
        try {
            Files.createDirectories(folder);
            Path json = folder.resolve(id + ".json");
            Path csv = folder.resolve(id + ".csv");
            JSON.writeValue(json.toFile(), this);
            StringBuilder lines = new StringBuilder("deal,source,field,ledger_value,other_value,rewritten\n");
            for (Difference d : differences) {
                lines.append(String.join(",", cell(d.dealId()), cell(d.source()), cell(d.field()), cell(d.ledgerValue()),
                        cell(d.otherValue()), Boolean.toString(d.rewritten()))).append('\n');
            }
            Files.writeString(csv, lines);
            return List.of(json, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reconciliation report to " + folder, e);
        }
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; empty for no value. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        return value.matches("(?s).*[\",\\r\\n].*") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
