package dev.hookgen.examples.receiver;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Makes SIGTERM and SIGINT (Ctrl-C) a request to stop, handled by the program, instead of the JVM's default
 * (run the shutdown hooks, then exit with 128 + the signal's number: 143 for SIGTERM). The program can then stop
 * gracefully and exit 0, as supervisors expect of a clean stop.
 *
 * <p>Java has no public API for signals; this uses {@code sun.misc.Signal} of the {@code jdk.unsupported} module,
 * present in every OpenJDK build and used for this by servers such as Quarkus. It is reached by reflection
 * because naming it in source draws a warning that {@code -Xlint} cannot silence. Where it is missing, or the JVM
 * runs with {@code -Xrs}, {@link #install} returns false and the JVM's default stays: the shutdown hook still
 * stops gracefully, and the exit status is 143.
 */
final class StopSignals {

    private StopSignals() {
    }

    /**
     * Runs {@code onSignal} on its own thread whenever SIGTERM or SIGINT arrives.
     *
     * @return whether both signals are now handled
     */
    static boolean install(Runnable onSignal) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            InvocationHandler invocation = (proxy, method, arguments) -> switch (method.getName()) {
                case "handle" -> {
                    onSignal.run();
                    yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == arguments[0];
                default -> "StopSignals.handler";
            };
            Object handler = Proxy.newProxyInstance(StopSignals.class.getClassLoader(), new Class<?>[] {handlerType}, invocation);
            Method handle = signal.getMethod("handle", signal, handlerType);
            for (String name : new String[] {"TERM", "INT"}) {
                handle.invoke(null, signal.getConstructor(String.class).newInstance(name), handler);
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
            return false;
        }
    }
}
