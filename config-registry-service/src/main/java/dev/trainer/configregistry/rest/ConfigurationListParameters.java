package dev.trainer.configregistry.rest;

import dev.trainer.configregistry.lifecycle.Stage;
import dev.trainer.configregistry.repository.ConfigurationFilter;
import dev.trainer.configregistry.repository.SortOrder;
import dev.trainer.support.FieldProblem;
import dev.trainer.support.RequestParameters;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of the list of configurations, taken as text so that a malformed number is a 400 naming
 * the parameter rather than JAX-RS's 404.
 */
public class ConfigurationListParameters {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    @QueryParam("strategy")
    @Parameter(description = "exact strategy name, e.g. SMA_CROSSOVER")
    public String strategy;

    @QueryParam("exchange")
    @Parameter(description = "exact exchange, e.g. binance")
    public String exchange;

    @QueryParam("pair")
    @Parameter(description = "exact pair BASE/QUOTE, e.g. BTC/USDT")
    public String pair;

    @QueryParam("timeframe")
    @Parameter(description = "exact timeframe, e.g. 5m, 1h")
    public String timeframe;

    @QueryParam("stage")
    @Parameter(description = "lifecycle stage, any case: PAPER, DISCOVERY, VALIDATION, MATURE, DECAY, PAUSED or RETIRED")
    public String stage;

    @QueryParam("jobId")
    @Parameter(description = "the training job that produced the configurations")
    public String jobId;

    @QueryParam("minSharpe")
    @Parameter(description = "minimum out-of-sample Sharpe ratio of daily returns, annualised with sqrt(365) "
            + "(sharpeDaily); configurations whose Sharpe ratio is undefined are left out")
    public String minSharpe;

    @QueryParam("minTrades")
    @Parameter(description = "minimum sample size: out-of-sample closed trades (tradeCount), 0 or more")
    public String minTrades;

    @QueryParam("minDeflatedSharpe")
    @Parameter(description = "minimum deflated Sharpe ratio, a probability 0..1 (deflatedSharpeProbability); "
            + "configurations without one are left out")
    public String minDeflatedSharpe;

    @QueryParam("sort")
    @Parameter(description = "field,asc or field,desc (ascending if no direction); fields: created, netProfit, "
            + "sharpe, deflatedSharpe, maxDrawdown, trades; undefined values come last either way; default "
            + "created,desc")
    public String sort;

    @QueryParam("page")
    @Parameter(description = "page number from 0; default 0")
    public String page;

    @QueryParam("size")
    @Parameter(description = "page size, 1 to " + MAX_SIZE + "; default " + DEFAULT_SIZE)
    public String size;

    @QueryParam("limit")
    @Parameter(deprecated = true, description = "the former name of size, still read because bin/trainer demo sends it; "
            + "not together with size")
    public String limit;

    @QueryParam("offset")
    @Parameter(deprecated = true, description = "no longer read: use page and size (a 400 says so)")
    public String offset;

    /** The validated request, or every problem with it. */
    ListRequest read() {
        List<FieldProblem> problems = new ArrayList<>();
        String stageName = null;
        if (blankToNull(stage) != null) {
            try {
                stageName = Stage.parse(stage).name();
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("stage", e.getMessage()));
            }
        }
        Double minSharpeDaily = RequestParameters.decimal("minSharpe", minSharpe, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                problems);
        Integer minTradeCount = RequestParameters.whole("minTrades", minTrades, 0, Integer.MAX_VALUE, problems);
        Double minDeflated = RequestParameters.decimal("minDeflatedSharpe", minDeflatedSharpe, 0.0, 1.0, problems);
        SortOrder order = SortOrder.NEWEST_FIRST;
        try {
            order = SortOrder.parse(sort);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("sort", e.getMessage()));
        }
        if (blankToNull(offset) != null) {
            problems.add(new FieldProblem("offset", "is no longer supported; use page (from 0) and size"));
        }
        if (blankToNull(limit) != null && blankToNull(size) != null) {
            problems.add(new FieldProblem("limit", "is the former name of size; give size only"));
        }
        boolean sizeByFormerName = blankToNull(size) == null && blankToNull(limit) != null;
        Integer pageSize = sizeByFormerName ? RequestParameters.whole("limit", limit, 1, MAX_SIZE, problems)
                : RequestParameters.whole("size", size, 1, MAX_SIZE, problems);
        Integer pageNumber = RequestParameters.whole("page", page, 0, Integer.MAX_VALUE, problems);
        int sizeOrDefault = pageSize == null ? DEFAULT_SIZE : pageSize;
        if (pageNumber != null && (long) pageNumber * sizeOrDefault > Integer.MAX_VALUE) {
            problems.add(new FieldProblem("page", "page x size must not exceed " + Integer.MAX_VALUE + " rows"));
        }
        ConfigurationFilter filter = new ConfigurationFilter(blankToNull(strategy), blankToNull(exchange),
                blankToNull(pair), blankToNull(timeframe), stageName, blankToNull(jobId), minSharpeDaily, minTradeCount,
                minDeflated);
        return new ListRequest(filter, order, pageNumber == null ? 0 : pageNumber, sizeOrDefault, problems);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** What the list answers, once every parameter is valid ({@code problems} empty). */
    record ListRequest(ConfigurationFilter filter, SortOrder order, int page, int size, List<FieldProblem> problems) {
    }
}
