package dev.trainer.marketdata.health;

import dev.trainer.marketdata.service.MarketDataWarmUp;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the warm-up after start is over: the first training request should not pay for it. */
@Readiness
@ApplicationScoped
public class WarmUpCheck implements HealthCheck {

    private final MarketDataWarmUp warmUp;

    public WarmUpCheck(MarketDataWarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up").status(warmUp.state().done()).withData("passes", warmUp.state().passes()).build();
    }
}
