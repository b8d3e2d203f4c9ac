package dev.trainer.configregistry.service;

import dev.trainer.configregistry.lifecycle.Stage;
import dev.trainer.configregistry.lifecycle.StageTransitionRefused;
import dev.trainer.configregistry.lifecycle.TransitionAction;
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

/**
 * Changes a configuration's lifecycle stage and keeps the audit trail: the validator's assignment when the
 * configuration is stored, then every manual promote, demote and retire, each with its actor and reason.
 */
@ApplicationScoped
public class LifecycleTransitions {

    /** The actor of the automatic assignment: the stage comes from validation-service's rules. */
    public static final String VALIDATOR = "validation-service";

    private final TrainedConfigurationRepository configurations;
    private final LifecycleTransitionRepository transitions;

    public LifecycleTransitions(TrainedConfigurationRepository configurations, LifecycleTransitionRepository transitions) {
        this.configurations = configurations;
        this.transitions = transitions;
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
     * stage does not allow it. The configuration's stage reasons become this transition's.
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
            throw new StageTransitionRefused("configuration " + configId + ": " + e.getMessage());
        }
        config.lifecycleStage = to.name();
        config.stageReasons = List.of(action.pastTense() + " from " + from + " to " + to + " by " + actor + ": " + reason);
        append(configId, from.name(), to.name(), action, reason, actor, Instant.now());
        return found;
    }

    /** Oldest first; empty if there is no such configuration. */
    @Transactional
    public Optional<List<LifecycleTransition>> history(String configId) {
        if (configurations.findByIdOptional(configId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(transitions.history(configId));
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
