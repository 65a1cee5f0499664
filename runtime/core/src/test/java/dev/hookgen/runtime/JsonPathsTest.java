package dev.hookgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
