package dev.trainer.configregistry.lifecycle;

import java.util.Locale;

/**
 * What moved a configuration to a stage, as recorded in lifecycle_transitions.action: the validator's assignment
 * when it was stored, a manual transition, or the circuit breakers pausing it and letting it resume.
 */
public enum TransitionAction {
    ASSIGN,
    PROMOTE,
    DEMOTE,
    RETIRE,
    PAUSE,
    RESUME;

    /** The stage this manual action leads to from {@code current}; StageTransitionRefused if the rules forbid it. */
    public Stage apply(Stage current) {
        return switch (this) {
            case PROMOTE -> current.promoted();
            case DEMOTE -> current.demoted();
            case RETIRE -> current.retired();
            case ASSIGN -> throw new IllegalStateException("only the validator assigns a stage, when it is stored");
            case PAUSE, RESUME -> throw new IllegalStateException("only the circuit breakers pause and resume");
        };
    }

    /** "promote", as stored and as in the REST path. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TransitionAction ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** "promoted", for the stage reasons a manual transition leaves. */
    public String pastTense() {
        return switch (this) {
            case ASSIGN -> "assigned";
            case PROMOTE -> "promoted";
            case DEMOTE -> "demoted";
            case RETIRE -> "retired";
            case PAUSE -> "paused";
            case RESUME -> "resumed";
        };
    }
}
