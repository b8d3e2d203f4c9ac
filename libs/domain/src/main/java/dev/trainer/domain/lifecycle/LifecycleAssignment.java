package dev.trainer.domain.lifecycle;

import java.util.List;

/** The stage and every reason that led to it, in words a user can act on. */
public record LifecycleAssignment(LifecycleStage stage, List<String> reasons) {
    public LifecycleAssignment {
        reasons = List.copyOf(reasons);
    }
}
