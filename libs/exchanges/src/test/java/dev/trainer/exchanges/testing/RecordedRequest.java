package dev.trainer.exchanges.testing;

import java.util.Map;

/** A request the fake exchange received: its path below the exchange's base URL and its decoded query parameters. */
public record RecordedRequest(String path, Map<String, String> query) {

    public String param(String name) {
        return query.get(name);
    }

    public long longParam(String name) {
        return Long.parseLong(query.get(name));
    }
}
