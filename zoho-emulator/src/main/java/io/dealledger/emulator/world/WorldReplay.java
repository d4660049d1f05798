package io.dealledger.emulator.world;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.dealledger.emulator.clock.EmulatorClock;

/**
 * Plays the journal's writes again at start, in order, each with "now" held at its instant, through the emulator's
 * own HTTP endpoints (so every write takes the path it took the first time) while every other call is answered 503
 * and no webhook leaves. Answers as the first time are not checked: a write refused then is refused again.
 */
@Component
public class WorldReplay {

    private static final Logger log = LoggerFactory.getLogger(WorldReplay.class);
    /** Set by the HTTP client itself, or meaningless on a replay. */
    private static final Set<String> NOT_REPLAYED = Set.of("host", "content-length", "connection", "upgrade",
            "expect", "transfer-encoding", "http2-settings", "te", "trailer");

    private final WorldJournal journal;
    private final EmulatorClock clock;

    public WorldReplay(WorldJournal journal, EmulatorClock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    public void play(List<WorldJournal.Entry> writes, String baseUrl) {
        if (writes.isEmpty()) {
            journal.replayed();
            return;
        }
        long start = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            for (WorldJournal.Entry write : writes) {
                clock.pin(write.at());
                try {
                    send(http, baseUrl, write);
                } finally {
                    clock.unpin();
                }
            }
        } finally {
            journal.replayed();
        }
        log.info("world restored from {}: {} writes replayed in {} ms", journal.file(), writes.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private void send(HttpClient http, String baseUrl, WorldJournal.Entry write) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + write.uri()))
                .timeout(Duration.ofSeconds(30))
                .method(write.method(), HttpRequest.BodyPublishers.ofByteArray(write.body()));
        write.headers().forEach((name, values) -> {
            if (!NOT_REPLAYED.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        request.header(WorldJournal.REPLAY_HEADER, journal.replayToken());
        try {
            http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException("cannot replay " + write.method() + " " + write.uri() + " of the world journal "
                    + journal.file() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying the world journal", e);
        }
    }
}
