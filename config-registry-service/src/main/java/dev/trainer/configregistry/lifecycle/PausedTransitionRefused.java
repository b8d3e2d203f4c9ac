package dev.trainer.configregistry.lifecycle;

import java.util.List;

/**
 * A promote or demote of a PAUSED configuration: refused until every tripped circuit breaker holding it is reset. The
 * REST API answers it with 409 naming those breakers and their scopes.
 */
public class PausedTransitionRefused extends StageTransitionRefused {

    /** One tripped breaker, for one scope, that holds the configuration. */
    public record Holder(String breaker, String scope) {
    }

    private final List<Holder> pausedBy;

    public PausedTransitionRefused(String message, List<Holder> pausedBy) {
        super(message);
        this.pausedBy = List.copyOf(pausedBy);
    }

    public List<Holder> pausedBy() {
        return pausedBy;
    }
}
