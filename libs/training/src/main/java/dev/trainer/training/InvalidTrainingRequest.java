package dev.trainer.training;

import dev.trainer.contracts.events.TrainingRequested;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A training request that does not validate, read from {@code training.requests}. Thrown by a consumer before it
 * acts, so that the record goes to the consumer's dead-letter topic with this message as its reason and nothing else
 * happens (no job, no candles fetched). {@code POST /api/training/jobs} refuses such requests before publishing them.
 */
public final class InvalidTrainingRequest extends IllegalArgumentException {

    private InvalidTrainingRequest(String message) {
        super(message);
    }

    public static void refuseIfInvalid(TrainingRequested request) {
        if (request == null) {
            throw new InvalidTrainingRequest("invalid training request: the record has no readable value");
        }
        List<TrainingRequestValidator.FieldProblem> problems = TrainingRequestValidator.problems(request);
        if (!problems.isEmpty()) {
            throw new InvalidTrainingRequest("invalid training request " + request.jobId() + ": " + problems.stream()
                    .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        }
    }
}
