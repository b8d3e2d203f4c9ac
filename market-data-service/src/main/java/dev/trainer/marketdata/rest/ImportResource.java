package dev.trainer.marketdata.rest;

import dev.trainer.candleimport.ImportRejectedException;
import dev.trainer.marketdata.mapping.ImportViews;
import dev.trainer.marketdata.mapping.ImportViews.ImportView;
import dev.trainer.marketdata.repository.CandleImport;
import dev.trainer.marketdata.repository.CandleImportRepository;
import dev.trainer.marketdata.service.CandleImporter;
import dev.trainer.support.FieldProblem;
import dev.trainer.support.ProblemJson;
import dev.trainer.support.RequestParameters;
import io.smallrye.common.annotation.Blocking;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Bulk import of candle files: Binance's kline dumps (CSV, or the ZIP they come in) and the research CSV
 * ({@code timestamp,open,high,low,close,volume}). The body is the file itself, read as a stream while it arrives:
 * Quarkus REST hands an {@link InputStream} parameter over after its first {@code quarkus.rest.input-buffer-size}
 * bytes, so a file is never held whole, and {@code quarkus.http.limits.max-body-size} is raised for this service.
 */
@Path("/api/market-data/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    static final int MAX_LIMIT = 500;

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
            @QueryParam("timeframe") String timeframe,
            @Parameter(description = "at most this many imports, 1 to " + MAX_LIMIT + "; default 50")
            @QueryParam("limit") String limit) {
        List<FieldProblem> problems = new ArrayList<>();
        int pageSize = RequestParameters.whole("limit", limit, 50, 1, MAX_LIMIT, problems);
        RequestParameters.requireNone("Invalid imports query", problems);
        return imports.recent(exchange, pair, timeframe, pageSize).stream().map(ImportViews::view).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One import")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "404", description = "no import with that id", content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public ImportView one(@Parameter(description = "the import's id, a whole number") @PathParam("id") String id) {
        List<FieldProblem> problems = new ArrayList<>();
        Integer number = RequestParameters.whole("id", id, 1, Integer.MAX_VALUE, problems);
        RequestParameters.requireNone("Invalid import id", problems);
        return imports.findByIdOptional(number.longValue()).map(ImportViews::view)
                .orElseThrow(() -> new NotFoundException("no import " + id));
    }
}
