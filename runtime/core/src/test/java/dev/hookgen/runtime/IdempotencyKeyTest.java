package dev.hookgen.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookgen.runtime.catalog.Ping;
import dev.hookgen.runtime.catalog.TestEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    private static final String B64URL_SHA256 = "[A-Za-z0-9_-]{43}";

    @Test
    void partsAreJoinedWithTheirSeparatorsPercentEncoded() {
        assertEquals("wh:message_sent:1:1696934912", IdempotencyKey.of("wh", "message_sent", "1", 1696934912L));
        assertEquals("a%3Ab:c%25:%7Ed", IdempotencyKey.of("a:b", "c%", "~d"));
        assertNotEquals(IdempotencyKey.of("a:b", "c"), IdempotencyKey.of("a", "b:c"));
        assertNotEquals(IdempotencyKey.of("a%3Ab"), IdempotencyKey.of("a:b"));
    }

    /**
     * A key goes into log lines, HTTP headers and PostgreSQL text columns, which take no raw newline, NUL or
     * lone surrogate: those are percent-encoded like the separators, a lone surrogate as its WTF-8 bytes.
     */
    @Test
    void controlCharactersAndLoneSurrogatesArePercentEncoded() {
        assertEquals("a%0Ab:%00:%0D%09%1F%7F", IdempotencyKey.of("a\nb", "\u0000", "\r\t\u001f\u007f"));
        assertEquals("%ED%A0%BD:%ED%B8%80x:\ud83d\ude00", IdempotencyKey.of("\ud83d", "\ude00x", "\ud83d\ude00"),
                "a pair is kept as it is, a half is encoded");
        assertEquals("%ED%B8%80%ED%A0%BD", IdempotencyKey.of("\ude00\ud83d"), "a low surrogate then a high one is no pair");
        assertNotEquals(IdempotencyKey.of("%0A"), IdempotencyKey.of("\n"));
        assertNotEquals(IdempotencyKey.of("%ED%A0%BD"), IdempotencyKey.of("\ud83d"));
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String key = IdempotencyKey.of("x" + c);
            String unit = String.format("U+%04X", (int) c);
            assertTrue(key.chars().noneMatch(k -> k < 0x20 || k == 0x7F || Character.isSurrogate((char) k)), () -> unit + " gives " + key);
        }
    }

    @Test
    void aMissingPartIsAnErrorNeverAnEmptyPart() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> IdempotencyKey.of("wh", "t", null));
        assertEquals("key part 3 of 3 is missing", e.getMessage());
        assertEquals("wh:t:", IdempotencyKey.of("wh", "t", ""), "an empty value is a value");
    }

    @Test
    void aPartOverSixtyFourCharactersIsItsSha256AndCannotPassForALiteral() {
        String long65 = "x".repeat(65);
        assertEquals("x".repeat(64), IdempotencyKey.of("x".repeat(64)));
        assertEquals("~" + base64url(sha256(long65.getBytes(StandardCharsets.UTF_8))), IdempotencyKey.of(long65));
        String hashed = IdempotencyKey.of(long65);
        assertEquals(44, hashed.length());
        assertEquals("%7E" + hashed.substring(1), IdempotencyKey.of(hashed), "a literal '~' is encoded: no literal looks hashed");
        // 22 colons encode to 66 characters: over the limit although the text has 22
        assertTrue(IdempotencyKey.of(":".repeat(22)).matches("~" + B64URL_SHA256));
        assertEquals("%3A".repeat(21), IdempotencyKey.of(":".repeat(21)));
    }

    @Test
    void aKeyIsAtMost200CharactersWhateverItsParts() {
        String id = "i".repeat(900 * 1024);
        String key = IdempotencyKey.of("webhook", "message_sent", id, 1696934912L);
        assertEquals("webhook:message_sent:~" + base64url(sha256(id.getBytes(StandardCharsets.UTF_8))) + ":1696934912", key);

        Object[] many = new Object[12];
        for (int i = 0; i < many.length; i++) {
            many[i] = (char) ('a' + i) + "-".repeat(60);
        }
        String joined = IdempotencyKey.of(many);
        assertTrue(joined.matches("~~" + B64URL_SHA256), joined);
        assertEquals(45, joined.length());
        String shorter = IdempotencyKey.of((Object[]) List.of(many).subList(0, 3).toArray());
        assertEquals(3 * 61 + 2, shorter.length(), "three parts of 61 fit: written as they are");
    }

    /** Random part lists over the characters that matter, around the limits: distinct lists, distinct keys. */
    @Test
    void differentPartListsNeverShareAKey() {
        char[] alphabet = {'a', '3', 'A', ':', '%', '~', ',', '\ud83d', '\ude00', '-', '\n', '\u0000', 'E', 'D'};
        Random random = new Random(13);
        Map<String, List<String>> seen = new HashMap<>();
        for (int n = 0; n < 20_000; n++) {
            List<String> parts = new ArrayList<>();
            for (int p = random.nextInt(6) + 1; p > 0; p--) {
                int length = random.nextBoolean() ? random.nextInt(4) : 20 + random.nextInt(60);
                StringBuilder part = new StringBuilder();
                for (int c = 0; c < length; c++) {
                    part.append(alphabet[random.nextInt(alphabet.length)]);
                }
                parts.add(part.toString());
            }
            String key = IdempotencyKey.of(parts.toArray());
            assertTrue(key.length() <= IdempotencyKey.MAX_LENGTH, key);
            List<String> earlier = seen.putIfAbsent(key, parts);
            assertTrue(earlier == null || earlier.equals(parts), () -> earlier + " and " + parts + " share " + key);
        }
    }

    @Test
    void theKeysOfAMapAreSortedEncodedAndJoined() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("user-b", 1);
        members.put("a,b", 2);
        members.put("user-a%", 3);
        assertEquals("a%2Cb,user-a%25,user-b", IdempotencyKey.keys(members));
        assertEquals("", IdempotencyKey.keys(Map.of()));
        assertEquals("%", IdempotencyKey.keys(Map.of("", 1)), "an empty key differs from no key");
        assertEquals("%,a", IdempotencyKey.keys(new TreeMap<>(Map.of("", 1, "a", 2))));
        assertNotEquals(IdempotencyKey.keys(Map.of("a,b", 1)), IdempotencyKey.keys(new TreeMap<>(Map.of("a", 1, "b", 2))));
        assertNull(IdempotencyKey.keys(null));
    }

    @Test
    void theDigestIsTheSha256OfTheCanonicalJson() {
        // printf '{"a":1,"b":[true,null,"\\u00E9"]}' | sha256sum
        String canonical = "{\"a\":1,\"b\":[true,null,\"\\u00E9\"]}";
        String expected = base64url(sha256(canonical.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(expected, IdempotencyKey.digest(Json.tree("{ \"b\" : [true, null, \"é\"],\n  \"a\": 1 }")));
        assertEquals(expected, IdempotencyKey.digest(Map.of("b", java.util.Arrays.asList(true, null, "é"), "a", 1)));
        assertEquals("AVq9f1zFei3ZS3WQ8ErYCEJzkF7jPsXOvq5iJ2qX-GI", IdempotencyKey.digest(Json.tree("{\"a\": 1}")),
                "printf '{\"a\":1}' | sha256sum, in base64url");
        assertNull(IdempotencyKey.digest(null));
    }

    @Test
    void theDigestTellsApartWhatJsonTellsApart() {
        String digest = IdempotencyKey.digest(Json.tree("{\"n\":0.50,\"s\":\"\\ud83d\",\"o\":{\"x\":1,\"y\":2}}"));
        assertEquals(digest, IdempotencyKey.digest(Json.tree("{\"o\":{\"y\":2,\"x\":1},\"s\":\"\\ud83d\",\"n\":0.50}")));
        for (String other : List.of(
                "{\"n\":0.5,\"s\":\"\\ud83d\",\"o\":{\"x\":1,\"y\":2}}",
                "{\"n\":0.50,\"s\":\"?\",\"o\":{\"x\":1,\"y\":2}}",
                "{\"n\":0.50,\"s\":\"\\ufffd\",\"o\":{\"x\":1,\"y\":2}}",
                "{\"n\":0.50,\"s\":\"\\ud83d\",\"o\":{\"x\":1,\"y\":2,\"z\":null}}",
                "{\"n\":0.50,\"s\":\"\\ud83d\",\"o\":[{\"x\":1,\"y\":2}]}",
                "{\"n\":\"0.50\",\"s\":\"\\ud83d\",\"o\":{\"x\":1,\"y\":2}}")) {
            assertNotEquals(digest, IdempotencyKey.digest(Json.tree(other)), other);
        }
    }

    @Test
    void aModelObjectHasTheDigestOfTheJsonItWasParsedFrom() {
        Ping ping = (Ping) TestEvent.reader().parse(Json.PING);
        String data = Json.tree(Json.PING).get("data").toString();
        assertEquals(IdempotencyKey.digest(Json.tree(data)), IdempotencyKey.digest(ping.getData()));
    }

    @Test
    void textIsHashedAsUtf8AndALoneSurrogateAsItselfNotAsAQuestionMark() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex(IdempotencyKey.sha256("abc")));
        String wellFormed = "é\ud83d\ude00z";
        assertArrayEquals(sha256(wellFormed.getBytes(StandardCharsets.UTF_8)), IdempotencyKey.sha256(wellFormed));
        assertArrayEquals(sha256(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0xBD}), IdempotencyKey.sha256("\ud83d"));
        assertNotEquals(hex(IdempotencyKey.sha256("\ud83d")), hex(IdempotencyKey.sha256("?")));
        assertNotEquals(hex(IdempotencyKey.sha256("\ude00\ud83d")), hex(IdempotencyKey.sha256("\ud83d\ude00")));
    }

    /** An event built by hand (a parsed one has its key parts: they are required fields). */
    @Test
    void anEventWithAMissingPartIsKeyedByItsWholeDigest() throws Exception {
        Ping noData = built("{\"trigger\":\"ping\",\"webhook\":\"w\",\"appId\":\"a\"}");
        assertEquals("a:w:ping:" + IdempotencyKey.digest(Json.tree("{\"trigger\":\"ping\",\"webhook\":\"w\",\"appId\":\"a\"}")),
                noData.idempotencyKey());
        Ping other = built("{\"trigger\":\"ping\",\"webhook\":\"w\",\"appId\":\"b\"}");
        assertNotEquals(noData.idempotencyKey(), other.idempotencyKey(), "two events without the part still differ");
        assertEquals("app:wh-1:ping:p-1", TestEvent.reader().parse(Json.PING).idempotencyKey());
        assertTrue(built("{\"trigger\":\"ping\"}").idempotencyKey().matches("::ping:" + B64URL_SHA256));
    }

    /** A ping made by a plain mapper, which checks nothing: as code that builds events would. */
    private static Ping built(String json) throws Exception {
        return new ObjectMapper().readValue(json, Ping.class);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
