package dev.trainer.domain.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The strategies the system can train, by name. */
public final class StrategyCatalog {

    private static final Map<String, TradingStrategy> STRATEGIES = new LinkedHashMap<>();

    static {
        register(new SmaCrossoverStrategy());
        register(new RsiMeanReversionStrategy());
        register(new LiquiditySweepStrategy());
        register(new CapitulationReversalStrategy());
        register(new FailedBreakdownStrategy());
        register(new SupplyShockStrategy());
    }

    private StrategyCatalog() {
    }

    private static void register(TradingStrategy s) {
        STRATEGIES.put(s.name(), s);
    }

    /** The strategy with this name (case-insensitive); IllegalArgumentException listing the known names. */
    public static TradingStrategy get(String name) {
        TradingStrategy s = name == null ? null : STRATEGIES.get(name.trim().toUpperCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("Unknown strategy '" + name + "'; known: " + names());
        }
        return s;
    }

    public static List<String> names() {
        return List.copyOf(STRATEGIES.keySet());
    }
}
