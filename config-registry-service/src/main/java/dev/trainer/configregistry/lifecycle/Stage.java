package dev.trainer.configregistry.lifecycle;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The lifecycle stages the registry knows and the rules of its manual transitions, in one place: a new stage is a
 * constant here plus a migration that replaces the {@code lifecycle_stage_name} domain's check constraint.
 *
 * <p>The ladder is PAPER &lt; DISCOVERY &lt; VALIDATION &lt; MATURE. Promote and demote move one rung; a stage off the
 * ladder (DECAY, set by live monitoring, PAUSED, set while a tripped circuit breaker covers the configuration, and
 * RETIRED) has no rung to move from, so it can only be retired, and a retired configuration is final: a configuration
 * to trade again is trained again. A PAUSED configuration goes back to the stage it was paused from when no tripped
 * breaker covers it any more (dev.trainer.configregistry.service.BreakerPauses), never by a manual transition.
 */
public enum Stage {
    PAPER(0),
    DISCOVERY(1),
    VALIDATION(2),
    MATURE(3),
    DECAY(Stage.OFF_LADDER),
    PAUSED(Stage.OFF_LADDER),
    RETIRED(Stage.OFF_LADDER);

    private static final int OFF_LADDER = -1;

    private final int rung;

    Stage(int rung) {
        this.rung = rung;
    }

    public boolean onLadder() {
        return rung != OFF_LADDER;
    }

    /** One rung up. */
    public Stage promoted() {
        refuseOffLadder("promote");
        if (this == top()) {
            throw new StageTransitionRefused("cannot promote: " + this + " is the top of the ladder " + ladder());
        }
        return atRung(rung + 1);
    }

    /** One rung down. */
    public Stage demoted() {
        refuseOffLadder("demote");
        if (rung == 0) {
            throw new StageTransitionRefused("cannot demote: " + this + " is the bottom of the ladder " + ladder());
        }
        return atRung(rung - 1);
    }

    public Stage retired() {
        if (this == RETIRED) {
            throw new StageTransitionRefused("cannot retire: the configuration is already RETIRED");
        }
        return RETIRED;
    }

    private void refuseOffLadder(String action) {
        if (this == RETIRED) {
            throw new StageTransitionRefused("cannot " + action + ": a RETIRED configuration stays retired");
        }
        if (this == PAUSED) {
            throw new StageTransitionRefused("cannot " + action + ": the configuration is PAUSED by tripped circuit "
                    + "breakers; it can only be retired until they are reset");
        }
        if (!onLadder()) {
            throw new StageTransitionRefused("cannot " + action + ": " + this + " is not on the ladder " + ladder()
                    + "; it can only be retired");
        }
    }

    /** A stage by name, any case; IllegalArgumentException naming the known stages otherwise. */
    public static Stage parse(String name) {
        String upper = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        for (Stage s : values()) {
            if (s.name().equals(upper)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stage '" + name + "'; known: " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(Stage::name).collect(Collectors.joining(", "));
    }

    /** "PAPER < DISCOVERY < VALIDATION < MATURE". */
    public static String ladder() {
        return Arrays.stream(values()).filter(Stage::onLadder).map(Stage::name).collect(Collectors.joining(" < "));
    }

    private static Stage top() {
        return Arrays.stream(values()).filter(Stage::onLadder).reduce((a, b) -> a.rung > b.rung ? a : b).orElseThrow();
    }

    private static Stage atRung(int rung) {
        return Arrays.stream(values()).filter(s -> s.rung == rung).findFirst().orElseThrow();
    }
}
