package dev.trainer.circuitbreaker.rest;

import dev.trainer.circuitbreaker.service.BreakerDefaults;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Jackson reads and writes these records by reflection; several travel inside a {@code Response}, where the build
 * cannot see their type. Registered for native images.
 */
@RegisterForReflection(targets = { StateView.class, OverrideView.class, AuditView.class, PortfolioView.class,
        ActorNote.class, OverrideRequest.class, CircuitBreakerResource.ConfigurationView.class,
        BreakerDefaults.Definition.class })
public final class RestReflection {

    private RestReflection() {
    }
}
