package dev.hookgen.examples.receiver;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/** What the JVM was started with, where that matters to the receiver. */
final class JvmFlags {

    private JvmFlags() {
    }

    /**
     * Whether the JVM ends itself on an {@link OutOfMemoryError} ({@code -XX:+ExitOnOutOfMemoryError} or
     * {@code -XX:+CrashOnOutOfMemoryError}); true as well when this cannot be told (not a HotSpot JVM).
     */
    static boolean exitsOnOutOfMemoryError() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot == null || "true".equals(hotSpot.getVMOption("ExitOnOutOfMemoryError").getValue())
                    || "true".equals(hotSpot.getVMOption("CrashOnOutOfMemoryError").getValue());
        } catch (RuntimeException | LinkageError notHotSpot) {
            return true;
        }
    }
}
