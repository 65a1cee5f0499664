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
 * runs with {@code -Xrs}, the JVM's default stays: the shutdown hook still stops gracefully, and the exit status
 * is 143.
 */
final class StopSignals {

    private StopSignals() {
    }

    /**
     * Runs {@code onSignal} on its own thread whenever SIGTERM or SIGINT arrives. Each signal is taken on its own:
     * one the process inherited as ignored (SIGINT in a background job of a non-interactive shell) stays ignored.
     */
    static void install(Runnable onSignal) {
        Class<?> signal;
        Object handler;
        Method handle;
        try {
            signal = Class.forName("sun.misc.Signal");
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
            handler = Proxy.newProxyInstance(StopSignals.class.getClassLoader(), new Class<?>[] {handlerType}, invocation);
            handle = signal.getMethod("handle", signal, handlerType);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
            return;
        }
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                handle.invoke(null, signal.getConstructor(String.class).newInstance(name), handler);
            } catch (ReflectiveOperationException | RuntimeException refused) {
                // ignored at start, or taken by the VM (-Xrs): the default stays for this one
            }
        }
    }
}
