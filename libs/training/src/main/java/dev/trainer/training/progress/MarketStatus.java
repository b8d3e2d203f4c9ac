package dev.trainer.training.progress;

import java.util.Set;

/**
 * One market (exchange x pair x timeframe) of a job: waiting for its cleaned series, optimizing its windows,
 * finalising (every window tested, its outcome being computed outside any consumer), then completed or failed. A
 * market can fail from any unfinished state (no data, refused, a step that keeps failing, the job stopped).
 */
public enum MarketStatus implements Progression<MarketStatus> {
    WAITING, OPTIMIZING, FINALISING, COMPLETED, FAILED;

    @Override
    public Set<MarketStatus> next() {
        return switch (this) {
            case WAITING -> Set.of(OPTIMIZING, FAILED);
            case OPTIMIZING -> Set.of(FINALISING, FAILED);
            case FINALISING -> Set.of(COMPLETED, FAILED);
            case COMPLETED, FAILED -> Set.of();
        };
    }
}
