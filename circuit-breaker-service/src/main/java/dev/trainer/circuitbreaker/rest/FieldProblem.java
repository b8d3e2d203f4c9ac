package dev.trainer.circuitbreaker.rest;

/** One invalid path segment, query parameter or body field of a request, named as the client wrote it. */
public record FieldProblem(String field, String message) {
}
