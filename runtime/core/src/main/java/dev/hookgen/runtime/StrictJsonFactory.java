package dev.hookgen.runtime;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.ByteSourceJsonBootstrapper;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * A {@link JsonFactory} whose parsers reject a JSON object that repeats a key (RFC 8259 strict reading): a UTF-8
 * byte array is read by a {@link StrictUtf8Parser}, built as Jackson builds its own parser of bytes (the same symbol
 * tables, so {@link EventReader}'s renewal of a factory whose tables a body broke works as before); any other input
 * by Jackson's parser inside a {@link DuplicateKeyGuard}.
 */
final class StrictJsonFactory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    StrictJsonFactory(JsonFactoryBuilder builder) {
        super(builder);
    }

    private StrictJsonFactory(StrictJsonFactory source) {
        super(source, null);
    }

    @Override
    public JsonFactory copy() {
        return new StrictJsonFactory(this);
    }

    /**
     * As {@link JsonFactory}'s own, whose {@code ByteSourceJsonBootstrapper} detects the encoding and skips a UTF-8
     * byte order mark; but a body of the mark alone (three bytes, fewer than Jackson looks for a mark in) is skipped
     * too, so that it is empty, as its text is, not "Invalid UTF-8 start byte 0xbb".
     */
    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        _streamReadConstraints.validateDocumentLength(len);
        boolean detect = Feature.CHARSET_DETECTION.enabledIn(_factoryFeatures);
        JsonEncoding encoding = detect ? new ByteSourceJsonBootstrapper(ctxt, data, offset, len).detectEncoding() : JsonEncoding.UTF8;
        if (encoding != JsonEncoding.UTF8 || !Feature.CANONICALIZE_FIELD_NAMES.enabledIn(_factoryFeatures)) {
            return new DuplicateKeyGuard(super._createParser(data, offset, len, ctxt));
        }
        int bom = detect && len >= 3 && data[offset] == ByteSourceJsonBootstrapper.UTF8_BOM_1
                && data[offset + 1] == ByteSourceJsonBootstrapper.UTF8_BOM_2 && data[offset + 2] == ByteSourceJsonBootstrapper.UTF8_BOM_3 ? 3 : 0;
        return new StrictUtf8Parser(ctxt, _parserFeatures, _objectCodec, _byteSymbolCanonicalizer.makeChild(_factoryFeatures),
                data, offset + bom, offset + len, bom);
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable) throws IOException {
        return new DuplicateKeyGuard(super._createParser(data, offset, len, ctxt, recyclable));
    }

    @Override
    protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
        return new DuplicateKeyGuard(super._createParser(r, ctxt));
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
        return new DuplicateKeyGuard(super._createParser(in, ctxt));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext ctxt) throws IOException {
        return new DuplicateKeyGuard(super._createParser(input, ctxt));
    }
}
