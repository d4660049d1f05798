package io.dealledger.emulator.json;

/** A request body that is not the JSON object Zoho expects; each API family answers it in its own error shape. */
public class MalformedBodyException extends RuntimeException {

    public MalformedBodyException(String message) {
        super(message);
    }
}
