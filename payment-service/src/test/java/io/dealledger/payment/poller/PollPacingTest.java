package io.dealledger.payment.poller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The poller's pace: the configured interval, unless this service's share of the day would run out first. */
class PollPacingTest {

    static final Duration DEFAULT = Duration.ofSeconds(288);

    @Test
    void aPlanWithRoomForItPollsAtTheConfiguredInterval() {
        // Professional: 5000 a day, payment-service's share 1500; 300 passes a day fit
        assertThat(BooksPoller.interval(DEFAULT, 1500, Duration.ofHours(24))).isEqualTo(DEFAULT);
    }

    @Test
    void aSmallPlansShareIsSpreadOverWhatIsLeftOfTheDay() {
        // Free: 1000 a day, share 300, of which 100 are left at 16:00
        assertThat(BooksPoller.interval(DEFAULT, 100, Duration.ofHours(8))).isEqualTo(Duration.ofSeconds(288));
        assertThat(BooksPoller.interval(DEFAULT, 50, Duration.ofHours(8))).isEqualTo(Duration.ofSeconds(576));
    }

    @Test
    void aSpentShareWaitsForMidnight() {
        assertThat(BooksPoller.interval(DEFAULT, 0, Duration.ofMinutes(42))).isEqualTo(Duration.ofMinutes(42));
    }
}
