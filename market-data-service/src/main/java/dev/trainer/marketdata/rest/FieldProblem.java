package dev.trainer.marketdata.rest;

/** One bad field of a request, as listed in a 400 problem. */
public record FieldProblem(String field, String message) {
}
