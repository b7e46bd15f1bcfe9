package vn.dvcassistant.app.api;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Reads only JSON {@code true} or {@code false} (or null). The default reading also turns "maybe", "1",
 * 1 or [1] into a boolean, which counted a garbled request as a rating; now it is a 400.
 */
@Singleton
public final class StrictBoolean implements Deserializer<Boolean> {

    @Override
    public Boolean deserialize(Decoder decoder, DecoderContext context, Argument<? super Boolean> type)
            throws IOException {
        JsonNode value = decoder.decodeNode();
        if (!value.isBoolean()) {
            throw decoder.createDeserializationException("expected true or false", value);
        }
        return value.getBooleanValue();
    }

    @Override
    public Boolean deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super Boolean> type)
            throws IOException {
        return decoder.decodeNull() ? null : deserialize(decoder, context, type);
    }

    @Override
    public boolean allowNull() {
        return true;
    }
}
