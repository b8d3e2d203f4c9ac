package dev.trainer.marketdata.rest;

import dev.trainer.candleimport.ImportRejectedException;
import dev.trainer.marketdata.mapping.ImportViews;
import dev.trainer.marketdata.mapping.ImportViews.ImportView;
import dev.trainer.marketdata.repository.CandleImport;
import dev.trainer.marketdata.repository.CandleImportRepository;
import dev.trainer.marketdata.service.CandleImporter;
import dev.trainer.support.ProblemJson;
import io.smallrye.common.annotation.Blocking;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Bulk import of candle files: Binance's kline dumps (CSV, or the ZIP they come in) and the research CSV
 * ({@code timestamp,open,high,low,close,volume}). The body is the file itself, read as a stream while it arrives:
 * Quarkus REST hands an {@link InputStream} parameter over after its first {@code quarkus.rest.input-buffer-size}
 * bytes, so a file is never held whole, and {@code quarkus.http.limits.max-body-size} is raised for this service.
 */
@Path("/api/market-data/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final CandleImporter importer;
    private final CandleImportRepository imports;

    public ImportResource(CandleImporter importer, CandleImportRepository imports) {
        this.importer = importer;
        this.imports = imports;
    }

    @POST
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "text/csv", "application/zip"})
    @Blocking // reads the body and writes the database for as long as the file lasts: never on an event loop
    @Operation(summary = "Import a candle file (the body) as the series exchange/pair/timeframe; all or nothing, idempotent. "
            + "Answers 201 with the counts, or a problem naming the bad parameter or the bad line")
    public Response importFile(@QueryParam("exchange") String exchange, @QueryParam("pair") String pair,
            @QueryParam("timeframe") String timeframe, InputStream body) {
        ImportParameters parameters = ImportParameters.check(exchange, pair, timeframe);
        if (!parameters.problems().isEmpty()) {
            return ProblemJson.invalid("Invalid import request", parameters.problems());
        }
        CandleImport done;
        try {
            done = importer.importFile(parameters.target(), body);
        } catch (ImportRejectedException e) {
            return ProblemJson.response(Response.Status.BAD_REQUEST, "nothing was imported: " + e.getMessage());
        }
        return Response.created(URI.create("/api/market-data/imports/" + done.id)).entity(ImportViews.view(done)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "Recent imports, newest first, running ones with their progress")
    public List<ImportView> recent(@QueryParam("exchange") String exchange, @QueryParam("pair") String pair,
            @QueryParam("timeframe") String timeframe, @QueryParam("limit") @DefaultValue("50") int limit) {
        return imports.recent(exchange, pair, timeframe, Math.min(Math.max(limit, 1), 500)).stream().map(ImportViews::view)
                .toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One import")
    public ImportView one(@PathParam("id") long id) {
        return imports.findByIdOptional(id).map(ImportViews::view)
                .orElseThrow(() -> new NotFoundException("no import " + id));
    }
}
