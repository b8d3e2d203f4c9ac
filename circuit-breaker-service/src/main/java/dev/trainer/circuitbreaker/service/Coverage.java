package dev.trainer.circuitbreaker.service;

import dev.trainer.circuitbreaker.repository.ActiveConfiguration;
import dev.trainer.circuitbreaker.repository.ActiveConfigurationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Which watched configurations a scope covers, and which scopes cover a configuration. */
@ApplicationScoped
public class Coverage {

    private final ActiveConfigurationRepository configurations;

    public Coverage(ActiveConfigurationRepository configurations) {
        this.configurations = configurations;
    }

    /** The ids, sorted; a config scope of a configuration not watched (yet) covers none. */
    public List<String> configIds(Scope scope) {
        return switch (scope.kind()) {
            case PORTFOLIO -> configurations.allIds();
            case CONFIG -> configurations.findByIdOptional(scope.configId()).map(c -> List.of(c.configId))
                    .orElse(List.of());
            case MARKET -> configurations.idsOnMarket(scope.exchange(), scope.pair());
            case EXCHANGE -> configurations.idsOnExchange(scope.exchange());
        };
    }

    /** The scope of each breaker that covers this configuration, in the order of {@link Breaker#values()}. */
    public static List<BreakerScope> scopesOf(ActiveConfiguration config) {
        return java.util.Arrays.stream(Breaker.values()).map(b -> new BreakerScope(b, scopeOf(b, config))).toList();
    }

    static Scope scopeOf(Breaker breaker, ActiveConfiguration config) {
        return switch (breaker.scopeKind()) {
            case PORTFOLIO -> Scope.PORTFOLIO;
            case CONFIG -> Scope.config(config.configId);
            case MARKET -> Scope.market(config.exchange, config.pair);
            case EXCHANGE -> Scope.exchange(config.exchange);
        };
    }

    public record BreakerScope(Breaker breaker, Scope scope) {
    }
}
