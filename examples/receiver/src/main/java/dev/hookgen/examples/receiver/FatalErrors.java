package dev.hookgen.examples.receiver;

import java.io.PrintStream;

/**
 * Ends the process when the JVM itself fails ({@link OutOfMemoryError}, {@link StackOverflowError}, any
 * {@link VirtualMachineError}) in any thread, so that a supervisor (systemd, Kubernetes, Docker's restart policy)
 * starts a fresh one. Without it, such an error in a server thread leaves a process that is alive and listening
 * but never answers again, which no supervisor notices.
 *
 * <p>This is the second line of defence: launch with {@code -XX:+ExitOnOutOfMemoryError}, which the JVM
 * applies to every allocation failure, including those in code that catches and logs {@link Throwable}. Both
 * exit with status {@value #EXIT_STATUS}, the JVM's own status for that flag.
 */
final class FatalErrors {

    /** The exit status after a fatal error; {@code -XX:+ExitOnOutOfMemoryError} exits with 3 as well. */
    static final int EXIT_STATUS = 3;

    private FatalErrors() {
    }

    /**
     * Makes every thread's uncaught {@link VirtualMachineError} end the process with {@value #EXIT_STATUS} after
     * one line on {@code err}; other uncaught exceptions are printed as before and the thread ends.
     */
    static void install(PrintStream err) {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (failure instanceof VirtualMachineError) {
                halt(err, thread, failure);
            } else if (previous != null) {
                previous.uncaughtException(thread, failure);
            } else {
                err.print("Exception in thread \"" + thread.getName() + "\" ");
                failure.printStackTrace(err);
            }
        });
    }

    private static void halt(PrintStream err, Thread thread, Throwable failure) {
        try {
            err.println("receiver: " + failure + " in thread " + thread.getName() + "; exiting with status " + EXIT_STATUS
                    + " so that a supervisor restarts the receiver");
            err.flush();
        } catch (Throwable cannotEvenPrint) {
            // halt regardless
        } finally {
            // halt, not exit: shutdown hooks would try to finish requests on a JVM that cannot allocate
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }
}
