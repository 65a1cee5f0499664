package dev.hookgen.runtime;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.IOException;

/**
 * Jackson's parser of UTF-8 bytes, rejecting a JSON object that repeats a key (RFC 8259 strict reading) at every key
 * it reads: the check of a {@link DuplicateKeyGuard} without a delegate around the parser, which doubled the virtual
 * calls per token. Keys reach the caller only through {@link #nextToken()} and the two {@code nextFieldName}s (the
 * other {@code next...} methods move to a key through {@code nextToken()}), and a failure is raised where the guard
 * raised it, after the parser's own step, so its location is the same. A key with half a surrogate pair needs no
 * check here: this parser refuses it itself. One parser reads one body, on one thread.
 */
final class StrictUtf8Parser extends UTF8StreamJsonParser {

    private final ObjectKeys keys = new ObjectKeys();

    /** As {@code ByteSourceJsonBootstrapper.constructParser} builds its parser of a byte array, which it does not own. */
    StrictUtf8Parser(IOContext context, int features, ObjectCodec codec, ByteQuadsCanonicalizer symbols,
            byte[] body, int start, int end, int bytesSkipped) {
        super(context, features, null, codec, symbols, body, start, end, bytesSkipped, false);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = super.nextToken();
        if (token == JsonToken.FIELD_NAME) {
            checkKey();
        }
        return token;
    }

    @Override
    public String nextFieldName() throws IOException {
        String name = super.nextFieldName();
        if (_currToken == JsonToken.FIELD_NAME) {
            checkKey();
        }
        return name;
    }

    @Override
    public boolean nextFieldName(SerializableString expected) throws IOException {
        boolean matches = super.nextFieldName(expected);
        if (_currToken == JsonToken.FIELD_NAME) {
            checkKey();
        }
        return matches;
    }

    private void checkKey() throws JsonParseException {
        String key = _parsingContext.getCurrentName();
        if (!keys.add(_parsingContext, key)) {
            throw new JsonParseException(this, "Duplicate field '" + key + "'");
        }
    }
}
