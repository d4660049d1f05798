package io.dealledger.emulator.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import io.dealledger.emulator.clock.EmulatorClock;
import io.dealledger.emulator.config.EmulatorProperties;
import io.dealledger.emulator.json.JsonBodies;
import io.dealledger.emulator.json.JsonBody;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The emulator's world across restarts (issue 23). The emulator is deterministic: its ids and document numbers come
 * from counters, its times from {@link EmulatorClock}. So the world is the seed plus every write that changed it, in
 * order, each at its instant. Each such write is appended to {@code <dir>/journal.jsonl} before it runs, one at a time,
 * with "now" held at the instant written down; at start the journal is played again ({@link WorldReplay}) before any
 * other call is answered. A restart, or a kill -9, therefore keeps every record, and never hands out an id twice: a
 * write cut short by the kill is in the journal and runs again with the same ids.
 *
 * <p>The journal's first line names when the world began and whether it was seeded. A kept world is not reset
 * ({@code POST /_emulator/reset} answers 409): it belongs with the broker's facts, and is cleared with them. Test knobs (faults, limits, OAuth grants) are not part of the world and start from the
 * configuration. Without {@code zoho-emulator.world.dir} nothing is written and a restart starts from the seed.
 */
@Component
public class WorldJournal {

    /** Marks the emulator's own replayed calls: they pass Zoho's gate and are not journaled again. */
    public static final String REPLAY_HEADER = "X-Emulator-Replay";
    static final String FILE = "journal.jsonl";
    private static final long SLOW_WRITE_MILLIS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(WorldJournal.class);

    /** A write as it reached the endpoints: the body is kept as bytes (base64 in the file). */
    public record Entry(Instant at, String method, String uri, Map<String, List<String>> headers, byte[] body) {
    }

    /** What the journal held at start: when the world began, whether it was seeded, and its writes. */
    public record Restored(Instant startedAt, boolean seeded, List<Entry> writes, boolean carriedOver) {
    }

    private final Path file;
    private final EmulatorClock clock;
    private final String replayToken = UUID.randomUUID().toString();
    /** The one thread every write of the world runs on, in the order they came. */
    private final Scheduler writer = Schedulers.newSingle("world-writes", true);
    private volatile boolean replaying;
    private volatile Restored restored;
    private long written;

    public WorldJournal(EmulatorProperties properties, EmulatorClock clock) {
        EmulatorProperties.World world = properties.world();
        this.file = world.persisted() ? Path.of(world.dir()).resolve(FILE) : null;
        this.clock = clock;
        // from the first moment: nothing is answered from a world that is not restored yet
        this.replaying = file != null && Files.exists(file);
    }

    public boolean persisted() {
        return file != null;
    }

    public Path file() {
        return file;
    }

    /** Reads the journal (dropping a last line a kill cut short), or begins one; called once, at start. */
    public synchronized Restored open(boolean seedByDefault) {
        Instant now = clock.now();
        if (file == null) {
            restored = new Restored(now, seedByDefault, List.of(), false);
            return restored;
        }
        try {
            Files.createDirectories(file.getParent());
            List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            JsonBody header = lines.isEmpty() ? null : parse(lines.get(0));
            if (header == null || header.string("started_at") == null) {
                begin(now, seedByDefault);
                restored = new Restored(now, seedByDefault, List.of(), false);
                return restored;
            }
            List<Entry> writes = new ArrayList<>();
            List<String> kept = new ArrayList<>(List.of(lines.get(0)));
            for (String line : lines.subList(1, lines.size())) {
                JsonBody entry = parse(line);
                if (entry == null) {
                    log.warn("world journal {}: dropping a line cut short ({} bytes)", file, line.length());
                    break;
                }
                writes.add(entry(entry));
                kept.add(line);
            }
            if (kept.size() < lines.size()) {
                Files.write(file, (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            written = writes.size();
            restored = new Restored(Instant.parse(header.string("started_at")), header.bool("seeded", true), writes, true);
            return restored;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the world journal " + file, e);
        }
    }

    /**
     * Runs a write of the world: appended to the journal, then run with "now" held at the instant the journal names,
     * on the one thread that runs every write, so the journal's order is the order the writes changed the world in.
     * The endpoints are synchronous, so a write has changed the world when its subscription returns (its answer is
     * then sent by the server's own threads). A write its caller gave up on before its turn is neither run nor
     * journaled; nothing is held across the wait, so a caller leaving can never stop the writes after it.
     */
    public Mono<Void> write(String method, String uri, Map<String, List<String>> headers, byte[] body,
            Supplier<Mono<Void>> run) {
        return Mono.<Void>create(sink -> {
            long start = System.nanoTime();
            Instant at = clock.now();
            append(new Entry(at, method, uri, headers, body));
            clock.pin(at);
            try {
                sink.onCancel(run.get().subscribe(null, sink::error, sink::success));
            } finally {
                clock.unpin();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis > SLOW_WRITE_MILLIS) {
                // every other write waited meanwhile
                log.warn("world=slow_write method={} uri={} millis={}", method, uri, millis);
            }
        }).subscribeOn(writer);
    }

    public boolean replaying() {
        return replaying;
    }

    void replayed() {
        replaying = false;
    }

    String replayToken() {
        return replayToken;
    }

    public boolean isReplay(ServerHttpRequest request) {
        return replaying && replayToken.equals(request.getHeaders().getFirst(REPLAY_HEADER));
    }

    /** For {@code GET /_emulator/world}: when it began, whether carried over, how many writes it holds. */
    public synchronized Map<String, Object> describe() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("persisted", persisted());
        json.put("journal", file == null ? null : file.toString());
        json.put("started_at", restored == null ? null : restored.startedAt().toString());
        json.put("seeded", restored == null || restored.seeded());
        json.put("carried_over", restored != null && restored.carriedOver() && !restored.writes().isEmpty());
        json.put("replayed_writes", restored == null ? 0 : restored.writes().size());
        json.put("writes", written);
        return json;
    }

    private synchronized void append(Entry entry) {
        if (file == null) {
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", entry.at().toString());
        json.put("method", entry.method());
        json.put("uri", entry.uri());
        json.put("headers", entry.headers());
        json.put("body", Base64.getEncoder().encodeToString(entry.body()));
        writeLine(JsonBodies.write(json), StandardOpenOption.APPEND);
        written++;
    }

    private void begin(Instant now, boolean seeded) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("started_at", now.toString());
        header.put("seeded", seeded);
        header.put("format", "one write per line: at, method, uri, headers, body (base64)");
        writeLine(JsonBodies.write(header), StandardOpenOption.TRUNCATE_EXISTING);
        written = 0;
    }

    private void writeLine(String line, StandardOpenOption mode) {
        // one write call per line: a kill leaves whole lines, or a last one cut short that open() drops
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the world journal " + file, e);
        }
    }

    private static JsonBody parse(String line) {
        try {
            return line.isBlank() ? null : JsonBodies.parse(line);
        } catch (RuntimeException cutShort) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Entry entry(JsonBody json) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Object raw = json.raw("headers");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((name, values) -> headers.put(name.toString(), (List<String>) values));
        }
        return new Entry(Instant.parse(json.string("at")), json.string("method"), json.string("uri"), headers,
                Base64.getDecoder().decode(json.string("body", "")));
    }
}
