package dev.trainer.optimizer.health;

import dev.trainer.optimizer.service.EngineWarmUp;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the engine's warm-up after start is over: the first job should not pay for the JIT. */
@Readiness
@ApplicationScoped
public class EngineWarmUpCheck implements HealthCheck {

    private final EngineWarmUp warmUp;

    public EngineWarmUpCheck(EngineWarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("engine warm-up").status(warmUp.done())
                .withData("backtests", warmUp.backtests()).build();
    }
}
