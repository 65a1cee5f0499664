package dev.hookgen.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Field names built to collide in Jackson's symbol tables, whatever their seeds: the bodies of a hash-flooding
 * client. Public, in the test jar, so that the generated catalog's tests can flood the real parser too.
 */
public final class CollidingKeys {

    private CollidingKeys() {
    }

    /**
     * Names for {@code byte[]} input: a 12-byte prefix, then permutations of the same eight 4-byte blocks.
     * {@code ByteQuadsCanonicalizer} mixes only the first 12 bytes with its seed and adds the later blocks
     * up, so every permutation has one hash (44-byte names).
     */
    public static List<String> forBytes(int count) {
        String[] quads = {"Aaaa", "Bbbb", "Cccc", "Dddd", "Eeee", "Ffff", "Gggg", "Hhhh"};
        int[] order = {0, 1, 2, 3, 4, 5, 6, 7};
        List<String> names = new ArrayList<>(count);
        do {
            StringBuilder name = new StringBuilder("prefix-12byt");
            for (int i : order) {
                name.append(quads[i]);
            }
            names.add(name.toString());
        } while (names.size() < count && nextPermutation(order));
        return names;
    }

    /**
     * Names for {@code String} input: every sequence of {@code blocks} of {@code "Aa"} and {@code "B@"}, which
     * hash alike under {@code CharsToNameCanonicalizer}'s multiplier 33 whatever its seed (2^blocks names).
     */
    public static List<String> forText(int blocks) {
        List<String> names = new ArrayList<>(1 << blocks);
        for (int bits = 0; bits < 1 << blocks; bits++) {
            StringBuilder name = new StringBuilder();
            for (int i = blocks - 1; i >= 0; i--) {
                name.append((bits >> i & 1) == 0 ? "Aa" : "B@");
            }
            names.add(name.toString());
        }
        return names;
    }

    /** {@code {"trigger":"<trigger>","<name1>":0,...}}. */
    public static String body(String trigger, List<String> names) {
        StringBuilder body = new StringBuilder("{\"trigger\":\"").append(trigger).append('"');
        for (String name : names) {
            body.append(",\"").append(name).append("\":0");
        }
        return body.append('}').toString();
    }

    private static boolean nextPermutation(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = a.length - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        int swap = a[i];
        a[i] = a[j];
        a[j] = swap;
        for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
            swap = a[l];
            a[l] = a[r];
            a[r] = swap;
        }
        return true;
    }
}
