package io.dealledger.emulator.admin;

import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.dealledger.emulator.faults.FaultRegistry;
import io.dealledger.emulator.json.JsonBodies;

/**
 * Fault injection by scope ({@code global}, a Books organization id, {@code books}, {@code crm},
 * {@code cliq}, {@code oauth}): probabilities of 429 / 5xx / timeout, added latency, and webhook drop /
 * duplicate / delay / reorder. A PUT changes only the keys it names.
 */
@RestController
@RequestMapping("/_emulator/faults")
public class FaultsController {

    private final FaultRegistry faults;

    public FaultsController(FaultRegistry faults) {
        this.faults = faults;
    }

    @GetMapping
    public Map<String, Object> all() {
        return faults.toJson();
    }

    @PutMapping("/{scope}")
    public Map<String, Object> update(@PathVariable String scope, @RequestBody(required = false) String raw) {
        return faults.update(scope, JsonBodies.parse(raw)).toJson();
    }

    @DeleteMapping
    public Map<String, Object> clear() {
        faults.reset();
        return faults.toJson();
    }
}
