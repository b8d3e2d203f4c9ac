package dev.trainer.domain.testing;

import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.ParameterSpace;
import dev.trainer.domain.strategy.PreparedSeries;
import dev.trainer.domain.strategy.SignalSet;
import dev.trainer.domain.strategy.TradingStrategy;

/** A strategy that always returns the same signals: lets tests script trades bar by bar. */
public record FixedSignalStrategy(SignalSet signals) implements TradingStrategy {

    @Override
    public String name() {
        return "FIXED";
    }

    @Override
    public String description() {
        return "scripted signals";
    }

    @Override
    public ParameterSpace defaultSpace() {
        return ParameterSpace.builder().values("x", 0).build();
    }

    @Override
    public void validate(ParameterSet p) {
    }

    @Override
    public SignalSet signals(PreparedSeries prepared, ParameterSet p) {
        return signals;
    }

    public static ParameterSet noParams() {
        return ParameterSet.of(java.util.Map.of("x", 0));
    }
}
