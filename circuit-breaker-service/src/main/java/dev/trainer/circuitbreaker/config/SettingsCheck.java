package dev.trainer.circuitbreaker.config;

import dev.trainer.circuitbreaker.service.Breaker;
import dev.trainer.domain.risk.RegimeClassifier;
import dev.trainer.domain.risk.UnusualMove;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Refuses to start with settings the breakers cannot work with, naming each. */
@ApplicationScoped
public class SettingsCheck {

    void onStart(@Observes StartupEvent start, CircuitBreakerConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid circuit-breaker settings: " + String.join("; ", problems));
        }
    }

    static List<String> problems(CircuitBreakerConfig c) {
        List<String> problems = new ArrayList<>();
        for (Breaker b : Breaker.values()) {
            b.thresholdProblem(b.threshold(c).doubleValue())
                    .ifPresent(p -> problems.add("circuit-breaker." + b.planName() + " " + p));
            b.coolDown(c).ifPresent(d -> positive("circuit-breaker.cool-down." + b.planName(), d, problems));
        }
        if (!(c.portfolio().startingValueQuote() > 0)) {
            problems.add("circuit-breaker.portfolio.starting-value-quote must be > 0");
        }
        if (!(c.configurationCapitalQuote() > 0)) {
            problems.add("circuit-breaker.configuration-capital-quote must be > 0");
        }
        int window = c.correlation().windowDays();
        if (window < 2) {
            problems.add("circuit-breaker.correlation.window-days must be >= 2");
        }
        if (c.correlation().minCommonDays() < 2 || c.correlation().minCommonDays() > window) {
            problems.add("circuit-breaker.correlation.min-common-days must be in [2, window-days]");
        }
        int trailing = c.market().trailingCloses();
        if (trailing < UnusualMove.MIN_RETURNS + 1 || trailing > UnusualMove.TRAILING_CLOSES) {
            problems.add("circuit-breaker.market.trailing-closes must be in [" + (UnusualMove.MIN_RETURNS + 1) + ", "
                    + UnusualMove.TRAILING_CLOSES + "] (sigma needs " + UnusualMove.MIN_RETURNS
                    + " returns and uses at most " + UnusualMove.TRAILING_CLOSES + " closes)");
        }
        positive("circuit-breaker.market.max-candle-age", c.market().maxCandleAge(), problems);
        positive("circuit-breaker.adverse-selection.horizon", c.adverseSelection().horizon(), problems);
        if (c.adverseSelection().windowFills() < 1) {
            problems.add("circuit-breaker.adverse-selection.window-fills must be >= 1");
        }
        if (c.adverseSelection().minFills() < 1 || c.adverseSelection().minFills() > c.adverseSelection().windowFills()) {
            problems.add("circuit-breaker.adverse-selection.min-fills must be in [1, window-fills]");
        }
        try {
            new RegimeClassifier(c.regime().trendWindowReturns(), c.regime().volatilityWindowReturns());
        } catch (IllegalArgumentException e) {
            problems.add("circuit-breaker.regime: " + e.getMessage());
        }
        positive("circuit-breaker.check-interval", c.checkInterval(), problems);
        return problems;
    }

    private static void positive(String name, Duration d, List<String> problems) {
        if (d.isNegative() || d.isZero()) {
            problems.add(name + " must be a positive duration, got " + d);
        }
    }
}
