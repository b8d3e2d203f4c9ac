package dev.trainer.cleaning.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainer.domain.quality.CleaningPolicy;
import dev.trainer.domain.quality.QualityCheck;
import dev.trainer.domain.quality.QualitySettings;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfiguredQualitySettingsTest {

    /** A cleaning.* configuration: only the given policies and numbers are set. */
    private record Config(Map<QualityCheck, CleaningPolicy> set, Optional<Double> thresholdFraction,
            Optional<Integer> maxRun, Optional<Integer> staleRun, Optional<Integer> window, Optional<Double> z,
            Optional<Double> deviation) implements CleaningConfig {

        static Config empty() {
            return new Config(new EnumMap<>(QualityCheck.class), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }

        Config with(QualityCheck check, CleaningPolicy policy) {
            Map<QualityCheck, CleaningPolicy> more = new EnumMap<>(QualityCheck.class);
            more.putAll(set);
            more.put(check, policy);
            return new Config(more, thresholdFraction, maxRun, staleRun, window, z, deviation);
        }

        @Override
        public int chunkSizeCandles() {
            return 2000;
        }

        @Override
        public java.time.Duration warmUp() {
            return java.time.Duration.ZERO;
        }

        @Override
        public Policy policy() {
            return new Policy() {
                private Optional<CleaningPolicy> of(QualityCheck check) {
                    return Optional.ofNullable(set.get(check));
                }

                public Optional<CleaningPolicy> zeroVolume() {
                    return of(QualityCheck.ZERO_VOLUME);
                }

                public Optional<CleaningPolicy> flat() {
                    return of(QualityCheck.FLAT);
                }

                public Optional<CleaningPolicy> ohlcInvalid() {
                    return of(QualityCheck.OHLC_INVALID);
                }

                public Optional<CleaningPolicy> duplicates() {
                    return of(QualityCheck.DUPLICATE);
                }

                public Optional<CleaningPolicy> outOfOrder() {
                    return of(QualityCheck.OUT_OF_ORDER);
                }

                public Optional<CleaningPolicy> missing() {
                    return of(QualityCheck.MISSING);
                }

                public Optional<CleaningPolicy> staleRuns() {
                    return of(QualityCheck.STALE_RUN);
                }

                public Optional<CleaningPolicy> spikes() {
                    return of(QualityCheck.SPIKE);
                }

                public Optional<CleaningPolicy> crossExchangeDivergence() {
                    return of(QualityCheck.CROSS_EXCHANGE_DIVERGENCE);
                }
            };
        }

        @Override
        public ForwardFill forwardFill() {
            return () -> maxRun;
        }

        @Override
        public StaleRuns staleRuns() {
            return () -> staleRun;
        }

        @Override
        public Spikes spikes() {
            return new Spikes() {
                public Optional<Integer> windowReturns() {
                    return window;
                }

                public Optional<Double> thresholdZ() {
                    return z;
                }
            };
        }

        @Override
        public CrossExchange crossExchange() {
            return () -> deviation;
        }
    }

    @Test
    void nothingSetMeansTheDomainDefaults() {
        assertEquals(QualitySettings.defaults(), ConfiguredQualitySettings.from(Config.empty()));
    }

    @Test
    void everySettingIsRead() {
        Config config = new Config(Map.of(QualityCheck.MISSING, CleaningPolicy.FORWARD_FILL, QualityCheck.SPIKE,
                CleaningPolicy.DROP, QualityCheck.ZERO_VOLUME, CleaningPolicy.DROP), Optional.of(0.8), Optional.of(3),
                Optional.of(7), Optional.of(50), Optional.of(12.5), Optional.of(0.03));
        QualitySettings s = ConfiguredQualitySettings.from(config);
        assertEquals(0.8, s.thresholdFraction());
        assertEquals(CleaningPolicy.FORWARD_FILL, s.policy(QualityCheck.MISSING));
        assertEquals(CleaningPolicy.DROP, s.policy(QualityCheck.SPIKE));
        assertEquals(CleaningPolicy.DROP, s.policy(QualityCheck.ZERO_VOLUME));
        assertEquals(CleaningPolicy.FLAG, s.policy(QualityCheck.FLAT));
        assertEquals(3, s.forwardFillMaxRunCandles());
        assertEquals(7, s.staleMinRunCandles());
        assertEquals(50, s.spikeWindowReturns());
        assertEquals(12.5, s.spikeThresholdZ());
        assertEquals(0.03, s.divergenceMaxDeviationFraction());
    }

    @Test
    void aPolicyThatMakesNoSenseForItsCheckStopsTheServiceNamingTheProperty() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ConfiguredQualitySettings.from(
                Config.empty().with(QualityCheck.DUPLICATE, CleaningPolicy.FORWARD_FILL)
                        .with(QualityCheck.MISSING, CleaningPolicy.DROP)));
        assertEquals("invalid cleaning configuration: cleaning.policy.duplicates: forward-fill is refused for"
                + " duplicates: the open time is already held by the first copy; allowed: drop;"
                + " cleaning.policy.missing: drop is refused for missing: there is no candle to drop at an absent time;"
                + " allowed: forward-fill, report", e.getMessage());
    }

    @Test
    void numbersOutOfRangeAreNamedToo() {
        Config config = new Config(Map.of(), Optional.of(70.0), Optional.of(0), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ConfiguredQualitySettings.from(config));
        assertEquals("invalid cleaning configuration: cleaning.threshold-fraction: the threshold is a fraction between 0"
                + " and 1 (0.70 = 70 %), got 70.0; cleaning.forward-fill.max-run-candles: must be at least 1 candle,"
                + " got 0", e.getMessage());
    }
}
