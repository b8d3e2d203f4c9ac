package dev.trainer.configregistry.rest;

import dev.trainer.configregistry.repository.TrainedConfiguration;
import dev.trainer.contracts.events.SeriesRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Configurations side by side, in the order asked for: each with the same parameter names (the union over all,
 * sorted; null where a configuration has no such parameter) and the same key figures in the same order, and the
 * parameters whose values are not the same in all of them.
 *
 * @param parameterNames       every parameter name of any of the configurations, sorted
 * @param parameterDifferences the parameters that differ, with one value per configuration in the order asked for
 */
public record ConfigurationComparison(List<String> configIds, List<String> parameterNames,
        List<ComparedConfiguration> configurations, List<ParameterDifference> parameterDifferences) {

    public static ConfigurationComparison of(List<TrainedConfiguration> inOrder) {
        TreeSet<String> names = new TreeSet<>();
        for (TrainedConfiguration c : inOrder) {
            names.addAll(parametersOf(c).keySet());
        }
        List<ComparedConfiguration> compared = new ArrayList<>();
        for (TrainedConfiguration c : inOrder) {
            Map<String, Double> parameters = new LinkedHashMap<>();
            for (String name : names) {
                parameters.put(name, parametersOf(c).get(name));
            }
            compared.add(new ComparedConfiguration(c.configId, c.strategy, new SeriesRef(c.exchange, c.pair, c.timeframe),
                    c.lifecycleStage, parameters, KeyFigures.of(c)));
        }
        List<ParameterDifference> differences = new ArrayList<>();
        for (String name : names) {
            List<Double> values = compared.stream().map(c -> c.parameters().get(name)).toList();
            if (values.stream().distinct().count() > 1) {
                differences.add(new ParameterDifference(name, values));
            }
        }
        return new ConfigurationComparison(inOrder.stream().map(c -> c.configId).toList(), List.copyOf(names), compared,
                differences);
    }

    private static Map<String, Double> parametersOf(TrainedConfiguration c) {
        return Objects.requireNonNullElse(c.parameters, Map.of());
    }

    /** One column of the comparison. */
    public record ComparedConfiguration(String configId, String strategy, SeriesRef market, String lifecycleStage,
            Map<String, Double> parameters, KeyFigures keyFigures) {
    }

    /**
     * The numbers configurations are compared by, out of sample; units as in {@link ConfigurationView}, null when
     * undefined or not computed.
     */
    public record KeyFigures(Double netProfitFraction, Double sharpeDaily, Double maxDrawdownFraction,
            Double grossWinRateFraction, Integer tradeCount, Integer outOfSampleDays, Double pValue, Double zScore,
            Double stabilityScore, Double probabilisticSharpeProbability, Double deflatedSharpeProbability,
            Double probabilityOfBacktestOverfitting, Double minimumTrackRecordLengthDays, double qualityScoreFraction,
            int trialsEvaluated) {

        static KeyFigures of(TrainedConfiguration c) {
            return new KeyFigures(c.netProfitFraction, c.sharpeDaily, c.maxDrawdownFraction, c.grossWinRateFraction,
                    c.tradeCount, c.outOfSampleDays, c.pValue, c.zScore, c.stabilityScore,
                    c.probabilisticSharpeProbability, c.deflatedSharpeProbability, c.probabilityOfBacktestOverfitting,
                    c.minimumTrackRecordLengthDays, c.qualityScoreFraction, c.trialsEvaluated);
        }
    }

    /** A parameter whose value is not the same in every configuration (null: the configuration has none). */
    public record ParameterDifference(String name, List<Double> values) {
    }
}
