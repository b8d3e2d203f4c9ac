package dev.trainer.configregistry.lifecycle;

/** A manual transition the stage rules do not allow; the REST API answers it with 409. */
public class StageTransitionRefused extends RuntimeException {

    public StageTransitionRefused(String message) {
        super(message);
    }
}
