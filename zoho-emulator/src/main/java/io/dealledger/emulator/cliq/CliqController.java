package io.dealledger.emulator.cliq;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dealledger.emulator.clock.EmulatorClock;
import io.dealledger.emulator.json.JsonBodies;
import io.dealledger.emulator.json.JsonBody;
import io.dealledger.emulator.json.MalformedBodyException;

/**
 * {@code POST /api/v2/channelsbyname/{name}/message} (also under {@code /company/{orgId}}): authenticated
 * by zapikey or OAuth in the gate, answers 204 with no body, as Cliq does.
 */
@RestController
public class CliqController {

    private final CliqMessages messages;
    private final EmulatorClock clock;

    public CliqController(CliqMessages messages, EmulatorClock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping({"/api/v2/channelsbyname/{channel}/message", "/company/{companyId}/api/v2/channelsbyname/{channel}/message"})
    public ResponseEntity<Map<String, Object>> post(@PathVariable String channel,
            @RequestParam(name = "zapikey", required = false) String zapikey, @RequestBody(required = false) String raw) {
        JsonBody body;
        try {
            body = JsonBodies.parse(raw);
        } catch (MalformedBodyException e) {
            return ResponseEntity.badRequest().body(Map.of("code", "input_invalid", "message", "The request body is not valid JSON."));
        }
        String text = body.string("text");
        if ((text == null || text.isBlank()) && !body.has("card") && !body.has("slides")) {
            return ResponseEntity.badRequest().body(Map.of("code", "input_invalid", "message", "Message text is empty."));
        }
        messages.add(new CliqMessages.CliqMessage(channel, text, body.asMap(), clock.now().toString(),
                zapikey != null ? "zapikey" : "oauth"));
        return ResponseEntity.noContent().build();
    }
}
