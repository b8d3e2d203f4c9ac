package dev.trainer.domain.walkforward;

/**
 * One train / gap / test split of a series, as bar open times in epoch milliseconds: the train slice is
 * [trainFromMs, trainUntilMs), the test slice [testFromMs, testUntilMs); the gap between them keeps indicator
 * state and trades of the train slice from leaking into the test slice.
 */
public record ValidationWindow(int index, long trainFromMs, long trainUntilMs, long testFromMs, long testUntilMs) {

    public ValidationWindow {
        if (!(trainFromMs < trainUntilMs && trainUntilMs <= testFromMs && testFromMs < testUntilMs)) {
            throw new IllegalArgumentException("window " + index + " is not ordered train < gap < test: " + trainFromMs + ", "
                    + trainUntilMs + ", " + testFromMs + ", " + testUntilMs);
        }
    }
}
