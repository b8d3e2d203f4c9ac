package dev.trainer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trainer.contracts.serde.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The little HTTP the launcher needs: readiness probes and reading JSON from the services' REST APIs. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Http() {
    }

    /** The status code, or -1 when nothing answers. */
    static int status(String url) {
        try {
            return CLIENT.send(get(url), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The JSON body of a 200 answer, or null for 404. */
    public static JsonNode json(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = CLIENT.send(get(url), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode() + ": " + new String(response.body()));
        }
        return EventJson.mapper().readTree(response.body());
    }

    /** The text body of a 200 answer. */
    static String text(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(get(url), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
    }
}
