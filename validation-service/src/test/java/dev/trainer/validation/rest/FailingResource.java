package dev.trainer.validation.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Test-only: an endpoint that fails the way a bug would, so that the shared catch-all mapper is exercised in a real
 * service. No production path is known to throw unexpectedly (each one found became a 400), so the test makes one.
 */
@Path("/test-only/failing")
public class FailingResource {

    static final String SECRET = "connection to db-internal-7:5432 refused";

    @GET
    public String fail() {
        throw new IllegalStateException(SECRET);
    }
}
