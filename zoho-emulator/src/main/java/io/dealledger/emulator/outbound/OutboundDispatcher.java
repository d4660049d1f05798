package io.dealledger.emulator.outbound;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.dealledger.emulator.clock.EmulatorClock;
import io.dealledger.emulator.faults.FaultRegistry;
import io.dealledger.emulator.faults.FaultSettings;
import io.dealledger.emulator.reset.Resettable;

/**
 * Sends webhooks and notifications asynchronously, after the change that caused them is saved, once
 * each (no retries: Books' retry semantics are unconfirmed and drops are what clients must survive).
 * Webhook faults decide per message: drop, deliver twice, deliver late, or hold it until the next
 * message of the same scope has gone (reorder).
 */
@Component
public class OutboundDispatcher implements Resettable, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboundDispatcher.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "emulator-outbound");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Held> held = new HashMap<>();
    private final FaultRegistry faults;
    private final DeliveryLog deliveries;
    private final EmulatorClock clock;
    private final io.dealledger.emulator.world.WorldJournal world;

    public OutboundDispatcher(FaultRegistry faults, DeliveryLog deliveries, EmulatorClock clock,
            io.dealledger.emulator.world.WorldJournal world) {
        this.world = world;
        this.faults = faults;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public void send(OutboundMessage message) {
        if (world.replaying()) {
            // restoring the world at start: these were delivered the first time
            return;
        }
        FaultSettings fault = faults.forScopes(message.faultScope(), message.kind().startsWith("crm") ? "crm" : "books");
        // each scope's webhooks roll from their own source: the faults a scenario meets do not vary with timing
        String stream = "webhooks:" + message.faultScope();
        if (faults.roll(stream, fault.webhookDropProbability())) {
            deliveries.add(message, now(), false, false, false).finish(Delivery.Outcome.DROPPED, null, null, null);
            log.info("outbound=dropped kind={} org={} event={}", message.kind(), message.organizationId(), message.event());
            return;
        }
        boolean duplicate = faults.roll(stream, fault.webhookDuplicateProbability());
        boolean delayed = faults.roll(stream, fault.webhookDelayProbability());
        Held previouslyHeld;
        synchronized (held) {
            if (!held.containsKey(message.faultScope()) && faults.roll(stream, fault.webhookReorderProbability())) {
                Delivery delivery = deliveries.add(message, now(), false, false, true);
                delivery.mark(Delivery.Outcome.HELD);
                Held hold = new Held(delivery);
                held.put(message.faultScope(), hold);
                // nothing may follow: send it anyway after the delay so a hold is never a silent drop
                scheduler.schedule(() -> release(message.faultScope(), hold), fault.webhookDelayMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            previouslyHeld = held.remove(message.faultScope());
        }
        Delivery first = deliveries.add(message, now(), false, delayed, false);
        long delay = delayed ? fault.webhookDelayMillis() : 0;
        scheduler.schedule(() -> post(first).whenComplete((status, error) -> {
            if (duplicate) {
                post(deliveries.add(message, now(), true, delayed, false));
            }
            if (previouslyHeld != null) {
                post(previouslyHeld.delivery());
            }
        }), delay, TimeUnit.MILLISECONDS);
    }

    private void release(String scope, Held hold) {
        synchronized (held) {
            if (held.get(scope) != hold) {
                return;
            }
            held.remove(scope);
        }
        post(hold.delivery());
    }

    private CompletableFuture<Integer> post(Delivery delivery) {
        OutboundMessage message = delivery.message();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(message.url()))
                    .timeout(Duration.ofSeconds(10))
                    .method(message.method(), HttpRequest.BodyPublishers.ofString(message.body()));
            if (message.headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                request.header("Content-Type", "application/json;charset=UTF-8"); // a CRM form webhook says its own
            }
            message.headers().forEach(request::header);
            return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> {
                        if (error != null) {
                            delivery.finish(Delivery.Outcome.FAILED, null, error.toString(), now());
                            log.info("outbound=failed kind={} org={} event={} error={}", message.kind(), message.organizationId(),
                                    message.event(), error.getClass().getSimpleName());
                            return null;
                        }
                        int status = response.statusCode();
                        delivery.finish(status / 100 == 2 ? Delivery.Outcome.DELIVERED : Delivery.Outcome.REJECTED, status, null, now());
                        log.info("outbound=sent kind={} org={} event={} status={}", message.kind(), message.organizationId(),
                                message.event(), status);
                        return status;
                    });
        } catch (RuntimeException e) {
            delivery.finish(Delivery.Outcome.FAILED, null, e.toString(), now());
            return CompletableFuture.completedFuture(null);
        }
    }

    private String now() {
        return clock.now().toString();
    }

    @Override
    public void reset() {
        synchronized (held) {
            held.clear();
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }

    private record Held(Delivery delivery) {
    }
}
