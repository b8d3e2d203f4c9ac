package dev.trainer.circuitbreaker.service;

import dev.trainer.circuitbreaker.repository.ActiveConfiguration;
import dev.trainer.circuitbreaker.repository.ActiveConfigurationRepository;
import dev.trainer.circuitbreaker.repository.BreakerState;
import dev.trainer.contracts.events.ConfigTrained;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * A trained configuration comes under watch: the states of every scope that covers it are created ARMED if new; each
 * scope already TRIPPED stops it at once (a NEW_CONFIGURATION event naming it: the fills of a configuration may come
 * before its configs.trained, and a market or exchange may be tripped already); then its correlation with the older
 * configurations is judged. A second event for the same configuration id changes nothing.
 */
@ApplicationScoped
public class ConfigurationArrivals {

    private static final Logger LOG = Logger.getLogger(ConfigurationArrivals.class);

    private final ActiveConfigurationRepository configurations;
    private final BreakerStates states;
    private final CorrelationBreaker correlation;

    public ConfigurationArrivals(ActiveConfigurationRepository configurations, BreakerStates states,
            CorrelationBreaker correlation) {
        this.configurations = configurations;
        this.states = states;
        this.correlation = correlation;
    }

    /** True if the configuration was new. */
    @Transactional(TxType.MANDATORY)
    public boolean arrive(ConfigTrained trained, Instant now) {
        if (configurations.findById(trained.configId()) != null) {
            return false;
        }
        ActiveConfiguration c = new ActiveConfiguration();
        c.configId = trained.configId();
        c.strategy = trained.strategy();
        c.exchange = trained.market().exchange();
        c.pair = trained.market().pair();
        c.timeframe = trained.market().timeframe();
        c.stage = trained.lifecycleStage();
        c.receivedAt = now;
        c.receivedSeq = configurations.nextReceivedSeq();
        long[] days = trained.outOfSampleDayStartsMs() == null ? new long[0] : trained.outOfSampleDayStartsMs();
        double[] returns = trained.outOfSampleDailyReturns() == null ? new double[0] : trained.outOfSampleDailyReturns();
        var problem = CorrelationBreaker.streamProblem(days, returns);
        if (problem.isPresent()) {
            // the configuration is still watched by the other six breakers; its correlation starts from live days
            LOG.warnf("configuration %s: out-of-sample daily returns not usable (%s); correlated on live days only",
                    c.configId, problem.get());
            days = new long[0];
            returns = new double[0];
        }
        c.oosDayStartsMs = days;
        c.oosDailyReturns = returns;
        configurations.persist(c);
        for (Coverage.BreakerScope bs : Coverage.scopesOf(c)) {
            BreakerState s = states.ensure(bs.breaker(), bs.scope(), now);
            if (s.tripped()) {
                states.announceTo(c.configId, s, now);
            }
        }
        correlation.onArrival(c, now);
        return true;
    }
}
