package dev.trainer.exchanges.testing;

import dev.trainer.exchanges.Sleeper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when something sleeps on it, and remembers every sleep. */
public final class FakeTime extends Clock implements Sleeper {

    private long nowMs;
    private final List<Long> sleepsMs = new ArrayList<>();

    public FakeTime(Instant start) {
        this.nowMs = start.toEpochMilli();
    }

    @Override
    public synchronized void sleep(long millis) {
        sleepsMs.add(millis);
        nowMs += millis;
    }

    public synchronized List<Long> sleepsMs() {
        return List.copyOf(sleepsMs);
    }

    public synchronized long sleptMs() {
        return sleepsMs.stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public synchronized long millis() {
        return nowMs;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a fake clock stays in UTC");
    }
}
