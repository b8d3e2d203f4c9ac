package dev.trainer.contracts.serde;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.trainer.contracts.events.TrainingConfig;
import dev.trainer.contracts.events.TrainingRequested;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * How every Jackson mapper reads a {@link TrainingRequested} (the record names it in {@code @JsonDeserialize}): an
 * object in the plan's form ({@link TrainingRequestForms#formOf}) is bound to a {@link TrainingConfig} and read
 * into the canonical record; any other value goes to the mapper's own record deserializer, exactly as before. A
 * request that mixes the forms fails like any other unreadable value (a dead-letter record on Kafka).
 */
public class TrainingRequestedDeserializer extends StdDeserializer<TrainingRequested> implements ResolvableDeserializer {

    private static final System.Logger LOG = System.getLogger(TrainingRequestedDeserializer.class.getName());

    /** The deserializer Jackson would build for the record without the annotation (one per mapper). */
    private transient JsonDeserializer<Object> canonical;

    public TrainingRequestedDeserializer() {
        super(TrainingRequested.class);
    }

    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
        JavaType type = ctxt.constructType(TrainingRequested.class);
        // the factory builds the plain bean (record) deserializer; only the cache looks at @JsonDeserialize
        canonical = ctxt.getFactory().createBeanDeserializer(ctxt, type, ctxt.getConfig().introspect(type));
        if (canonical instanceof ResolvableDeserializer resolvable) {
            resolvable.resolve(ctxt);
        }
    }

    @Override
    public TrainingRequested deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode json = ctxt.readTree(p);
        TrainingRequestForms.Form form;
        try {
            form = TrainingRequestForms.formOf(json);
        } catch (TrainingRequestForms.FormException e) {
            return (TrainingRequested) ctxt.reportInputMismatch(this, "%s", e.getMessage());
        }
        if (form == TrainingRequestForms.Form.CANONICAL) {
            try (JsonParser tree = json.traverse(p.getCodec())) {
                tree.nextToken();
                return (TrainingRequested) canonical.deserialize(tree, ctxt);
            }
        }
        TrainingConfig config = ctxt.readTreeAsValue(json, TrainingConfig.class);
        List<String> ignored = TrainingRequestForms.unknownFields(json);
        if (!ignored.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "training request in the plan's form: ignoring unknown field(s) {0}", ignored);
        }
        return TrainingRequestForms.fromPlanForm(config, json, Instant.now());
    }
}
