package dev.hookgen.runtime;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * JSON paths in the form users read: {@code $.data.all_occupants[0].joined_at}, with a name that is not an
 * identifier in brackets, {@code $.data.members['user.a']}, so that every path names one place, and as one
 * line of printable text (a newline in a name is written {@code \\u000A}).
 */
final class JsonPaths {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$@][A-Za-z0-9_$@-]*");

    private JsonPaths() {
    }

    /** The path of a binding failure, from the references Jackson collected on its way out. */
    static String of(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference step : references) {
            if (step.getFieldName() != null) {
                name(path, step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The path of the value a parser is at: its field name in its object, or its index in its array, and up. */
    static String of(JsonStreamContext context) {
        Deque<JsonStreamContext> steps = new ArrayDeque<>();
        for (JsonStreamContext step = context; step != null && !step.inRoot(); step = step.getParent()) {
            steps.push(step);
        }
        StringBuilder path = new StringBuilder("$");
        for (JsonStreamContext step : steps) {
            if (step.inObject() && step.getCurrentName() != null) {
                name(path, step.getCurrentName());
            } else if (step.inArray()) {
                path.append('[').append(Math.max(step.getCurrentIndex(), 0)).append(']');
            }
        }
        return path.toString();
    }

    /**
     * Orders paths as their places come in a document: at the first step where two paths part, the field that
     * comes first in its object, or the lower index. A path that is a prefix of another comes first.
     */
    static Comparator<String> documentOrder(JsonNode document) {
        return (a, b) -> {
            List<Object> left = steps(a);
            List<Object> right = steps(b);
            JsonNode node = document;
            for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
                Object l = left.get(i);
                Object r = right.get(i);
                if (!l.equals(r)) {
                    return l instanceof Integer li && r instanceof Integer ri ? Integer.compare(li, ri)
                            : Integer.compare(position(node, l), position(node, r));
                }
                node = l instanceof Integer index ? node.path(index) : node.path((String) l);
            }
            return Integer.compare(left.size(), right.size());
        };
    }

    /** The steps of a path this class wrote: names as strings, indexes as integers. */
    static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            if (path.charAt(i) == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                steps.add(path.substring(i + 1, end));
                i = end;
            } else if (path.startsWith("['", i)) {
                StringBuilder name = new StringBuilder();
                int at = i + 2;
                for (; path.charAt(at) != '\'' ; at++) {
                    if (path.charAt(at) != '\\') {
                        name.append(path.charAt(at));
                    } else if (path.charAt(++at) == 'u') {
                        name.append((char) Integer.parseInt(path.substring(at + 1, at + 5), 16));
                        at += 4;
                    } else {
                        name.append(path.charAt(at));
                    }
                }
                steps.add(name.toString());
                i = at + 2;
            } else {
                int end = path.indexOf(']', i);
                steps.add(Integer.parseInt(path.substring(i + 1, end)));
                i = end + 1;
            }
        }
        return steps;
    }

    private static int position(JsonNode object, Object name) {
        int position = 0;
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); position++) {
            if (names.next().equals(name)) {
                return position;
            }
        }
        return position;
    }

    /**
     * A name as an identifier, or in brackets with {@code '\\'} and {@code '\''} escaped by a backslash, and the
     * control characters and lone surrogates as {@code \\uXXXX}: a path is one line of printable text, safe in a
     * log line or an HTTP answer whatever names a body holds.
     */
    private static void name(StringBuilder path, String name) {
        if (IDENTIFIER.matcher(name).matches()) {
            path.append('.').append(name);
            return;
        }
        path.append("['");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' || c == '\'') {
                path.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F || Character.isSurrogate(c) && !pairedAt(name, i)) {
                path.append(String.format("\\u%04X", (int) c));
            } else {
                path.append(c);
            }
        }
        path.append("']");
    }

    /** Whether the surrogate at {@code i} is half of a pair. */
    private static boolean pairedAt(String name, int i) {
        return Character.isHighSurrogate(name.charAt(i)) ? i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(name.charAt(i - 1));
    }
}
