package dev.trainer.circuitbreaker.rest;

import dev.trainer.support.FieldProblem;
import dev.trainer.support.RequestParameters;
import java.util.List;

/**
 * The body of a manual reset.
 *
 * @param actor who decides (a user name); required, since the service has no login to take it from
 * @param note  why, for the audit trail; required
 */
public record ActorNote(String actor, String note) {

    static final int MAX_ACTOR_CHARS = 100;
    static final int MAX_NOTE_CHARS = 2000;

    static void check(String actor, String note, List<FieldProblem> problems) {
        // a note may run over lines; an actor is a name
        RequestParameters.text("actor", actor, MAX_ACTOR_CHARS, false, problems);
        RequestParameters.text("note", note, MAX_NOTE_CHARS, true, problems);
    }
}
