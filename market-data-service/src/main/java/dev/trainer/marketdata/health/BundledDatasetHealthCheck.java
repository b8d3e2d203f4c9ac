package dev.trainer.marketdata.health;

import dev.trainer.marketdata.service.BundledBitstampSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The offline dataset must be on the classpath for the bitstamp-2013 source to serve anything. */
@Readiness
@ApplicationScoped
public class BundledDatasetHealthCheck implements HealthCheck {

    private final BundledBitstampSource source;

    public BundledDatasetHealthCheck(BundledBitstampSource source) {
        this.source = source;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("bundled dataset " + BundledBitstampSource.EXCHANGE).status(source.available()).build();
    }
}
