package dev.hookgen.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.runtime.catalog.Ping;
import dev.hookgen.runtime.catalog.TestEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Bodies whose field names collide in Jackson's symbol tables are refused, cost little, and leave nothing behind:
 * before the fix, the tables they filled were merged into the factory's shared ones, and ordinary bodies with new
 * field names failed afterwards ("Spill-over slots in symbol table", ArrayIndexOutOfBoundsException) until the
 * JVM restarted. Each test uses a new reader, so each starts, like a fresh JVM, from new tables; generated-models'
 * HashFloodTest does the same with the real catalog in fresh JVMs.
 */
class SymbolTablesTest {

    /** CPU time a hostile body may cost, in milliseconds (the bound). */
    private static final long MAX_CPU_MILLIS = 250;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** 200 bodies, each with field names no body had before. */
    private static List<String> ordinaryBodiesWithNewNames(String round) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            bodies.add("{\"trigger\":\"ping\",\"data\":{\"id\":\"" + i + "\",\"field_" + round + "_" + i + "\":1,\"other" + round + i
                    + "\":{\"nested_" + i + "\":[true]}},\"x" + round + i + "\":null}");
        }
        return bodies;
    }

    private static void floodThenParseOrdinaryBodies(Function<String, TestEvent> parse, String hostile) {
        EventReader<TestEvent> warm = TestEvent.reader();
        ordinaryBodiesWithNewNames("warm").forEach(warm::parse);
        for (int round = 0; round < 3; round++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            WebhookParseException refused = assertThrows(WebhookParseException.class, () -> parse.apply(hostile));
            long millis = (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            assertEquals(WebhookParseException.Kind.LIMIT_EXCEEDED, refused.kind(), refused.getMessage());
            assertTrue(millis < MAX_CPU_MILLIS, "a hostile body cost " + millis + " ms of CPU");
            for (String body : ordinaryBodiesWithNewNames("r" + round)) {
                assertTrue(parse.apply(body) instanceof Ping, body);
            }
            assertTrue(parse.apply(Json.PING) instanceof Ping);
        }
    }

    @Test
    void bytesWhoseNamesCollideAreRefusedAndLeaveTheTablesWhole() {
        EventReader<TestEvent> reader = TestEvent.reader();
        for (int names : new int[] {8_192, 19_000}) {
            byte[] hostile = CollidingKeys.body("ping", CollidingKeys.forBytes(names)).getBytes(UTF_8);
            assertTrue(hostile.length <= reader.limits().maxDocumentBytes(), hostile.length + " bytes");
            floodThenParseOrdinaryBodies(body -> reader.parse(body.getBytes(UTF_8)), new String(hostile, UTF_8));
        }
    }

    @Test
    void textWhoseNamesCollideIsRefusedAndLeavesTheTablesWhole() {
        EventReader<TestEvent> reader = TestEvent.reader();
        for (int blocks : new int[] {12, 14}) {
            String hostile = CollidingKeys.body("ping", CollidingKeys.forText(blocks));
            assertTrue(hostile.length() <= reader.limits().maxDocumentBytes(), hostile.length() + " characters");
            floodThenParseOrdinaryBodies(reader::parse, hostile);
        }
    }

    @Test
    void failuresFromTheSymbolTablesAreToldApartFromOthers() {
        WebhookParseException flood = assertThrows(WebhookParseException.class,
                () -> TestEvent.reader().parse(CollidingKeys.body("ping", CollidingKeys.forText(12))));
        assertTrue(SymbolTables.failedIn(flood), flood.getMessage());
        WebhookParseException other = assertThrows(WebhookParseException.class, () -> TestEvent.reader().parse("{\"trigger\":"));
        assertTrue(!SymbolTables.failedIn(other), other.getMessage());
    }
}
