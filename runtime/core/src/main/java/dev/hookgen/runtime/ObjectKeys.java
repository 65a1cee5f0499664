package dev.hookgen.runtime;

import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * The keys of the open objects of one body, for RFC 8259's strict reading (no object repeats a key), allocating no
 * set per object: the keys share one array, scanned for objects of up to {@value #SCAN_LIMIT} keys; a larger object
 * switches to a hash set, so that the check stays linear.
 *
 * <p>It follows the parser by the keys alone: a key's context says how deep its object is and whether it is the
 * object's first key, so objects that ended (and objects without keys) need no notice. One instance reads one body,
 * on one thread.
 */
final class ObjectKeys {
    private static final int SCAN_LIMIT = 16;

    private String[] keys = new String[32];

    /**
     * The hash of each key in {@link #keys}: canonical field names cache theirs, so most comparisons are of two ints.
     */
    private int[] hashes = new int[32];

    /** Per open object with keys, outermost first: its nesting depth. */
    private int[] depths = new int[8];

    /** Per open object with keys: where its keys start in {@link #keys}. */
    private int[] starts = new int[8];

    /**
     * Per open object, its key set once it has more than {@link #SCAN_LIMIT} keys; null until then.
     */
    private List<HashSet<String>> large;

    /** Keys in use in {@link #keys}, across the open objects. */
    private int size;

    /** Open objects with keys. */
    private int objects;

    /**
     * Adds the key the parser has just read.
     *
     * @param object the parser's context at the key: the object the key belongs to
     * @return false if that object has the key already
     */
    boolean add(JsonStreamContext object, String key) {
        int depth = object.getNestingDepth();
        boolean first = object.getCurrentIndex() == 0;
        // the objects the parser has left: deeper ones, and at a first key the last object at the same depth
        while (objects > 0 && (depths[objects - 1] > depth || first && depths[objects - 1] == depth)) {
            size = starts[--objects];
            if (large != null && objects < large.size()) {
                large.set(objects, null);
            }
        }
        if (objects == 0 || depths[objects - 1] != depth) {
            open(depth);
        }
        int current = objects - 1;
        HashSet<String> set = large == null || current >= large.size() ? null : large.get(current);
        if (set != null) {
            return set.add(key);
        }
        int start = starts[current];
        int hash = key.hashCode();
        for (int i = start; i < size; i++) {
            if (hashes[i] == hash && key.equals(keys[i])) {
                return false;
            }
        }
        if (size - start == SCAN_LIMIT) {
            set = new HashSet<>(Arrays.asList(keys).subList(start, size));
            set.add(key);
            if (large == null) {
                large = new ArrayList<>();
            }
            while (large.size() <= current) {
                large.add(null);
            }
            large.set(current, set);
            return true;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        hashes[size] = hash;
        keys[size++] = key;
        return true;
    }

    private void open(int depth) {
        if (objects == depths.length) {
            depths = Arrays.copyOf(depths, objects * 2);
            starts = Arrays.copyOf(starts, objects * 2);
        }
        depths[objects] = depth;
        starts[objects++] = size;
    }
}
