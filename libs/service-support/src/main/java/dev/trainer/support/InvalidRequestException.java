package dev.trainer.support;

import java.util.List;

/**
 * A request refused for the fields it names: {@link ProblemMappers} answers it as a 400 problem+json with
 * {@code errors}, as {@link ProblemJson#invalid} does. For code that finds the problems below the resource method.
 */
public class InvalidRequestException extends RuntimeException {

    private final String title;
    private final List<FieldProblem> problems;

    public InvalidRequestException(String title, List<FieldProblem> problems) {
        super(title + ": " + problems);
        this.title = title;
        this.problems = List.copyOf(problems);
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
