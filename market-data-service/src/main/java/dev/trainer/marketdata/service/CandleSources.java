package dev.trainer.marketdata.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every configured source, by exchange name. */
@ApplicationScoped
public class CandleSources {

    private final Map<String, CandleSource> byExchange;

    public CandleSources(Instance<CandleSource> sources) {
        this.byExchange = sources.stream()
                .collect(Collectors.toMap(CandleSource::exchange, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    public Optional<CandleSource> forExchange(String exchange) {
        return Optional.ofNullable(byExchange.get(exchange));
    }

    public Map<String, CandleSource> all() {
        return byExchange;
    }
}
