package dev.trainer.support;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One invalid path segment, query parameter or body field of a request, named as the client wrote it ({@link ProblemJson#invalid}). */
@RegisterForReflection
public record FieldProblem(String field, String message) {
}
