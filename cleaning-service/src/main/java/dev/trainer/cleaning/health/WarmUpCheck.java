package dev.trainer.cleaning.health;

import dev.trainer.cleaning.service.CleaningWarmUp;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the warm-up after start is over: the first series should not pay for it. */
@Readiness
@ApplicationScoped
public class WarmUpCheck implements HealthCheck {

    private final CleaningWarmUp warmUp;

    public WarmUpCheck(CleaningWarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up").status(warmUp.state().done()).withData("passes", warmUp.state().passes()).build();
    }
}
