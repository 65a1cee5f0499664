package dev.hookgen.runtime;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * Rejects a JSON object that repeats a key (RFC 8259 strict reading), and a key that holds half a surrogate
 * pair ({@code "\\ud83d"}: not Unicode text, and refused by Jackson's byte parser already), allocating no set per
 * object: the keys of the open objects share one array, scanned for objects of up to
 * {@value #SCAN_LIMIT} keys; a larger object switches to a hash set, so that the check stays linear.
 * One guard reads one body, on one thread.
 */
final class DuplicateKeyGuard extends JsonParserDelegate {
    private static final int SCAN_LIMIT = 16;

    private String[] keys = new String[32];

    /**
     * The hash of each key in {@link #keys}: canonical field names cache theirs, so most
     * comparisons are of two ints.
     */
    private int[] hashes = new int[32];

    private int[] starts = new int[16];

    /**
     * Per open object, its key set once it has more than {@link #SCAN_LIMIT} keys; null until then.
     */
    private List<HashSet<String>> large;

    /**
     * Keys in use in {@link #keys}, across the open objects.
     */
    private int size;

    /**
     * Open objects; arrays hold no keys and do not count.
     */
    private int depth;

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
     * Follows the token the parser moved to: a key is checked, an object opens or closes.
     */
    private JsonToken track(JsonToken token) throws IOException {
        if (token == JsonToken.FIELD_NAME) {
            key(delegate.currentName());
        } else if (token == JsonToken.START_OBJECT) {
            enterObject();
        } else if (token == JsonToken.END_OBJECT) {
            leaveObject();
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

    private void enterObject() {
        if (depth == starts.length) {
            starts = Arrays.copyOf(starts, depth * 2);
        }
        starts[depth++] = size;
    }

    private void leaveObject() {
        if (depth > 0) {
            size = starts[--depth];
            if (large != null && depth < large.size()) {
                large.set(depth, null);
            }
        }
    }

    private void key(String key) throws JsonParseException {
        if (Utf8.firstLoneSurrogate(key) >= 0) {
            // Jackson's byte parser refuses such a name, its text parser takes it: refuse it from either
            throw new JsonParseException(this, "Field name with half a surrogate pair");
        }
        int object = depth - 1;
        HashSet<String> set = large == null || object >= large.size() ? null : large.get(object);
        if (set != null) {
            if (!set.add(key)) {
                throw duplicate(key);
            }
            return;
        }
        int start = starts[object];
        int hash = key.hashCode();
        for (int i = start; i < size; i++) {
            if (hashes[i] == hash && keys[i].equals(key)) {
                throw duplicate(key);
            }
        }
        if (size - start == SCAN_LIMIT) {
            set = new HashSet<>(Arrays.asList(keys).subList(start, size));
            set.add(key);
            if (large == null) {
                large = new ArrayList<>();
            }
            while (large.size() <= object) {
                large.add(null);
            }
            large.set(object, set);
            return;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        hashes[size] = hash;
        keys[size++] = key;
    }

    private JsonParseException duplicate(String key) {
        return new JsonParseException(this, "Duplicate field '" + key + "'");
    }
}
