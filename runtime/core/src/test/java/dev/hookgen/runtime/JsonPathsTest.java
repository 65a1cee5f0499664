package dev.hookgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPathsTest {

    @Test
    void namesThatAreNotIdentifiersAreBracketedAndReadBack() {
        for (String path : List.of("$.data.members['a.b'].uid", "$['it\\'s']", "$['a\\\\b'][3].c", "$.x-y[0][1]", "$.@injected.v", "$['1st']")) {
            List<Object> steps = JsonPaths.steps(path);
            StringBuilder again = new StringBuilder("$");
            for (Object step : steps) {
                again.append(step instanceof Integer i ? "[" + i + "]" : rendered((String) step));
            }
            assertEquals(path, again.toString(), path + " -> " + steps);
        }
        assertEquals(List.of("data", "members", "a.b", "uid"), JsonPaths.steps("$.data.members['a.b'].uid"));
        assertEquals(List.of("it's", 2), JsonPaths.steps("$['it\\'s'][2]"));
    }

    /** Names holding any character: the path is one printable line, and reads back as the same names. */
    @Test
    void controlCharactersAndLoneSurrogatesInNamesAreEscaped() {
        for (String name : List.of("a\nb", "\r\n\t", "\u0000", "\u007f", "\ud83d", "x\ude00", "\ud83d\ude00", "it's\\", "\\u000A")) {
            String path = JsonPaths.of(List.of(new JsonMappingException.Reference(null, "data"), new JsonMappingException.Reference(null, name),
                    new JsonMappingException.Reference(null, 0)));
            assertTrue(path.chars().noneMatch(c -> c < 0x20 || c == 0x7F), path);
            assertEquals(Utf8.firstLoneSurrogate(path), -1, path);
            assertEquals(List.of("data", name, 0), JsonPaths.steps(path), path);
        }
        assertEquals("$['a\\u000Ab']", JsonPaths.of(List.of(new JsonMappingException.Reference(null, "a\nb"))));
        assertEquals("$['\\\\u000A']", JsonPaths.of(List.of(new JsonMappingException.Reference(null, "\\u000A"))), "a backslash is escaped");
        assertEquals("$['\ud83d\ude00']", JsonPaths.of(List.of(new JsonMappingException.Reference(null, "\ud83d\ude00"))), "a pair is kept");
    }

    @Test
    void documentOrderFollowsTheBody() {
        var order = JsonPaths.documentOrder(Json.tree("{\"b\":{\"y\":1,\"x\":[1,2]},\"a\":1}"));
        assertEquals(List.of("$.b.y", "$.b.x[0]", "$.b.x[1]", "$.a"),
                List.of("$.a", "$.b.x[1]", "$.b.y", "$.b.x[0]").stream().sorted(order).toList());
    }

    private static String rendered(String name) {
        return name.matches("[A-Za-z_$@][A-Za-z0-9_$@-]*") ? "." + name : "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }
}
