package dev.trainer.marketdata.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every configured source, by exchange name: the source beans (the offline dataset) and the enabled exchanges. */
@ApplicationScoped
public class CandleSources {

    private final Map<String, CandleSource> byExchange;

    public CandleSources(Instance<CandleSource> sources, ExchangeSources exchanges) {
        this.byExchange = sources.stream()
                .collect(Collectors.toMap(CandleSource::exchange, Function.identity(), (a, b) -> a, TreeMap::new));
        exchanges.all().forEach(exchange -> byExchange.putIfAbsent(exchange.exchange(), exchange));
    }

    public Optional<CandleSource> forExchange(String exchange) {
        return Optional.ofNullable(byExchange.get(exchange));
    }

    public Map<String, CandleSource> all() {
        return byExchange;
    }
}
