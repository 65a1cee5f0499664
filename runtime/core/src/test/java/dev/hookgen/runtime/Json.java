package dev.hookgen.runtime;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Test helpers: JSON as a tree with exact decimals (as the payload of a drift failure holds it), and a ping body to vary. */
final class Json {

    static final ObjectMapper PLAIN = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** A valid ping: trigger first, every field of the model, and one the model does not have. */
    static final String PING = """
            {"trigger":"ping","data":{"id":"p-1","at":1696934912,"score":0.50,"tags":["a","b"],"extra":{"x":[1,null]}},\
            "appId":"app","region":"eu","webhook":"wh-1","origin":"test"}""";

    private Json() {}

    static JsonNode tree(String json) {
        try {
            return PLAIN.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
