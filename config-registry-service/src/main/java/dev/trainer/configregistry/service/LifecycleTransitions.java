package dev.trainer.configregistry.service;

import dev.trainer.configregistry.lifecycle.PausedTransitionRefused;
import dev.trainer.configregistry.lifecycle.Stage;
import dev.trainer.configregistry.lifecycle.StageTransitionRefused;
import dev.trainer.configregistry.lifecycle.TransitionAction;
import dev.trainer.configregistry.repository.BreakerPauseRepository;
import dev.trainer.configregistry.repository.LifecycleTransition;
import dev.trainer.configregistry.repository.LifecycleTransitionRepository;
import dev.trainer.configregistry.repository.TrainedConfiguration;
import dev.trainer.configregistry.repository.TrainedConfigurationRepository;
import dev.trainer.contracts.events.ConfigTrained;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Changes a configuration's lifecycle stage and keeps the audit trail: the validator's assignment when the
 * configuration is stored, then every manual promote, demote and retire, and every pause and resume by the circuit
 * breakers, each with its actor and reason.
 */
@ApplicationScoped
public class LifecycleTransitions {

    /** The actor of the automatic assignment: the stage comes from validation-service's rules. */
    public static final String VALIDATOR = "validation-service";

    /** The actor of pauses and resumes: the stage follows circuit-breaker-service's events on breaker.events. */
    public static final String CIRCUIT_BREAKERS = "circuit-breaker-service";

    private final TrainedConfigurationRepository configurations;
    private final LifecycleTransitionRepository transitions;
    private final BreakerPauseRepository pauses;

    public LifecycleTransitions(TrainedConfigurationRepository configurations, LifecycleTransitionRepository transitions,
            BreakerPauseRepository pauses) {
        this.configurations = configurations;
        this.transitions = transitions;
        this.pauses = pauses;
    }

    /** The first row of a newly stored configuration's history, in the transaction that stores it. */
    @Transactional(TxType.MANDATORY)
    public void recordAssignment(ConfigTrained config) {
        List<String> reasons = config.stageReasons() == null ? List.of() : config.stageReasons();
        String why = reasons.isEmpty() ? "no reasons given" : String.join("; ", reasons);
        append(config.configId(), null, config.lifecycleStage(), TransitionAction.ASSIGN,
                "assigned by the validator: " + why, VALIDATOR, config.occurredAt());
    }

    /**
     * Applies a manual transition: empty if there is no such configuration, StageTransitionRefused if its current
     * stage does not allow it (PausedTransitionRefused, naming the breakers holding it, if it is PAUSED). The
     * configuration's stage reasons become this transition's.
     */
    @Transactional
    public Optional<TrainedConfiguration> apply(String configId, TransitionAction action, String reason, String actor) {
        Optional<TrainedConfiguration> found = configurations.findForUpdate(configId);
        if (found.isEmpty()) {
            return found;
        }
        TrainedConfiguration config = found.get();
        Stage from = Stage.parse(config.lifecycleStage);
        Stage to;
        try {
            to = action.apply(from);
        } catch (StageTransitionRefused e) {
            String message = "configuration " + configId + ": " + e.getMessage();
            if (from == Stage.PAUSED) {
                List<PausedTransitionRefused.Holder> pausedBy = pauses.of(configId).stream()
                        .map(p -> new PausedTransitionRefused.Holder(p.breaker, p.scope)).toList();
                throw new PausedTransitionRefused(message + "; held by " + pausedBy.stream()
                        .map(h -> h.breaker() + " for scope " + h.scope()).collect(Collectors.joining(", ")), pausedBy);
            }
            throw new StageTransitionRefused(message);
        }
        // a retired configuration is not resumed when its pauses are lifted: it forgets the stage it was paused from
        config.pausedFromStage = null;
        change(config, from, to, action, reason, actor, Instant.now());
        return found;
    }

    /**
     * A tripped circuit breaker pauses the configuration, which remembers its stage to go back to. Its row must be
     * locked (findForUpdate) and its stage neither PAUSED nor RETIRED.
     */
    @Transactional(TxType.MANDATORY)
    public void pause(TrainedConfiguration config, String reason, Instant at) {
        Stage from = Stage.parse(config.lifecycleStage);
        if (from == Stage.PAUSED || from == Stage.RETIRED) {
            throw new IllegalStateException("configuration " + config.configId + " is " + from + ": it is not paused");
        }
        config.pausedFromStage = from.name();
        change(config, from, Stage.PAUSED, TransitionAction.PAUSE, reason, CIRCUIT_BREAKERS, at);
    }

    /** No tripped breaker covers the PAUSED configuration any more: back to the stage it was paused from. */
    @Transactional(TxType.MANDATORY)
    public void resume(TrainedConfiguration config, String reason, Instant at) {
        if (Stage.parse(config.lifecycleStage) != Stage.PAUSED) {
            throw new IllegalStateException("configuration " + config.configId + " is " + config.lifecycleStage
                    + ", not PAUSED: nothing to resume");
        }
        Stage to = Stage.parse(config.pausedFromStage);
        config.pausedFromStage = null;
        change(config, Stage.PAUSED, to, TransitionAction.RESUME, reason, CIRCUIT_BREAKERS, at);
    }

    /** Oldest first; empty if there is no such configuration. */
    @Transactional
    public Optional<List<LifecycleTransition>> history(String configId) {
        if (configurations.findByIdOptional(configId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(transitions.history(configId));
    }

    private void change(TrainedConfiguration config, Stage from, Stage to, TransitionAction action, String reason,
            String actor, Instant at) {
        config.lifecycleStage = to.name();
        config.stageReasons = List.of(action.pastTense() + " from " + from + " to " + to + " by " + actor + ": " + reason);
        append(config.configId, from.name(), to.name(), action, reason, actor, at);
    }

    private void append(String configId, String from, String to, TransitionAction action, String reason, String actor,
            Instant at) {
        LifecycleTransition row = new LifecycleTransition();
        row.configId = configId;
        row.fromStage = from;
        row.toStage = to;
        row.action = action.code();
        row.reason = reason;
        row.actor = actor;
        row.at = at;
        transitions.persist(row);
    }
}
