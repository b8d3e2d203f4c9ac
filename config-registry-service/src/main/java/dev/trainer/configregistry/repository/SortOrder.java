package dev.trainer.configregistry.repository;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The order of the list: one whitelisted field and a direction, written {@code field,asc|desc} in the API. */
public record SortOrder(Field field, boolean descending) {

    public static final SortOrder NEWEST_FIRST = new SortOrder(Field.CREATED, true);

    /** The API's names of the sortable columns, and the entity properties behind them. */
    public enum Field {
        CREATED("created", "createdAt"),
        NET_PROFIT("netProfit", "netProfitFraction"),
        SHARPE("sharpe", "sharpeDaily"),
        DEFLATED_SHARPE("deflatedSharpe", "deflatedSharpeProbability"),
        MAX_DRAWDOWN("maxDrawdown", "maxDrawdownFraction"),
        TRADES("trades", "tradeCount");

        final String apiName;
        final String property;

        Field(String apiName, String property) {
            this.apiName = apiName;
            this.property = property;
        }

        public String apiName() {
            return apiName;
        }
    }

    /** "sharpe,desc", "created", ...: the direction is ascending unless given. IllegalArgumentException otherwise. */
    public static SortOrder parse(String text) {
        if (text == null || text.isBlank()) {
            return NEWEST_FIRST;
        }
        String[] parts = text.split(",", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("'" + text + "' is not field or field,asc or field,desc");
        }
        String name = parts[0].trim();
        Field field = Arrays.stream(Field.values()).filter(f -> f.apiName.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("cannot sort by '" + name + "'; sortable: " + fieldNames()));
        if (parts.length == 1) {
            return new SortOrder(field, false);
        }
        return switch (parts[1].trim().toLowerCase(Locale.ROOT)) {
            case "asc" -> new SortOrder(field, false);
            case "desc" -> new SortOrder(field, true);
            default -> throw new IllegalArgumentException("direction '" + parts[1].trim() + "' is neither asc nor desc");
        };
    }

    public static String fieldNames() {
        return Arrays.stream(Field.values()).map(Field::apiName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return field.apiName + "," + (descending ? "desc" : "asc");
    }
}
