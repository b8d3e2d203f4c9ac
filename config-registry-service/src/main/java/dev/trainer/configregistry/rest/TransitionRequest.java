package dev.trainer.configregistry.rest;

import dev.trainer.support.FieldProblem;
import dev.trainer.support.RequestParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a promote, demote or retire.
 *
 * @param reason why, in words for the audit trail; required
 * @param actor  who decides (a user name); required, since the registry has no login to take it from
 */
public record TransitionRequest(String reason, String actor) {

    static final int MAX_REASON_CHARS = 2000;
    static final int MAX_ACTOR_CHARS = 100;

    static List<FieldProblem> problems(TransitionRequest body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null) {
            problems.add(new FieldProblem("body", "a JSON object with reason and actor is required"));
            return problems;
        }
        // a reason may run over lines; an actor is a name
        RequestParameters.text("reason", body.reason(), MAX_REASON_CHARS, true, problems);
        RequestParameters.text("actor", body.actor(), MAX_ACTOR_CHARS, false, problems);
        return problems;
    }
}
