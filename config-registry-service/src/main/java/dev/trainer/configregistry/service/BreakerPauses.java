package dev.trainer.configregistry.service;

import dev.trainer.configregistry.lifecycle.Stage;
import dev.trainer.configregistry.repository.BreakerPause;
import dev.trainer.configregistry.repository.BreakerPauseRepository;
import dev.trainer.configregistry.repository.TrainedConfiguration;
import dev.trainer.configregistry.repository.TrainedConfigurationRepository;
import dev.trainer.contracts.events.BreakerStateChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Keeps a configuration PAUSED while at least one tripped circuit breaker covers it. A TRIPPED event records a pause
 * for each configuration it names (kept even for a configuration not stored yet, since topics are not ordered with
 * each other) and pauses those that are neither PAUSED nor RETIRED; an ARMED event lifts the pauses of its (breaker,
 * scope) from every configuration, whichever the event names, and a PAUSED configuration left without any goes back
 * to the stage it was paused from. Every decision about one configuration holds its pause-decision lock, which the
 * storing of the configuration takes too.
 */
@ApplicationScoped
public class BreakerPauses {

    static final int MAX_BREAKER_CHARS = 64;
    static final int MAX_SCOPE_CHARS = 300;
    /** breaker_pauses.unit is varchar(100). */
    static final int MAX_UNIT_CHARS = 100;

    private final TrainedConfigurationRepository configurations;
    private final BreakerPauseRepository pauses;
    private final LifecycleTransitions lifecycle;

    public BreakerPauses(TrainedConfigurationRepository configurations, BreakerPauseRepository pauses,
            LifecycleTransitions lifecycle) {
        this.configurations = configurations;
        this.pauses = pauses;
        this.lifecycle = lifecycle;
    }

    /** Applies a breaker's change of state; IllegalArgumentException naming what is wrong with a malformed event. */
    @Transactional(TxType.MANDATORY)
    public void apply(BreakerStateChanged event) {
        check(event);
        if (BreakerStateChanged.TRIPPED.equals(event.state())) {
            trip(event);
        } else {
            arm(event);
        }
    }

    /**
     * A configuration just stored, under its pause-decision lock: tripped breakers that named it before it arrived
     * pause it at once, from the stage the validator gave it.
     */
    @Transactional(TxType.MANDATORY)
    public boolean pauseOnArrival(String configId) {
        List<BreakerPause> holding = pauses.of(configId);
        if (holding.isEmpty()) {
            return false;
        }
        TrainedConfiguration config = configurations.findForUpdate(configId).orElseThrow();
        lifecycle.pause(config, "tripped before the configuration was registered: " + holding.stream()
                .map(BreakerPauses::describe).collect(Collectors.joining(" | ")), Instant.now());
        return true;
    }

    private void trip(BreakerStateChanged event) {
        // one lock order for every transaction that takes several of these locks
        for (String configId : new TreeSet<>(configIds(event))) {
            configurations.lockPauseDecision(configId);
            BreakerPause pause = pauseOf(event, configId);
            pauses.insertIfAbsent(pause);
            Optional<TrainedConfiguration> found = configurations.findForUpdate(configId);
            if (found.isPresent() && pausable(Stage.parse(found.get().lifecycleStage))) {
                lifecycle.pause(found.get(), describe(pause), event.occurredAt());
            }
        }
    }

    private void arm(BreakerStateChanged event) {
        TreeSet<String> released = new TreeSet<>(pauses.deleteAll(event.breaker(), event.scope()));
        // a configuration the event names is looked at even without a pause row of this breaker: nothing holds it then
        released.addAll(configIds(event));
        for (String configId : released) {
            configurations.lockPauseDecision(configId);
            Optional<TrainedConfiguration> found = configurations.findForUpdate(configId);
            if (found.isPresent() && Stage.parse(found.get().lifecycleStage) == Stage.PAUSED
                    && pauses.of(configId).isEmpty()) {
                lifecycle.resume(found.get(), resetReason(event), event.occurredAt());
            }
        }
    }

    /** A retired configuration stays retired; a paused one is held by one more pause row, not paused twice. */
    private static boolean pausable(Stage stage) {
        return stage != Stage.PAUSED && stage != Stage.RETIRED;
    }

    private static BreakerPause pauseOf(BreakerStateChanged event, String configId) {
        BreakerPause pause = new BreakerPause();
        pause.configId = configId;
        pause.breaker = event.breaker();
        pause.scope = event.scope();
        pause.reason = event.reason();
        pause.measuredValue = event.measuredValue();
        pause.threshold = event.threshold();
        pause.unit = event.unit();
        pause.since = event.occurredAt();
        return pause;
    }

    /** "circuit breaker max_daily_loss tripped for scope portfolio: measured 0.0231, threshold 0.02 (unit); why". */
    static String describe(BreakerPause pause) {
        StringBuilder text = new StringBuilder("circuit breaker ").append(pause.breaker).append(" tripped for scope ")
                .append(pause.scope).append(": measured ").append(number(pause.measuredValue)).append(", threshold ")
                .append(number(pause.threshold));
        if (pause.unit != null && !pause.unit.isBlank()) {
            text.append(" (").append(pause.unit).append(')');
        }
        if (pause.reason != null && !pause.reason.isBlank()) {
            text.append("; ").append(pause.reason);
        }
        return text.toString();
    }

    /** "circuit breaker max_daily_loss reset for scope portfolio (MANUAL_RESET by alice); why; no tripped ...". */
    private static String resetReason(BreakerStateChanged event) {
        StringBuilder text = new StringBuilder("circuit breaker ").append(event.breaker()).append(" reset for scope ")
                .append(event.scope()).append(" (").append(event.cause());
        if (event.actor() != null && !event.actor().isBlank()) {
            text.append(" by ").append(event.actor());
        }
        text.append(')');
        if (event.reason() != null && !event.reason().isBlank()) {
            text.append("; ").append(event.reason());
        }
        return text.append("; no tripped breaker covers the configuration any more").toString();
    }

    private static String number(Double value) {
        return value == null ? "not given" : Double.toString(value);
    }

    private static List<String> configIds(BreakerStateChanged event) {
        return event.configIds() == null ? List.of() : event.configIds();
    }

    private static void check(BreakerStateChanged event) {
        List<String> problems = new ArrayList<>();
        text("breaker", event.breaker(), MAX_BREAKER_CHARS, problems);
        text("scope", event.scope(), MAX_SCOPE_CHARS, problems);
        if (!BreakerStateChanged.TRIPPED.equals(event.state()) && !BreakerStateChanged.ARMED.equals(event.state())) {
            problems.add("state '" + event.state() + "' is neither " + BreakerStateChanged.TRIPPED + " nor "
                    + BreakerStateChanged.ARMED);
        }
        if (event.occurredAt() == null) {
            problems.add("occurredAt is missing");
        }
        if (event.unit() != null && event.unit().length() > MAX_UNIT_CHARS) {
            problems.add("unit is longer than " + MAX_UNIT_CHARS + " characters: " + event.unit());
        }
        for (String configId : configIds(event)) {
            text("a config id", configId, TrainedConfigurationRepository.MAX_CONFIG_ID_CHARS, problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("breaker event " + event.eventId() + ": " + String.join("; ", problems));
        }
    }

    private static void text(String field, String value, int maxChars, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is missing");
        } else if (value.length() > maxChars) {
            problems.add(field + " is longer than " + maxChars + " characters: " + value);
        }
    }
}
