package dev.trainer.configregistry.repository;

/**
 * What the list of configurations is narrowed to; every null means "any". Exact matches except the minimums,
 * which a configuration whose number is undefined (null) never meets.
 *
 * @param minSharpeDaily               out-of-sample sharpe_daily at least this
 * @param minTradeCount                sample size: out-of-sample closed trades at least this
 * @param minDeflatedSharpeProbability deflated Sharpe ratio (a probability) at least this
 */
public record ConfigurationFilter(String strategy, String exchange, String pair, String timeframe, String stage,
        String jobId, Double minSharpeDaily, Integer minTradeCount, Double minDeflatedSharpeProbability) {

    public static ConfigurationFilter none() {
        return new ConfigurationFilter(null, null, null, null, null, null, null, null, null);
    }
}
