package io.dealledger.emulator.outbound;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.reset.Resettable;

/** Every outbound call and its outcome, in the order they were decided. */
@Component
public class DeliveryLog implements Resettable {

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    Delivery add(OutboundMessage message, String now, boolean duplicate, boolean delayed, boolean reordered) {
        Delivery delivery = new Delivery(sequence.incrementAndGet(), message, now, duplicate, delayed, reordered);
        deliveries.add(delivery);
        return delivery;
    }

    public List<Delivery> list(String kind, String organizationId) {
        return deliveries.stream()
                .filter(d -> kind == null || d.message().kind().equals(kind))
                .filter(d -> organizationId == null || organizationId.equals(d.message().organizationId()))
                .toList();
    }

    @Override
    public void reset() {
        deliveries.clear();
    }
}
