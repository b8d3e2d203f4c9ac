package dev.trainer.training.progress;

import java.util.Locale;
import java.util.Set;

/**
 * A state of the job -> market -> window progression, stored by its lower-case {@link #dbValue()} (the plan's
 * training_jobs values). Every move goes through {@link #mustBecome}, so a move the progression does not allow is an
 * error at the place that attempts it, not a row that silently says something impossible.
 */
public interface Progression<S extends Enum<S> & Progression<S>> {

    /** The states this one may move to. */
    Set<S> next();

    /** No move leaves it. */
    default boolean finished() {
        return next().isEmpty();
    }

    @SuppressWarnings("unchecked")
    default S mustBecome(S target) {
        if (!next().contains(target)) {
            throw new IllegalStateException(getClass().getSimpleName() + " " + this + " cannot become " + target
                    + "; it can become " + next());
        }
        return target;
    }

    default String dbValue() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    static <S extends Enum<S> & Progression<S>> S fromDb(Class<S> type, String value) {
        for (S s : type.getEnumConstants()) {
            if (s.dbValue().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no " + type.getSimpleName() + " '" + value + "'");
    }
}
