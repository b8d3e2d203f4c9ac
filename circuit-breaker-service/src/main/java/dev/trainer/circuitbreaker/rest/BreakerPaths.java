package dev.trainer.circuitbreaker.rest;

import dev.trainer.circuitbreaker.service.Breaker;
import dev.trainer.circuitbreaker.service.Scope;
import dev.trainer.support.FieldProblem;
import jakarta.ws.rs.NotFoundException;
import java.util.List;

/** Reading the breaker and scope a request names, with the problem to answer when they are wrong. */
final class BreakerPaths {

    private BreakerPaths() {
    }

    /** A breaker named in the path: 404 when there is none of that name. */
    static Breaker breakerInPath(String name) {
        try {
            return Breaker.of(name);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    /** A breaker named in a query parameter (null when absent); a problem when there is none of that name. */
    static Breaker breakerFilter(String name, List<FieldProblem> problems) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Breaker.of(name.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("breaker", e.getMessage()));
            return null;
        }
    }

    /** A scope; with {@code breaker} non-null it must also be of the breaker's kind. Null after a problem. */
    static Scope scope(String text, Breaker breaker, List<FieldProblem> problems) {
        Scope scope;
        try {
            scope = Scope.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("scope", e.getMessage()));
            return null;
        }
        if (breaker != null && scope.kind() != breaker.scopeKind()) {
            problems.add(new FieldProblem("scope", breaker.planName() + " watches scopes "
                    + breaker.scopeKind().pattern() + ", not '" + text + "'"));
            return null;
        }
        return scope;
    }
}
