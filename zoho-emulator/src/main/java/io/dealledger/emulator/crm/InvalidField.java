package io.dealledger.emulator.crm;

import java.util.Map;

/** A record refused during validation; becomes an error entry of the per-record answer. */
final class InvalidField extends RuntimeException {

    private final transient RecordResult result;

    InvalidField(RecordResult result) {
        super(result.message(), null, false, false);
        this.result = result;
    }

    static InvalidField invalid(String apiName, String jsonPath, Map<String, Object> extra) {
        return new InvalidField(RecordResult.error("INVALID_DATA", "invalid data", apiName, jsonPath, extra));
    }

    static InvalidField mandatory(String apiName, String jsonPath) {
        return new InvalidField(RecordResult.error("MANDATORY_NOT_FOUND", "required field not found", apiName, jsonPath, Map.of()));
    }

    RecordResult result() {
        return result;
    }
}
