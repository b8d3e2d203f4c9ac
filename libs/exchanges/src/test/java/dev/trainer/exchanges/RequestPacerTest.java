package dev.trainer.exchanges;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainer.exchanges.testing.FakeTime;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RequestPacerTest {

    @Test
    void requestsStartOneIntervalApartAndAHoldDelaysTheNext() throws Exception {
        FakeTime time = new FakeTime(Instant.parse("2024-01-01T00:00:00Z"));
        RequestPacer pacer = new RequestPacer(2, time, time);
        pacer.acquire();
        pacer.acquire();
        pacer.acquire();
        pacer.holdFor(3_000);
        pacer.acquire();
        assertEquals(List.of(500L, 500L, 3_000L), time.sleepsMs());
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        FakeTime time = new FakeTime(Instant.parse("2024-01-01T00:00:00Z"));
        assertEquals(OptionalLong.of(120), ExchangeFailure.parseRetryAfter("120", time));
        assertEquals(OptionalLong.of(90), ExchangeFailure.parseRetryAfter("Mon, 01 Jan 2024 00:01:30 GMT", time));
        assertEquals(OptionalLong.empty(), ExchangeFailure.parseRetryAfter("soon", time));
    }
}
