package io.dealledger.ledger.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;

import reactor.core.publisher.Mono;

/** The {@code asOf} parameter of the deal and account ledger queries: a calendar date as {@code yyyy-MM-dd}. */
final class AsOfParameter {

    private AsOfParameter() {
    }

    /**
     * {@code query} for the date asked for (empty without the parameter: the ledger as it stands now), or a 400
     * problem naming {@code asOf} for a text that is no calendar date (e.g. {@code 2026-13-45}).
     */
    static Mono<ResponseEntity<Object>> answer(String asOf,
                                               Function<Optional<LocalDate>, Mono<ResponseEntity<Object>>> query) {
        Optional<LocalDate> day;
        try {
            day = asOf == null ? Optional.empty() : Optional.of(LocalDate.parse(asOf));
        } catch (DateTimeParseException notADate) {
            return Mono.just(Problems.badRequest("asOf", "must be a calendar date as yyyy-MM-dd (e.g. 2026-06-30),"
                    + " was \"" + asOf + "\""));
        }
        return query.apply(day);
    }
}
