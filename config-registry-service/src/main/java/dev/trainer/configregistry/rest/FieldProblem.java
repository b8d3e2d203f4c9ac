package dev.trainer.configregistry.rest;

/** One invalid query parameter or body field of a request, named as the client wrote it. */
public record FieldProblem(String field, String message) {
}
