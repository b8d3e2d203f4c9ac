package dev.trainer.training.progress;

import java.util.Set;

/**
 * A validation window of a market: searching its train slice (round after round for adaptive searches), testing the
 * winner on its test slice, done. A window does not fail by itself: its market does.
 */
public enum WindowStatus implements Progression<WindowStatus> {
    SEARCHING, TESTING, DONE;

    @Override
    public Set<WindowStatus> next() {
        return switch (this) {
            case SEARCHING -> Set.of(TESTING);
            case TESTING -> Set.of(DONE);
            case DONE -> Set.of();
        };
    }
}
