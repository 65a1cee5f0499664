package dev.hookgen.runtime;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;

/**
 * Rejects a JSON object that repeats a key (RFC 8259 strict reading), and a key that holds half a surrogate
 * pair ({@code "\\ud83d"}: not Unicode text, and refused by Jackson's byte parser already), around a parser of
 * Jackson's: the parsers of text, whose {@code nextToken()} is final. Bodies of bytes are read by a
 * {@link StrictUtf8Parser}, which checks the same keys inside the parser, without a second virtual call per token.
 * One guard reads one body, on one thread.
 */
final class DuplicateKeyGuard extends JsonParserDelegate {

    private final ObjectKeys keys = new ObjectKeys();

    DuplicateKeyGuard(JsonParser parser) {
        super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        return track(delegate.nextToken());
    }

    /**
     * Jackson's own fast path for field names, tracked.
     */
    @Override
    public String nextFieldName() throws IOException {
        String name = delegate.nextFieldName();
        track(delegate.currentToken());
        return name;
    }

    @Override
    public boolean nextFieldName(SerializableString expected) throws IOException {
        boolean matches = delegate.nextFieldName(expected);
        track(delegate.currentToken());
        return matches;
    }

    @Override
    public String nextTextValue() throws IOException {
        String text = delegate.nextTextValue();
        track(delegate.currentToken());
        return text;
    }

    /**
     * Checks the key the parser moved to, if it moved to one.
     */
    private JsonToken track(JsonToken token) throws IOException {
        if (token == JsonToken.FIELD_NAME) {
            String key = delegate.currentName();
            if (Utf8.firstLoneSurrogate(key) >= 0) {
                // Jackson's byte parser refuses such a name, its text parser takes it: refuse it from either
                throw new JsonParseException(this, "Field name with half a surrogate pair");
            }
            if (!keys.add(delegate.getParsingContext(), key)) {
                throw new JsonParseException(this, "Duplicate field '" + key + "'");
            }
        }
        return token;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    /**
     * Skips through {@link #nextToken()}, so that skipped objects are checked too.
     */
    @Override
    public JsonParser skipChildren() throws IOException {
        if (!delegate.hasToken(JsonToken.START_OBJECT) && !delegate.hasToken(JsonToken.START_ARRAY)) {
            return this;
        }
        for (int open = 1; open > 0; ) {
            JsonToken token = nextToken();
            if (token == null) {
                break;
            }
            open += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
        }
        return this;
    }
}
