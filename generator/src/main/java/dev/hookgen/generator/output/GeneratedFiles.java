package dev.hookgen.generator.output;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The sources one generator run produced, in memory: relative path ({@code dev/hookgen/cometchat/Trigger.java})
 * to bytes, sorted by path. Nothing touches the disk until {@link OutputWriter} writes it.
 */
public final class GeneratedFiles {

    private final SortedMap<String, byte[]> files = new TreeMap<>();

    public void add(String path, byte[] content) {
        if (files.putIfAbsent(path, content.clone()) != null) {
            throw new IllegalStateException("two generated files at " + path);
        }
    }

    public void add(String path, String content) {
        add(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public void addAll(GeneratedFiles other) {
        other.files.forEach(this::add);
    }

    /** Path to content, sorted by path. The arrays are the instance's own: do not change them. */
    public SortedMap<String, byte[]> asMap() {
        return Collections.unmodifiableSortedMap(files);
    }

    public String content(String path) {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            throw new IllegalArgumentException("not generated: " + path);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public int size() {
        return files.size();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GeneratedFiles other) || !files.keySet().equals(other.files.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), other.files.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return files.keySet().hashCode();
    }
}
