package dev.trainer.circuitbreaker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

final class Paths {

    private Paths() {
    }

    /** A scope as one URL path segment: ':', '|' and '/' percent-encoded. */
    static String encode(String scope) {
        return URLEncoder.encode(scope, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
