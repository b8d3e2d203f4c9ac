package dev.trainer.support;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents in every service's OpenAPI the problems {@link ProblemMappers} and {@link ControlCharacterFilter} answer
 * for any endpoint, so that no resource has to repeat them: a 500 with an error id on every operation, and a 400 on
 * every operation that takes parameters or a body. An operation that documents its own 400 or 500 keeps it; the
 * problems particular to an endpoint (404, 409, 502) are on the endpoint.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    static final String PROBLEM_SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM_SCHEMA, problemSchema());
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            boolean pathHasParameters = item.getParameters() != null && !item.getParameters().isEmpty();
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                Operation op = entry.getValue();
                if (op.getResponses() == null) {
                    op.setResponses(OASFactory.createAPIResponses());
                }
                boolean takesInput = pathHasParameters || op.getRequestBody() != null
                        || (op.getParameters() != null && !op.getParameters().isEmpty());
                if (takesInput && op.getResponses().getAPIResponse("400") == null) {
                    op.getResponses().addAPIResponse("400", problem("a parameter or body field is invalid; "
                            + "errors names each one (field, message)"));
                }
                if (op.getResponses().getAPIResponse("500") == null) {
                    op.getResponses().addAPIResponse("500", problem("an unexpected error; errorId names it in the "
                            + "server's log, and nothing else of it is told"));
                }
            }
        }
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(ProblemJson.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details (application/problem+json)")
                .addProperty("type", text).addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("400: each invalid parameter or body field")
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("field", text).addProperty("message", text)))
                .addProperty("errorId", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("500: the id under which the server logged the error"));
    }
}
