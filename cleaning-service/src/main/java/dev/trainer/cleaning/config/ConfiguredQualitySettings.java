package dev.trainer.cleaning.config;

import dev.trainer.domain.quality.CleaningPolicy;
import dev.trainer.domain.quality.QualityCheck;
import dev.trainer.domain.quality.QualitySettings;
import dev.trainer.domain.quality.QualitySettings.InvalidQualitySettingsException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The domain's quality settings from {@code cleaning.*}, refused as a whole with every bad property named. */
public final class ConfiguredQualitySettings {

    public static final String PREFIX = "cleaning.";

    private ConfiguredQualitySettings() {
    }

    /** @throws IllegalStateException naming each property that is wrong and why */
    public static QualitySettings from(CleaningConfig config) {
        QualitySettings defaults = QualitySettings.defaults();
        Map<QualityCheck, CleaningPolicy> policies = new EnumMap<>(QualityCheck.class);
        for (QualityCheck check : QualityCheck.values()) {
            policies.put(check, configured(config.policy(), check).orElse(defaults.policy(check)));
        }
        try {
            return new QualitySettings(
                    config.thresholdFraction().orElse(defaults.thresholdFraction()),
                    policies,
                    config.forwardFill().maxRunCandles().orElse(defaults.forwardFillMaxRunCandles()),
                    config.staleRuns().minRunCandles().orElse(defaults.staleMinRunCandles()),
                    config.spikes().windowReturns().orElse(defaults.spikeWindowReturns()),
                    config.spikes().thresholdZ().orElse(defaults.spikeThresholdZ()),
                    config.crossExchange().maxDeviationFraction().orElse(defaults.divergenceMaxDeviationFraction()));
        } catch (InvalidQualitySettingsException e) {
            throw new IllegalStateException("invalid cleaning configuration: " + e.problems().stream()
                    .map(p -> PREFIX + p.setting() + ": " + p.message()).collect(Collectors.joining("; ")), e);
        }
    }

    private static Optional<CleaningPolicy> configured(CleaningConfig.Policy policy, QualityCheck check) {
        return switch (check) {
            case ZERO_VOLUME -> policy.zeroVolume();
            case FLAT -> policy.flat();
            case OHLC_INVALID -> policy.ohlcInvalid();
            case DUPLICATE -> policy.duplicates();
            case OUT_OF_ORDER -> policy.outOfOrder();
            case MISSING -> policy.missing();
            case STALE_RUN -> policy.staleRuns();
            case SPIKE -> policy.spikes();
            case CROSS_EXCHANGE_DIVERGENCE -> policy.crossExchangeDivergence();
        };
    }
}
